package io.byline.validation;

import java.util.List;
import java.util.Objects;

/**
 * A policy as imported or edited: confidential terms and patterns, public phrases that are allowed, host suffixes
 * that must never appear in a public link, and the {@link PolicyFacts} (figures, do-not-engage accounts, quiet periods). Compile it with {@link CompiledPolicy#compile(Policy)}.
 */
public record Policy(String name, List<PolicyTerm> terms, List<String> allow, List<String> internalDomains,
                     PolicyFacts facts) {
    public Policy {
        name = name == null ? "" : name;
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        allow = allow == null ? List.of() : List.copyOf(allow);
        internalDomains = internalDomains == null ? List.of() : List.copyOf(internalDomains);
        facts = facts == null ? PolicyFacts.empty() : facts;
    }

    /** A policy of words only (no facts, do-not-engage accounts or quiet periods). */
    public Policy(String name, List<PolicyTerm> terms, List<String> allow, List<String> internalDomains) {
        this(name, terms, allow, internalDomains, PolicyFacts.empty());
    }

    /** The same policy with other facts, do-not-engage accounts and quiet periods. */
    public Policy withFacts(PolicyFacts facts) {
        return new Policy(name, terms, allow, internalDomains, facts);
    }

    public static Policy empty() {
        return new Policy("", List.of(), List.of(), List.of());
    }
}
