package io.byline.service;

import io.byline.domain.Approval;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How far a post's current version has come along its approval chain. Only approvals that stand (not voided)
 * and name the current version with its exact hash count.
 *
 * @param steps every step of the effective chain, in order
 */
public record ChainProgress(List<StepProgress> steps) {
    public ChainProgress {
        steps = List.copyOf(steps);
    }

    /**
     * One step and who signed it.
     *
     * @param ordinal      1-based position in the effective chain
     * @param signatures   the approvals counted for this step
     * @param missingRoles roles still to sign (ALL), or every role of the step while nobody signed it (ANY)
     */
    public record StepProgress(int ordinal, ApprovalStep step, List<Approval> signatures, Set<Role> missingRoles) {
        public StepProgress {
            signatures = List.copyOf(signatures);
            missingRoles = missingRoles.isEmpty() ? Set.of() : Set.copyOf(missingRoles);
        }

        public boolean done() {
            return missingRoles.isEmpty();
        }
    }

    public boolean complete() {
        return steps.stream().allMatch(StepProgress::done);
    }

    /** The first step not yet done: the one waiting for signatures. */
    public Optional<StepProgress> current() {
        return steps.stream().filter(s -> !s.done()).findFirst();
    }

    /** Assigns each valid approval to at most one step, in chain order, preferring the step it was given for. */
    static ChainProgress evaluate(List<ApprovalStep> chain, List<Approval> valid) {
        List<Approval> pool = new ArrayList<>(valid);
        List<StepProgress> out = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            ApprovalStep step = chain.get(i);
            int ordinal = i + 1;
            List<Approval> sigs = new ArrayList<>();
            Set<Role> missing = EnumSet.copyOf(step.roles());
            if (step.rule() == io.byline.domain.StepRule.ANY) {
                take(pool, ordinal, step.roles()).ifPresent(a -> {
                    sigs.add(a);
                    missing.clear();
                });
            } else {
                for (Role r : step.roles()) {
                    take(pool, ordinal, EnumSet.of(r)).ifPresent(a -> {
                        sigs.add(a);
                        missing.remove(r);
                    });
                }
            }
            out.add(new StepProgress(ordinal, step, sigs, missing));
        }
        return new ChainProgress(out);
    }

    private static Optional<Approval> take(List<Approval> pool, int ordinal, Set<Role> roles) {
        Approval pick = null;
        for (Approval a : pool) {
            if (!roles.contains(a.role())) continue;
            if (a.stepOrdinal() == ordinal) {
                pick = a;
                break;
            }
            if (pick == null) pick = a;
        }
        if (pick != null) pool.remove(pick);
        return Optional.ofNullable(pick);
    }
}
