package io.byline.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a post is in its life. */
public enum PostState {
    /** Being written; not yet in anyone's queue. */
    DRAFT,
    /** Waiting for the next step of its approval chain. */
    IN_REVIEW,
    /** A reviewer sent it back to the writer. */
    CHANGES_REQUESTED,
    /** Every step of its chain signed the current version. */
    APPROVED,
    /** Approved and handed to a scheduler (exported or copied). */
    SCHEDULED,
    /** Live on the platform(s). Final. */
    PUBLISHED,
    /** Refused by a reviewer. Final. */
    REJECTED,
    /** Not fully approved before its deadline. Can be reopened by rescheduling. */
    EXPIRED,
    /** Taken back by its writer or an approver. Final. */
    WITHDRAWN;

    /** States whose text may still be edited (an edit after approval returns the post to review). */
    public static final Set<PostState> EDITABLE = EnumSet.of(DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED);

    /** States not yet fully approved: these have an approval deadline. */
    public static final Set<PostState> AWAITING_APPROVAL = EnumSet.of(DRAFT, IN_REVIEW, CHANGES_REQUESTED);

    public boolean isFinal() {
        return this == PUBLISHED || this == REJECTED || this == WITHDRAWN;
    }

    public boolean isEditable() {
        return EDITABLE.contains(this);
    }
}
