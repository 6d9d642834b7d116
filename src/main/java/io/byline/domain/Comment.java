package io.byline.domain;

import java.time.Instant;

/** An internal note on a post, never published. */
public record Comment(long id, long postId, long userId, String userName, String text, Instant createdAt) {
}
