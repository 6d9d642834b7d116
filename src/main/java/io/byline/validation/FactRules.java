package io.byline.validation;

import io.byline.domain.RuleIds;

/** The rule ids of the checks on figures, do-not-engage accounts and quiet periods (stable once shipped). */
public final class FactRules {
    /** A money amount or percentage tied to a financial metric that matches no disclosed fact (BLOCK). */
    public static final String UNDISCLOSED = RuleIds.FACT_UNDISCLOSED;
    /** The figure matches a fact that is disclosed only after the post's publish time (BLOCK). */
    public static final String EMBARGO = RuleIds.FACT_EMBARGO;
    /** The figure is close to a disclosed fact of that metric and period but outside its tolerance (WARN). */
    public static final String MISMATCH = RuleIds.FACT_MISMATCH;
    /** The post mentions, replies to or quotes a do-not-engage account (severity from the entry). */
    public static final String ENGAGE = RuleIds.ENGAGE;
    /** The post publishes inside a quiet period (severity from the period; BLOCK with a figure or forward-looking wording). */
    public static final String QUIET_PERIOD = RuleIds.QUIET_PERIOD;

    private FactRules() {}
}
