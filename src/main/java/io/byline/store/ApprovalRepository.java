package io.byline.store;

import io.byline.domain.Approval;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Capacity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Approval chains and the signatures given under them. */
public interface ApprovalRepository {
    /** The saved steps of the chain for an executive and capacity; empty when none was saved. */
    Optional<List<ApprovalStep>> chain(Tx tx, long executiveId, Capacity capacity);

    void saveChain(Tx tx, long executiveId, Capacity capacity, List<ApprovalStep> steps, Instant now);

    long insertApproval(Tx tx, Approval approval);

    /** Approvals of a post, oldest first; voided ones too when asked. */
    List<Approval> approvals(Tx tx, long postId, boolean includeVoided);

    /** Voids every standing approval of the post; returns how many. */
    int voidApprovals(Tx tx, long postId, String reason, Instant now);
}
