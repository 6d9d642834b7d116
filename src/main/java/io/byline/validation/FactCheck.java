package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules {@code fact.undisclosed}, {@code fact.embargo} and {@code fact.mismatch}: every money amount, count or
 * percentage tied to a financial metric in its sentence (see {@link Figures}) is compared with the policy's facts
 * of that metric (same currency, a period its sentence allows). Within a fact's tolerance it is that fact: fine
 * when the fact is public at the post's publish time (disclosure at exactly that time counts), {@code fact.embargo}
 * when it is not yet; close to a public fact (within {@link #CLOSE}) but outside its tolerance,
 * {@code fact.mismatch}; otherwise {@code fact.undisclosed}. Runs only when the policy has facts.
 */
public final class FactCheck implements PostCheck {
    /** A figure within this relative distance of a published fact is a misquote of it rather than a new figure. */
    static final double CLOSE = 0.25;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Override
    public String id() {
        return "fact";
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        CompiledFacts facts = post.policy().facts();
        if (!facts.hasFacts()) return;
        String text = post.text();
        Instant at = post.input().publishAt();
        for (Figures.Figure f : post.figures()) {
            List<CompiledFacts.Fact> candidates = candidates(facts, f, text);
            BigDecimal value = f.value();
            boolean ambiguous = f.ambiguous();
            if (ambiguous) {
                // the separators and the language left two readings: the one at the scale of the metric's facts wins
                boolean a = nearScale(f.value(), candidates), b = nearScale(f.other(), candidates);
                if (a != b) {
                    ambiguous = false;
                    value = a ? f.value() : f.other();
                }
            }
            Finding finding = judge(text, f, value, ambiguous, candidates, at);
            if (finding != null) out.add(finding);
        }
    }

    private static List<CompiledFacts.Fact> candidates(CompiledFacts facts, Figures.Figure f, String text) {
        List<CompiledFacts.Fact> all = facts.facts(f.metric());
        if (all.isEmpty()) return all;
        List<Periods.Period> periods = f.periods(text);
        List<CompiledFacts.Fact> out = new ArrayList<>(2);
        for (CompiledFacts.Fact c : all) {
            String cur = c.fact().currency();
            if (f.currency() != null && cur != null && !cur.equals(f.currency())) continue;
            if (!Periods.fits(c.period(), periods)) continue;
            out.add(c);
        }
        return out;
    }

    private static boolean nearScale(BigDecimal v, List<CompiledFacts.Fact> candidates) {
        double x = Math.abs(v.doubleValue());
        for (CompiledFacts.Fact c : candidates) {
            double y = Math.abs(c.fact().value().doubleValue());
            if (x > 0 && y > 0 && Math.abs(Math.log10(x / y)) < 1) return true;
        }
        return false;
    }

    private static Finding judge(String text, Figures.Figure f, BigDecimal value, boolean ambiguous,
                                 List<CompiledFacts.Fact> candidates, Instant at) {
        PolicyFact embargoed = null, close = null;
        double closest = Double.MAX_VALUE;
        double v = value.doubleValue();
        for (CompiledFacts.Fact c : candidates) {
            PolicyFact fact = c.fact();
            double fv = fact.value().doubleValue();
            double rel = fv == 0 ? (v == 0 ? 0 : Double.MAX_VALUE) : Math.abs(v - fv) / Math.abs(fv);
            if (rel <= fact.tolerance() + 1e-12) {
                if (fact.disclosedBy(at)) return null;
                if (embargoed == null || fact.disclosedAt().isBefore(embargoed.disclosedAt())) embargoed = fact;
            } else if (fact.disclosedBy(at) && rel <= CLOSE && rel < closest) {
                closest = rel;
                close = fact;
            }
        }
        String metric = f.metric().id();
        if (embargoed != null) {
            return finding(text, f, FactRules.EMBARGO, Severity.BLOCK, embargoed, "finding.fact.embargo",
                    embargoed.id(), DATE.format(embargoed.disclosedAt()));
        }
        if (close != null) {
            return finding(text, f, FactRules.MISMATCH, Severity.WARN, close, "finding.fact.mismatch",
                    close.describe(), close.id());
        }
        if (ambiguous) {
            return finding(text, f, FactRules.UNDISCLOSED, Severity.BLOCK, null, "finding.fact.undisclosedAmbiguous",
                    metric, plain(f.value()), plain(f.other()));
        }
        return finding(text, f, FactRules.UNDISCLOSED, Severity.BLOCK, null, "finding.fact.undisclosed", metric);
    }

    private static Finding finding(String text, Figures.Figure f, String rule, Severity severity, PolicyFact fact, String key,
                                   Object... args) {
        String id = fact == null ? null : fact.id();
        return new Finding(rule, severity, f.start(), f.end(), text.substring(f.start(), f.end()), f.metric().id(), id, id,
                key, Messages.english(key + ".detail", args));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
