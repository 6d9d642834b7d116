package io.byline.domain;

import java.time.Instant;

/**
 * A proposal to add a phrase to the policy's allowed (public) phrases, made when someone marks a finding a false
 * positive. A Legal or Admin user applies it (the phrase joins the policy) or declines it; either is recorded.
 *
 * @param postId      the post whose finding was marked, or null
 * @param fingerprint that finding's fingerprint, or null
 */
public record AllowProposal(long id, String phrase, Long postId, String fingerprint, String rule, String category,
                            String reason, long proposedBy, String proposedByName, Instant proposedAt, Status status,
                            Long decidedBy, String decidedByName, Instant decidedAt) {
    /** Where a proposal is. */
    public enum Status { PENDING, APPLIED, DECLINED }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
