package io.byline.ui.compose;

import java.time.Instant;

/** One row of the History panel. */
public record VersionViewModel(long id, int number, String authorName, Instant createdAt, String note, String text) {}
