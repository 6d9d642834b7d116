package io.byline.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap pre-filter for the wording rules: finds a few lower-case stems (ASCII case folded on the fly) with one
 * automaton scan, and runs a rule's full regular expression only in a window around each stem, so a long post
 * costs a scan plus a few short regex runs instead of a regex attempt at every position.
 */
final class KeywordGate {
    private final AhoCorasick automaton;
    private final int before;
    private final int after;

    /**
     * @param before characters a match may start before its stem
     * @param after  characters a match may end after its stem
     */
    KeywordGate(List<String> stems, int before, int after) {
        automaton = new AhoCorasick(stems.toArray(new CharSequence[0]));
        this.before = before;
        this.after = after;
    }

    /** Merged windows [start, end) around the stems found, in order; empty when none. */
    List<int[]> windows(String text) {
        int n = text.length();
        List<int[]> out = new ArrayList<>(0);
        automaton.scanLowerCase(text, (k, s, e) -> {
            int ws = Math.max(0, s - before), we = Math.min(n, e + after);
            if (!out.isEmpty() && out.get(out.size() - 1)[1] >= ws) {
                int[] last = out.get(out.size() - 1);
                last[0] = Math.min(last[0], ws);
                last[1] = Math.max(last[1], we);
            } else {
                out.add(new int[] {ws, we});
            }
        });
        return out;
    }

    /** Matches of {@code p} inside the windows (transparent bounds, so \b sees the text around). */
    List<int[]> find(Pattern p, String text) {
        List<int[]> w = windows(text);
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
}
