package io.byline.validation;

import java.util.List;
import java.util.Objects;

/**
 * A policy as imported or edited: confidential terms and patterns, public phrases that are allowed, and
 * host suffixes that must never appear in a public link. Compile it with {@link CompiledPolicy#compile(Policy)}.
 */
public record Policy(String name, List<PolicyTerm> terms, List<String> allow, List<String> internalDomains) {
    public Policy {
        name = name == null ? "" : name;
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        allow = allow == null ? List.of() : List.copyOf(allow);
        internalDomains = internalDomains == null ? List.of() : List.copyOf(internalDomains);
    }

    public static Policy empty() {
        return new Policy("", List.of(), List.of(), List.of());
    }
}
