package io.byline.validation;

import io.byline.domain.Platform;
import io.byline.domain.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A policy with facts, do-not-engage accounts and a quiet period, for the tests of those rules. */
final class FactPolicies {
    /** After the Q3 2026 results came out, before the Q4 ones. */
    static final Instant AFTER_Q3 = Instant.parse("2026-11-05T09:00:00Z");
    static final Instant Q3_DISCLOSED = Instant.parse("2026-10-30T00:00:00Z");
    static final Instant Q4_DISCLOSED = Instant.parse("2027-01-31T00:00:00Z");

    private FactPolicies() {}

    static PolicyFact fact(String id, Metric m, String value, String currency, String period, Instant at) {
        return new PolicyFact(id, m, new BigDecimal(value), currency, period, at, PolicyFact.DEFAULT_TOLERANCE);
    }

    static PolicyFacts facts() {
        return new PolicyFacts(List.of(
                fact("q3-revenue", Metric.REVENUE, "1.2e12", "IDR", "Q3 2026", Q3_DISCLOSED),
                fact("fy25-sales", Metric.SALES, "4.1e9", "USD", "FY2025", Instant.parse("2026-02-01T00:00:00Z")),
                fact("q3-growth", Metric.GROWTH, "18", null, "Q3 2026", Q3_DISCLOSED),
                fact("users", Metric.USERS, "12e6", null, null, Instant.parse("2026-01-01T00:00:00Z")),
                fact("q4-profit", Metric.PROFIT, "350e9", "IDR", "Q4 2026", Q4_DISCLOSED)),
                List.of(new DoNotEngage(Platform.X, "@rivalcorp", List.of("Rival Corp"), "litigation", Severity.BLOCK),
                        new DoNotEngage(null, "kompetitorid", List.of(), "dispute", Severity.WARN)),
                List.of(new QuietPeriod("Q3 earnings", Instant.parse("2026-10-15T00:00:00Z"),
                        Instant.parse("2026-10-30T10:00:00Z"), Severity.WARN)));
    }

    static Validator validator() {
        try {
            return new Validator(CompiledPolicy.compile(TestPolicies.policy().withFacts(facts())));
        } catch (PolicyException e) {
            throw new AssertionError(e);
        }
    }
}
