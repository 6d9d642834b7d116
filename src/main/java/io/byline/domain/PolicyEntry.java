package io.byline.domain;

import java.time.Instant;

/**
 * One entry of the confidential-terms policy as stored: exactly one of {@code term} and {@code pattern} is set.
 *
 * @param embargoUntil the term is confidential until then; null when it always is
 */
public record PolicyEntry(long id, String term, String pattern, String category, Severity severity,
                          Instant embargoUntil, String note, boolean retired) {
    public PolicyEntry {
        if ((term == null) == (pattern == null)) {
            throw new IllegalArgumentException("a policy entry has a term or a pattern");
        }
        note = note == null ? "" : note;
    }

    public boolean isPattern() {
        return pattern != null;
    }

    /** The term or the pattern, as written. */
    public String text() {
        return term != null ? term : pattern;
    }
}
