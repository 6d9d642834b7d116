package io.byline.validation;

import io.byline.domain.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * A time when executives stay quiet (before earnings). A post publishing at or after {@code from} and before
 * {@code to} is inside it.
 */
public record QuietPeriod(String label, Instant from, Instant to, Severity severity) {
    public QuietPeriod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(severity, "severity");
        if (from.isAfter(to)) throw new IllegalArgumentException("from is after to");
    }

    /** True when a post publishing at {@code at} is inside the period (from inclusive, to exclusive). */
    public boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }
}
