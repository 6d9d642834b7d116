package io.byline.validation;

import java.util.List;

/**
 * Runs the rules on a post and returns its findings (sorted by start, end, rule), verdict and length. A post keeps
 * at most {@link #MAX_FINDINGS} findings; past that the list ends with one {@link #TRUNCATED} finding that says how
 * many more there were, with the worst severity among them (the verdict counts them all).
 * Thread-safe: one validator (one compiled policy) can serve the UI's live checks and a batch at once.
 * Do not call it on the JavaFX application thread.
 */
public final class Validator {
    /** Findings kept per post. */
    public static final int MAX_FINDINGS = 200;
    /** Rule id of the last finding of a post that had more than {@link #MAX_FINDINGS}: "N more findings". */
    public static final String TRUNCATED = io.byline.domain.RuleIds.TRUNCATED;

    private final CompiledPolicy policy;
    private final List<PostCheck> checks;

    public Validator(CompiledPolicy policy) {
        this(policy, defaultChecks());
    }

    public Validator(CompiledPolicy policy, List<PostCheck> checks) {
        this.policy = policy;
        this.checks = List.copyOf(checks);
    }

    /** lexicon, pii, internal-link, length, disclosure, financial, fact.*, engage, quiet-period. */
    public static List<PostCheck> defaultChecks() {
        return List.of(new ConfidentialTermCheck(), new PiiCheck(), new InternalLinkCheck(), new LengthCheck(),
                new DisclosureCheck(), new FinancialCheck(), new FactCheck(), new EngageCheck(), new QuietPeriodCheck());
    }

    public CompiledPolicy policy() {
        return policy;
    }

    public ValidationResult validate(PostInput input) {
        PostContext ctx = new PostContext(input, policy);
        FindingList out = new FindingList(MAX_FINDINGS);
        for (PostCheck c : checks) {
            out.nextCheck();
            c.check(ctx, out);
        }
        return out.finish(ctx);
    }
}
