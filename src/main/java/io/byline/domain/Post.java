package io.byline.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A post: one text (plus optional per-platform variants) for one executive, aimed at one or more of
 * their accounts.
 *
 * @param currentVersionId the latest explicitly saved version, or null before the first save
 * @param workingText      the autosaved text (may be newer than the current version), or null
 * @param workingVariants  the autosaved per-platform variants; empty when none
 * @param workingAt        when the working text was last autosaved, or null
 * @param submitReason     the writer's reason for submitting despite blocking findings, or null
 * @param liveUrl          where it was published, once it was
 */
public record Post(long id, long executiveId, PostState state, Instant publishAt, long createdBy,
                   Long currentVersionId, String workingText, Map<Platform, String> workingVariants, Instant workingAt,
                   String submitReason, String liveUrl, Instant createdAt, Instant updatedAt, Instant publishedAt) {
    public Post {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publishAt, "publishAt");
        workingVariants = workingVariants == null ? Map.of() : Map.copyOf(workingVariants);
    }
}
