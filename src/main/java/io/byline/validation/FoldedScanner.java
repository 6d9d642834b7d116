package io.byline.validation;

import java.util.Arrays;
import java.util.List;

/**
 * Finds a few phrases in a text read the way a case-insensitive Unicode regex reads it: each character folded to
 * {@code toLowerCase(toUpperCase(c))} (A-Z by offset), every run of regex white space ({@code \s}: space, tab, line
 * breaks, form feed, vertical tab) as one space. Built from an {@link AhoCorasick} automaton turned into a dense
 * table over the phrases' own characters, so a character costs one table lookup and most posts allocate nothing.
 * For the small phrase sets of the wording rules (a few hundred states).
 */
final class FoldedScanner {
    /** Receives each phrase found: its index and the text range [start, end) it covers. */
    interface Sink {
        void hit(int phrase, int start, int end);
    }

    private final AhoCorasick automaton;
    private final int[] ascii = new int[0x80];  // ASCII char -> class (0: in no phrase)
    private final char[] labels;                 // sorted phrase characters; class = index + 1
    private final int classes;
    /**
     * (state * classes + class) -> the next state, itself stored as state * classes, negated (-1 - value) when a
     * phrase ends there: one load and one sign test a character.
     */
    private final int[] next;

    FoldedScanner(List<String> phrases) {
        automaton = new AhoCorasick(phrases.toArray(new CharSequence[0]));
        int nodes = automaton.nodeCount();
        char[] used = new char[Math.max(0, nodes - 1)];
        for (int i = 1; i < nodes; i++) used[i - 1] = automaton.label(i);
        Arrays.sort(used);
        int distinct = 0;
        for (int i = 0; i < used.length; i++) if (i == 0 || used[i] != used[i - 1]) used[distinct++] = used[i];
        char[] all = Arrays.copyOf(used, distinct);
        this.labels = all;
        for (int i = 0; i < all.length && all[i] < 0x80; i++) ascii[all[i]] = i + 1;
        // the folded forms: A-Z read as a-z, every white space character as the space
        for (char c = 'A'; c <= 'Z'; c++) ascii[c] = ascii[c + 32];
        for (char c = 0; c < 0x80; c++) if (isRegexSpace(c)) ascii[c] = ascii[' '];
        classes = all.length + 1;
        next = new int[nodes * classes];
        for (int s = 0; s < nodes; s++) {
            for (int k = 1; k < classes; k++) {
                int t = automaton.next(s, all[k - 1]);
                next[s * classes + k] = t > 0 && automaton.hasOutput(t) ? -1 - t * classes : t * classes;
            }
        }
    }

    /** Regex white space ({@code \s} without UNICODE_CHARACTER_CLASS). */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** How a case-insensitive Unicode regex compares a character. */
    static char fold(char c) {
        if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private int classOf(char c) {
        c = fold(c);
        if (c < 0x80) return ascii[c];
        int i = Arrays.binarySearch(labels, c);
        return i < 0 ? 0 : i + 1;
    }

    /** Every phrase occurrence, in order of its end. */
    void scan(String text, Sink sink) {
        int n = text.length();
        int s = 0;
        boolean space = false;
        final int[] next = this.next;
        final int[] ascii = this.ascii;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int k;
            if (c < 0x80) {
                if (c <= ' ' && isRegexSpace(c)) {
                    if (space) continue;
                    space = true;
                } else {
                    space = false;
                }
                k = ascii[c];
            } else {
                space = false;
                k = classOf(c);
            }
            s = next[s + k];
            if (s < 0) {
                s = -1 - s;
                int end = i + 1;
                automaton.outputs(s / classes, p -> sink.hit(p, start(text, end, automaton.keyLength(p)), end));
            }
        }
    }

    /** The offset where the last {@code count} folded characters before {@code end} begin. */
    private static int start(String text, int end, int count) {
        int i = end;
        for (; count > 0; count--) {
            i--;
            if (isRegexSpace(text.charAt(i))) {
                while (i > 0 && isRegexSpace(text.charAt(i - 1))) i--;
            }
        }
        return i;
    }
}
