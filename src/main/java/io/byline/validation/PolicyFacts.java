package io.byline.validation;

import java.util.List;

/**
 * The parts of a policy beyond words: figures that are (or will be) public, accounts not to engage, quiet periods.
 * A policy without them checks exactly as before.
 */
public record PolicyFacts(List<PolicyFact> facts, List<DoNotEngage> doNotEngage, List<QuietPeriod> quietPeriods) {
    private static final PolicyFacts EMPTY = new PolicyFacts(List.of(), List.of(), List.of());

    public PolicyFacts {
        facts = facts == null ? List.of() : List.copyOf(facts);
        doNotEngage = doNotEngage == null ? List.of() : List.copyOf(doNotEngage);
        quietPeriods = quietPeriods == null ? List.of() : List.copyOf(quietPeriods);
    }

    public static PolicyFacts empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return facts.isEmpty() && doNotEngage.isEmpty() && quietPeriods.isEmpty();
    }
}
