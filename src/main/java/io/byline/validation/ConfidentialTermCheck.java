package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rule {@code lexicon}: policy terms (through every evasion, see {@link TermMatcher}) and policy patterns (on the
 * CLEAN lane, step-guarded). Embargoed entries count only before their date; a hit inside an allowed phrase is
 * dropped. The message names the category, never the term.
 */
public final class ConfidentialTermCheck implements PostCheck {
    public static final String RULE = RuleIds.LEXICON;
    public static final String RULE_REGEX_STOPPED = RuleIds.LEXICON_REGEX_STOPPED;

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
        Seen seen = new Seen();
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
                            List<int[]> allowed, Seen seen, List<Finding> out) {
        PolicyTerm t = policy.entry(entry);
        if (!t.activeAt(post.input().publishAt())) return;
        for (int[] a : allowed) if (s >= a[0] && e <= a[1]) return;
        if (!seen.add(entry, s, e)) return;
        String category = t.category();
        CompiledPolicy.Message msg = policy.lexiconMessage(entry);
        out.add(new Finding(RULE, t.severity(), s, e, text.substring(s, e), category, t.id(), t.source(), msg.key(),
                msg.english()));
    }

    /** The message of a lexicon hit in this category: {key, English text} (the category is named, never the term). */
    static CompiledPolicy.Message message(String category) {
        String key = Messages.has("finding.lexicon." + category) ? "finding.lexicon." + category : "finding.lexicon";
        return new CompiledPolicy.Message(key, Messages.english(key, category));
    }

    /**
     * The hits already reported in one post (the same entry at the same span is reported once). A post has a few;
     * a list scan is cheaper than hashing until there are many, when it moves to a set.
     */
    private static final class Seen {
        private static final int LINEAR = 32;
        private int[] list = new int[3 * 4];
        private int size;
        private Set<HitKey> set;

        boolean add(int entry, int start, int end) {
            if (set != null) return set.add(new HitKey(entry, start, end));
            for (int i = 0; i < size * 3; i += 3) {
                if (list[i] == entry && list[i + 1] == start && list[i + 2] == end) return false;
            }
            if (size == LINEAR) {
                set = new HashSet<>();
                for (int i = 0; i < size * 3; i += 3) set.add(new HitKey(list[i], list[i + 1], list[i + 2]));
                return set.add(new HitKey(entry, start, end));
            }
            if (size * 3 == list.length) list = java.util.Arrays.copyOf(list, list.length * 2);
            list[size * 3] = entry;
            list[size * 3 + 1] = start;
            list[size * 3 + 2] = end;
            size++;
            return true;
        }
    }
}
