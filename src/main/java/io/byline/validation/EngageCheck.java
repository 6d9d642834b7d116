package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rule {@code engage}: the post mentions a do-not-engage account (its handle with or without {@code @}, any case,
 * or one of its names, through the lexicon's evasion folding), or replies to or quotes it
 * ({@link PostInput#replyTo()}, {@link PostInput#quoteOf()}). Severity from the entry; an entry with a platform
 * applies only there.
 */
public final class EngageCheck implements PostCheck {
    @Override
    public String id() {
        return FactRules.ENGAGE;
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        CompiledFacts facts = post.policy().facts();
        TermMatcher matcher = facts.engageMatcher();
        if (matcher == null) return;
        List<DoNotEngage> entries = facts.source().doNotEngage();
        Platform platform = post.input().platform();
        String text = post.text();
        List<TermMatcher.Match> matches = new ArrayList<>(0);
        matcher.find(post.words(), matches);
        Set<Long> seen = new HashSet<>();
        for (TermMatcher.Match m : matches) {
            // "@RivalCorp": the span takes the @ the folding left out
            int start = m.start() > 0 && (text.charAt(m.start() - 1) == '@' || text.charAt(m.start() - 1) == '\uFF20')
                    ? m.start() - 1 : m.start();
            for (int e : facts.entriesOfKey(m.entry())) {
                DoNotEngage d = entries.get(e);
                if (!d.appliesTo(platform) || !seen.add(((long) e << 40) | ((long) start << 20) | m.end())) continue;
                out.add(finding(d, start, m.end(), text, "mention"));
            }
        }
        reference(facts, entries, platform, post.input().replyTo(), "reply", text, out);
        reference(facts, entries, platform, post.input().quoteOf(), "quote", text, out);
    }

    private static void reference(CompiledFacts facts, List<DoNotEngage> entries, Platform platform, String handle, String kind,
                                  String text, List<Finding> out) {
        for (int e : facts.entriesOfHandle(handle)) {
            DoNotEngage d = entries.get(e);
            if (d.appliesTo(platform)) out.add(finding(d, 0, 0, text, kind));
        }
    }

    private static Finding finding(DoNotEngage d, int s, int e, String text, String kind) {
        String key = "finding.engage." + kind;
        return new Finding(FactRules.ENGAGE, d.severity(), s, e, text.substring(s, e), kind, d.atHandle(), d.atHandle(), key,
                Messages.english(key + ".detail", d.atHandle(), d.reason()));
    }
}
