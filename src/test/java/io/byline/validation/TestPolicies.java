package io.byline.validation;

import io.byline.domain.Platform;
import io.byline.domain.Severity;

import java.time.Instant;
import java.util.List;

/** Policies and helpers for the validation tests (other terms than the shared sample, on purpose). */
final class TestPolicies {
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private TestPolicies() {}

    static Policy policy() {
        return new Policy("test", List.of(
                PolicyTerm.term("Blue Heron", "codename", Severity.BLOCK),
                PolicyTerm.term("Nimbus", "codename", Severity.BLOCK),
                PolicyTerm.term("Kestrel-7", "unreleased-product", Severity.BLOCK),
                PolicyTerm.term("Orion Dynamics", "m-and-a", Severity.BLOCK),
                PolicyTerm.term("Proyek Merapi", "codename", Severity.BLOCK),
                PolicyTerm.term("Sofia Reyes", "personnel", Severity.BLOCK),
                new PolicyTerm("t-lynx", "Lynx Drive", null, "unreleased-product", Severity.BLOCK,
                        Instant.parse("2026-09-01T00:00:00Z"), "launch"),
                PolicyTerm.term("H2 outlook", "financial", Severity.WARN),
                PolicyTerm.pattern("\\bKX-[0-9]{3}\\b", "part-number", Severity.WARN)),
                List.of("Nimbus Cloud Atlas"), List.of("example.internal"));
    }

    static Validator validator() {
        try {
            return new Validator(CompiledPolicy.compile(policy()));
        } catch (PolicyException e) {
            throw new AssertionError(e);
        }
    }

    static ValidationResult check(Validator v, String text) {
        return v.validate(new PostInput(text, Platform.LINKEDIN, NOW));
    }
}
