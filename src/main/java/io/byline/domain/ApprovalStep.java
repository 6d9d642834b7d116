package io.byline.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One step of an approval chain.
 *
 * @param name  shown to people ("Communications director", "Legal" …)
 * @param roles the roles that may sign this step; a step naming {@link Role#EXECUTIVE} can only be signed
 *              by the user linked to the post's own executive
 * @param rule  whether one of the roles is enough ({@link StepRule#ANY}) or each must sign ({@link StepRule#ALL})
 */
public record ApprovalStep(String name, Set<Role> roles, StepRule rule) {
    public ApprovalStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("a step needs at least one role");
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public static ApprovalStep any(String name, Role... roles) {
        return new ApprovalStep(name, Set.of(roles), StepRule.ANY);
    }

    public static ApprovalStep all(String name, Role... roles) {
        return new ApprovalStep(name, Set.of(roles), StepRule.ALL);
    }

    /** Two steps are the same requirement when they ask the same roles with the same rule (the name is a label). */
    public boolean sameRequirement(ApprovalStep other) {
        return rule == other.rule && roles.equals(other.roles);
    }
}
