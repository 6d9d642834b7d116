package io.byline.domain;

/**
 * The stable rule ids of findings, in one place: the checks, the services, the screens, the CLI output and the
 * audit log all use these. Once shipped, an id never changes (saved decisions and exported evidence name it).
 */
public final class RuleIds {
    /** A policy term or pattern. */
    public static final String LEXICON = "lexicon";
    /** A policy pattern that ran too long on a post and was stopped. */
    public static final String LEXICON_REGEX_STOPPED = "lexicon.regex-stopped";
    public static final String PII_EMAIL = "pii.email";
    public static final String PII_PHONE = "pii.phone";
    public static final String PII_CARD = "pii.card";
    public static final String PII_IBAN = "pii.iban";
    public static final String INTERNAL_LINK = "internal-link";
    /** Over the platform's limit, counted the platform's way. */
    public static final String LENGTH = "length";
    public static final String DISCLOSURE = "disclosure";
    public static final String FINANCIAL = "financial";
    /** An attached image without alt text (a finding about the post, not its words). */
    public static final String MEDIA_ALT_TEXT = "media.alt-text";
    /** A policy entry that could not be compiled, so the post cannot be called clean. */
    public static final String POLICY_INVALID = "policy.invalid";
    /** Figures, do-not-engage accounts and quiet periods (the policy's facts register). */
    public static final String FACT_UNDISCLOSED = "fact.undisclosed";
    public static final String FACT_EMBARGO = "fact.embargo";
    public static final String FACT_MISMATCH = "fact.mismatch";
    public static final String ENGAGE = "engage";
    public static final String QUIET_PERIOD = "quiet-period";
    /** The last finding of a post that had more than can be listed; it counts the rest. */
    public static final String TRUNCATED = "truncated";

    private RuleIds() {}
}
