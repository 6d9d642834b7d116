package io.byline.service;

import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.Severity;

import java.time.Instant;
import java.util.List;

/**
 * One row of the queue.
 *
 * @param worstSeverity the most serious cached finding, or null when there are none
 * @param worstFinding  that finding (the first of them), or null
 * @param unresolved    findings that still stop approval (BLOCK not overridden, WARN not acknowledged)
 * @param waitingStep   the name of the step waiting for a signature, or null when none is
 * @param deadline      when it must be fully approved (publish time minus the margin)
 * @param nearDeadline  still awaiting approval and the deadline is within the attention window (or passed)
 * @param excerpt       the start of the current text
 */
public record QueueItem(long postId, long executiveId, String executiveName, List<Platform> platforms, PostState state,
                        Severity worstSeverity, PostFinding worstFinding, int unresolved, String waitingStep,
                        Instant publishAt, Instant deadline, boolean nearDeadline, String excerpt, String authorName,
                        Instant updatedAt) {
    public QueueItem {
        platforms = List.copyOf(platforms);
    }
}
