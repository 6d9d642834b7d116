package io.byline.validation;

import java.util.List;

/**
 * A cheap pre-check for the wording rules: whether a text contains any of a few lower-case stems (ASCII case is
 * folded on the fly), with one automaton scan. The rules run their full regular expressions only when it does,
 * which keeps them off the live-typing budget for the usual post.
 */
final class KeywordGate {
    private final AhoCorasick automaton;

    KeywordGate(List<String> stems) {
        automaton = new AhoCorasick(stems.toArray(new CharSequence[0]));
    }

    boolean any(String text) {
        int n = text.length();
        char[] lower = new char[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 0x80 ? c : Character.toLowerCase(c);
        }
        boolean[] found = {false};
        automaton.scan(lower, n, (k, s, e) -> found[0] = true);
        return found[0];
    }
}
