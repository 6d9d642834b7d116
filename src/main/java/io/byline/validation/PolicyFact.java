package io.byline.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A figure the company has published (or will publish at {@code disclosedAt}).
 *
 * @param id          stable id ({@code q3-revenue}); findings and the evidence bundle name it
 * @param metric      what it measures
 * @param value       the exact value (money in units of the currency, {@link Metric#GROWTH} in percent)
 * @param currency    ISO code ({@code IDR}, {@code USD}, {@code EUR}) or null for counts and percentages
 * @param period      the period it covers, as written ({@code Q3 2026}), or null
 * @param disclosedAt when it is public; a post published before then may not carry it
 * @param tolerance   relative difference still counted as the same figure (0.005 = half a percent)
 */
public record PolicyFact(String id, Metric metric, BigDecimal value, String currency, String period, Instant disclosedAt,
                         double tolerance) {
    /** Tolerance when a fact gives none. */
    public static final double DEFAULT_TOLERANCE = 0.005;

    public PolicyFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(disclosedAt, "disclosedAt");
        currency = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
        period = period == null || period.isBlank() ? null : period.trim();
        if (!(tolerance >= 0 && tolerance < 1)) throw new IllegalArgumentException("tolerance must be in [0, 1)");
    }

    /** True when the fact is public at {@code at} (disclosure exactly at that time counts as public). */
    public boolean disclosedBy(Instant at) {
        return at != null && !disclosedAt.isAfter(at);
    }

    /** "1200000000000 IDR, Q3 2026": how findings quote the published figure. */
    public String describe() {
        StringBuilder b = new StringBuilder(value.stripTrailingZeros().toPlainString());
        if (metric == Metric.GROWTH && currency == null) b.append('%');
        if (currency != null) b.append(' ').append(currency);
        if (period != null) b.append(", ").append(period);
        return b.toString();
    }
}
