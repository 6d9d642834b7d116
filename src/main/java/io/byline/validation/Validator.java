package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the rules on a post and returns its findings (sorted by start, end, rule), verdict and length.
 * Thread-safe: one validator (one compiled policy) can serve the UI's live checks and a batch at once.
 * Do not call it on the JavaFX application thread.
 */
public final class Validator {
    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end).thenComparing(Finding::rule);

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
        List<Finding> out = new ArrayList<>(4);
        for (PostCheck c : checks) c.check(ctx, out);
        out.sort(ORDER);
        Severity worst = null;
        for (Finding f : out) worst = Severity.worst(worst, f.severity());
        return new ValidationResult(out, worst, ctx.length());
    }
}
