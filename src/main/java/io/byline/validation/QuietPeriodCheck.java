package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.util.List;

/**
 * Rule {@code quiet-period}: the post publishes inside a quiet period (from inclusive, to exclusive), with the
 * period's severity; a post that carries a financial figure or forward-looking wording inside one is always BLOCK,
 * with the span of the first such figure or wording. A post without a publish time is not judged here.
 */
public final class QuietPeriodCheck implements PostCheck {
    @Override
    public String id() {
        return FactRules.QUIET_PERIOD;
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        List<QuietPeriod> periods = post.policy().facts().source().quietPeriods();
        if (periods.isEmpty() || post.input().publishAt() == null) return;
        String text = post.text();
        for (QuietPeriod q : periods) {
            if (!q.contains(post.input().publishAt())) continue;
            List<Figures.Figure> figures = post.figures();
            int[] span = figures.isEmpty() ? FinancialCheck.firstForwardLooking(text)
                    : new int[] {figures.get(0).start(), figures.get(0).end()};
            String kind = !figures.isEmpty() ? "figure" : span != null ? "forward-looking" : "period";
            Severity severity = span != null ? Severity.BLOCK : q.severity();
            int s = span == null ? 0 : span[0], e = span == null ? 0 : span[1];
            String key = "finding.quietPeriod." + (span == null ? "post" : "figure");
            out.add(new Finding(FactRules.QUIET_PERIOD, severity, s, e, text.substring(s, e), kind, q.label(), q.label(), key,
                    Messages.english(key + ".detail", q.label())));
        }
    }
}
