package io.byline.service;

import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Severity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Filters of the queue; null (or empty) means "any".
 *
 * @param minSeverity only posts whose worst finding is at least this serious
 * @param text        case-insensitive search in the current text
 */
public record QueueFilter(Long executiveId, Platform platform, Set<PostState> states, Severity minSeverity, String text) {
    public QueueFilter {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** Everything. */
    public static QueueFilter all() {
        return new QueueFilter(null, null, Set.of(), null, null);
    }

    /** Posts still on their way: not published, rejected, withdrawn or expired. */
    public static QueueFilter open() {
        return all().withStates(EnumSet.of(PostState.DRAFT, PostState.IN_REVIEW, PostState.CHANGES_REQUESTED,
                PostState.APPROVED, PostState.SCHEDULED));
    }

    public QueueFilter withExecutive(Long id) {
        return new QueueFilter(id, platform, states, minSeverity, text);
    }

    public QueueFilter withPlatform(Platform p) {
        return new QueueFilter(executiveId, p, states, minSeverity, text);
    }

    public QueueFilter withStates(Set<PostState> s) {
        return new QueueFilter(executiveId, platform, s, minSeverity, text);
    }

    public QueueFilter withMinSeverity(Severity s) {
        return new QueueFilter(executiveId, platform, states, s, text);
    }

    public QueueFilter withText(String t) {
        return new QueueFilter(executiveId, platform, states, minSeverity, t);
    }
}
