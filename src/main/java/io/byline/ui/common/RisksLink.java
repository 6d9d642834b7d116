package io.byline.ui.common;

import io.byline.domain.Severity;

/**
 * Where to open Risks: its open findings of one policy category (or of a rule that has none), of one rule, of one
 * severity; null means any. Other screens link to Risks with it through {@link AppActions#openRisks}.
 *
 * @param category a finding's category as Risks lists it: the policy category, else the rule
 * @param rule     a rule id ({@code lexicon}, {@code pii} …)
 */
public record RisksLink(String category, String rule, Severity severity) {
    /** The open findings of a category (or rule without categories), of one severity when it is not null. */
    public static RisksLink category(String category, Severity severity) {
        return new RisksLink(category, null, severity);
    }

    /** The open findings of a rule. */
    public static RisksLink rule(String rule) {
        return new RisksLink(null, rule, null);
    }
}
