package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rule {@code lexicon}: policy terms (through every evasion, see {@link TermMatcher}) and policy patterns (on the
 * CLEAN lane, step-guarded). Embargoed entries count only before their date; a hit inside an allowed phrase is
 * dropped. The message names the category, never the term.
 */
public final class ConfidentialTermCheck implements PostCheck {
    public static final String RULE = "lexicon";
    public static final String RULE_REGEX_STOPPED = "lexicon.regex-stopped";

    private record HitKey(int entry, int start, int end) {}

    @Override
    public String id() {
        return RULE;
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        CompiledPolicy policy = post.policy();
        String text = post.text();
        List<TermMatcher.Match> matches = new ArrayList<>();
        policy.matcher().find(post.words(), matches);
        List<int[]> allowed = new ArrayList<>(0);
        for (TermMatcher.Match m : matches) {
            if (m.entry() < 0) allowed.add(new int[] {m.start(), m.end()});
        }
        Set<HitKey> seen = new HashSet<>();
        for (TermMatcher.Match m : matches) {
            if (m.entry() < 0) continue;
            int entry = policy.termEntry(m.entry());
            add(policy, entry, text, m.start(), m.end(), post, allowed, seen, out);
        }
        if (policy.patternCount() > 0) {
            Lane clean = post.clean();
            for (int i = 0; i < policy.patternCount(); i++) {
                int entry = policy.patternEntry(i);
                if (!policy.entry(entry).activeAt(post.input().publishAt())) continue;
                List<int[]> hits;
                try {
                    hits = policy.regex(i).findAll(clean);
                } catch (GuardedRegex.StepLimitExceeded e) {
                    out.add(new Finding(RULE_REGEX_STOPPED, Severity.INFO, 0, 0, "", policy.entry(entry).category(),
                            policy.entry(entry).id(), null, "finding.lexicon.regexStopped",
                            Messages.english("finding.lexicon.regexStopped")));
                    continue;
                }
                for (int[] h : hits) {
                    int[] span = clean.toOriginal(h[0], h[1]);
                    int s = Spans.graphemeStart(text, span[0]);
                    int e = Spans.graphemeEnd(text, span[1]);
                    add(policy, entry, text, s, e, post, allowed, seen, out);
                }
            }
        }
    }

    private static void add(CompiledPolicy policy, int entry, String text, int s, int e, PostContext post,
                            List<int[]> allowed, Set<HitKey> seen, List<Finding> out) {
        PolicyTerm t = policy.entry(entry);
        if (!t.activeAt(post.input().publishAt())) return;
        for (int[] a : allowed) if (s >= a[0] && e <= a[1]) return;
        if (!seen.add(new HitKey(entry, s, e))) return;
        String category = t.category();
        String[] msg = message(category);
        out.add(new Finding(RULE, t.severity(), s, e, text.substring(s, e), category, t.id(), t.source(), msg[0], msg[1]));
    }

    /** Categories seen so far → {message key, English message}; formatting a MessageFormat per hit is costly. */
    private static final ConcurrentHashMap<String, String[]> MESSAGES = new ConcurrentHashMap<>();

    private static String[] message(String category) {
        String[] m = MESSAGES.get(category);
        if (m != null) return m;
        String msgKey = Messages.has("finding.lexicon." + category) ? "finding.lexicon." + category : "finding.lexicon";
        m = new String[] {msgKey, Messages.english(msgKey, category)};
        if (MESSAGES.size() < 4096) MESSAGES.put(category, m);
        return m;
    }
}
