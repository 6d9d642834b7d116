package io.byline.domain;

import java.util.Objects;

/**
 * One risk found in a post's text.
 *
 * @param rule       stable rule id ({@code lexicon}, {@code pii.email}, {@code length} …)
 * @param severity   how serious it is
 * @param start      UTF-16 offset into the original text, inclusive
 * @param end        UTF-16 offset into the original text, exclusive
 * @param text       the original text between start and end
 * @param category   policy category for {@code lexicon} hits ({@code codename} …), else a rule-specific kind or null
 * @param termId     the policy entry's id for {@code lexicon} hits, else null; logs name this, never the term
 * @param term       the policy term or pattern as written, for {@code lexicon} hits, else null
 * @param messageKey bundle key of the message in {@code io/byline/i18n/messages}, for display in the user's language
 * @param message    the message in English, for the CLI and logs (never contains the term's text)
 */
public record Finding(String rule, Severity severity, int start, int end, String text,
                      String category, String termId, String term,
                      String messageKey, String message) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean overlaps(int from, int to) {
        return start < to && end > from;
    }
}
