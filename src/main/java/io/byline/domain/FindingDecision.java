package io.byline.domain;

import java.time.Instant;

/**
 * An override or acknowledgement of one finding of a post, identified by its {@code fingerprint}
 * (rule, policy entry, matched text and which occurrence it is), so it still applies while the finding is
 * unchanged across edits and never to a new occurrence.
 *
 * @param severity the finding's severity when decided; an acknowledgement never covers a finding that became BLOCK
 */
public record FindingDecision(long id, long postId, String fingerprint, String rule, String termId, Severity severity,
                              DecisionKind kind, String reason, long userId, String userName, long versionId,
                              Instant at) {
    /** Whether this decision resolves a finding of the given severity. */
    public boolean covers(Severity current) {
        if (current == Severity.BLOCK) return kind == DecisionKind.OVERRIDE;
        return true;
    }
}
