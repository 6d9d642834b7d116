package io.byline.validation;

import io.byline.domain.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a policy: exactly one of {@code term} (a word or phrase) or {@code pattern} (a Java regex).
 *
 * @param id           stable id of the entry, or null (logs and audit name this, never the term)
 * @param term         the confidential word or phrase, or null when this is a pattern entry
 * @param pattern      a Java regular expression, or null when this is a term entry
 * @param category     free-form category ({@code codename}, {@code m-and-a} …)
 * @param severity     how serious a hit is
 * @param embargoUntil the term is confidential until this instant; null = always
 * @param note         free text for policy editors, or null
 */
public record PolicyTerm(String id, String term, String pattern, String category, Severity severity,
                         Instant embargoUntil, String note) {
    public PolicyTerm {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        if ((term == null) == (pattern == null)) {
            throw new IllegalArgumentException("exactly one of term or pattern is required");
        }
    }

    public static PolicyTerm term(String term, String category, Severity severity) {
        return new PolicyTerm(null, term, null, category, severity, null, null);
    }

    public static PolicyTerm pattern(String pattern, String category, Severity severity) {
        return new PolicyTerm(null, null, pattern, category, severity, null, null);
    }

    public boolean isPattern() {
        return pattern != null;
    }

    /** The term or the pattern, as written. */
    public String source() {
        return term != null ? term : pattern;
    }

    /** True when the entry applies to a post planned for {@code publishAt} (null = unknown time: applies). */
    public boolean activeAt(Instant publishAt) {
        return embargoUntil == null || publishAt == null || publishAt.isBefore(embargoUntil);
    }
}
