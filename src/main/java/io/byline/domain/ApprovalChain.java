package io.byline.domain;

import java.util.List;
import java.util.Objects;

/**
 * The ordered sign-offs a post for one executive's accounts of one capacity needs.
 *
 * @param builtIn true when no chain was saved for the executive and capacity and this is Byline's default
 */
public record ApprovalChain(long executiveId, Capacity capacity, List<ApprovalStep> steps, boolean builtIn) {
    public ApprovalChain {
        Objects.requireNonNull(capacity, "capacity");
        steps = List.copyOf(steps);
    }

    /** Byline's default: official posts go to the communications director, then legal, then the executive. */
    public static List<ApprovalStep> defaultSteps(Capacity capacity) {
        return capacity == Capacity.OFFICIAL
                ? List.of(ApprovalStep.any("Communications director", Role.APPROVER),
                        ApprovalStep.any("Legal", Role.LEGAL),
                        ApprovalStep.any("Executive", Role.EXECUTIVE))
                : List.of(ApprovalStep.any("Communications director", Role.APPROVER),
                        ApprovalStep.any("Executive", Role.EXECUTIVE));
    }
}
