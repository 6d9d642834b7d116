package io.byline.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap pre-filter for the wording rules: finds a few lower-case phrases with one automaton scan, and runs a
 * rule's full regular expression only in a window around each phrase found, so a post costs one scan plus a few
 * short regex runs (none for most posts) instead of a regex attempt at every position.
 *
 * <p>The scan folds the text the way a case-insensitive Unicode regex compares it ({@code toLowerCase(toUpperCase(c))},
 * so {@code K} (Kelvin) is {@code k} and {@code ſ} is {@code s}), and reads every run of regex white space
 * ({@code \s}: space, tab, line breaks, form feed) as one space: a phrase {@code "partner with"} stands for the
 * regex {@code partner\s+with}. A gate is sound when every match of the rule's expression contains one of its
 * phrases (a phrase marked "with a digit" must also be followed by an ASCII digit within {@code after} characters,
 * as in "will grow … 20%"); {@code FastPathEquivalenceTest} checks this against the ungated expression.
 */
final class KeywordGate {
    private final List<String> phrases;
    private final FoldedScanner scanner;
    private final boolean[] needsDigit;
    private final int before;
    private final int after;

    /**
     * @param phrases      lower-case phrases (a space stands for any run of white space)
     * @param digitPhrases phrases that count only when an ASCII digit follows within {@code after} characters
     * @param before       characters a match may start before its phrase
     * @param after        characters a match may end after its phrase
     */
    KeywordGate(List<String> phrases, List<String> digitPhrases, int before, int after) {
        List<String> all = new ArrayList<>(phrases);
        all.addAll(digitPhrases);
        this.phrases = List.copyOf(all);
        scanner = new FoldedScanner(all);
        needsDigit = new boolean[all.size()];
        for (int i = phrases.size(); i < all.size(); i++) needsDigit[i] = true;
        this.before = before;
        this.after = after;
    }

    KeywordGate(List<String> phrases, int before, int after) {
        this(phrases, List.of(), before, after);
    }

    /** Merged windows [start, end) around the phrases found, in order; empty when none. */
    List<int[]> windows(String text) {
        List<int[]> out = new ArrayList<>(0);
        scanner.scan(text, (k, s, e) -> hit(out, text, k, s, e));
        return out;
    }

    /** Adds the window of phrase {@code k} found at [s, e) (when it counts), merged with the last one. */
    private void hit(List<int[]> out, String text, int k, int s, int e) {
        int n = text.length();
        int we = Math.min(n, e + after);
        if (needsDigit[k] && !hasDigit(text, e, we)) return;
        int ws = Math.max(0, s - before);
        if (!out.isEmpty() && out.get(out.size() - 1)[1] >= ws) {
            int[] last = out.get(out.size() - 1);
            last[0] = Math.min(last[0], ws);
            last[1] = Math.max(last[1], we);
        } else {
            out.add(new int[] {ws, we});
        }
    }

    /**
     * Gates scanned together: one pass over a post finds the phrases of all of them (what {@link PostContext} does
     * for the wording rules), with the same windows as each gate's own scan.
     */
    static final class Group {
        private final List<KeywordGate> gates;
        private final FoldedScanner scanner;
        private final int[] gateOf;
        private final int[] phraseOf;

        Group(KeywordGate... gates) {
            this.gates = List.of(gates);
            List<String> all = new ArrayList<>();
            List<Integer> g = new ArrayList<>(), p = new ArrayList<>();
            for (int i = 0; i < gates.length; i++) {
                for (int k = 0; k < gates[i].phrases.size(); k++) {
                    all.add(gates[i].phrases.get(k));
                    g.add(i);
                    p.add(k);
                }
            }
            scanner = new FoldedScanner(all);
            gateOf = g.stream().mapToInt(Integer::intValue).toArray();
            phraseOf = p.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Position of a gate in the group, or -1. */
        int indexOf(KeywordGate gate) {
            return gates.indexOf(gate);
        }

        /** The windows of every gate of the group, by position. */
        List<List<int[]>> windows(String text) {
            List<List<int[]>> out = new ArrayList<>(gates.size());
            for (int i = 0; i < gates.size(); i++) out.add(new ArrayList<>(0));
            scanner.scan(text, (k, s, e) -> gates.get(gateOf[k]).hit(out.get(gateOf[k]), text, phraseOf[k], s, e));
            return out;
        }
    }

    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    /** Matches of {@code p} inside the windows (transparent bounds, so \b sees the text around). */
    List<int[]> find(Pattern p, String text) {
        return find(p, text, windows(text));
    }

    /** {@link #find(Pattern, String)} for a post, whose windows may come from a scan shared with other gates. */
    List<int[]> find(Pattern p, PostContext post) {
        return find(p, post.text(), post.windows(this));
    }

    private static List<int[]> find(Pattern p, String text, List<int[]> w) {
        if (w.isEmpty()) return List.of();
        List<int[]> out = new ArrayList<>(1);
        Matcher m = p.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int done = 0;
        for (int[] win : w) {
            int from = Math.max(win[0], done);
            if (from >= win[1]) continue;
            m.region(from, win[1]);
            while (m.find()) {
                if (m.end() > m.start()) out.add(new int[] {m.start(), m.end()});
                done = m.end();
                if (m.end() >= win[1]) break;
            }
        }
        return out;
    }

    /** {@code p}'s matches in the whole text, without the gate: what {@link #find} must equal (tests). */
    static List<int[]> findAll(Pattern p, String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) if (m.end() > m.start()) out.add(new int[] {m.start(), m.end()});
        return out;
    }
}
