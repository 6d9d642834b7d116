package io.byline.domain;

import java.time.Instant;

/**
 * One signature on one exact version of a post.
 *
 * @param versionHash the {@link ContentHash} of the version signed; the approval counts only while the post's
 *                    content still has this hash
 * @param role        the role the user signed as
 * @param voidedAt    when a later edit (or a return to the writer) voided it, or null while it stands
 */
public record Approval(long id, long postId, long versionId, String versionHash, int stepOrdinal, String stepName,
                       Role role, long userId, String userName, Instant at, Instant voidedAt, String voidReason) {
    public boolean valid() {
        return voidedAt == null;
    }
}
