package io.byline.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds policy terms (and allowed phrases) in a text, through every evasion the lanes fold away, on whole words.
 *
 * <p>Matching is anchored: since a term only counts when it starts on a word boundary, the compact trie of
 * {@link AhoCorasick} is walked from each boundary of the lane (no failure transitions needed), which visits a
 * few nodes per word and keeps to the hot top of the trie.
 *
 * <p>One automaton, over the most aggressive lane ({@link Normalizer.LaneKind#LEET}, separators removed). Every
 * lane maps each code point on its own and each lane is a function of the one before it, so a substring that
 * matches a term in a gentler lane also matches it in the LEET lane: one automaton finds the union of what one per
 * lane would find, at a third of the memory (which keeps a 100,000-term policy small). What the gentler lanes add
 * is precision, and that is restored by checking each candidate against the word structure of the original text:
 * <ul>
 *   <li>it starts and ends on a word boundary (space, punctuation, a case change as in camelCase, a letter/digit
 *       change, or the text's ends): no hit inside {@code Titanic}, {@code Zephyr-9} not in {@code Zephyr-90};
 *       {@code Titan's} has a boundary at the apostrophe;</li>
 *   <li>a separator inside it falls where the term has a word break ({@code Project-Titan}, {@code Project\nTitan}),
 *       or it splits letters with hyphens/dots/underscores ({@code Ti-tan}, {@code T.i.t.a.n}), or it separates
 *       single letters ({@code A u r o r a}); "tit an" in prose does not match;</li>
 *   <li>leetspeak needs real letters: a number such as {@code 8017} never matches {@code Bolt}.</li>
 * </ul>
 * Words of a phrase written without separators ({@code #ProjectTitan}, {@code @MeridianLabs}) match, and the
 * term's words separated by other words never do, because the lane keeps every letter.
 */
public final class TermMatcher {
    /** One verified occurrence. entry: the index given at compile time; start/end: UTF-16 offsets in the original. */
    public record Match(int entry, int start, int end) {}

    /** Thrown by {@link #compile} for a term that is empty after folding or that folds to another term's key. */
    public static final class KeyException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int entry;
        private final int other;
        private final PolicyReason reason;

        KeyException(PolicyReason reason, int entry, int other) {
            super(reason.english());
            this.reason = reason;
            this.entry = entry;
            this.other = other;
        }

        /** Why, with its bundle key and arguments. */
        public PolicyReason reason() { return reason; }

        /** Index of the offending entry. */
        public int entry() { return entry; }

        /** Index of the entry it duplicates, or -1. */
        public int other() { return other; }
    }

    private final AhoCorasick automaton;
    private final int[] entryOf;     // key -> entry index (allow phrases: -1 - allowIndex)
    private final int[][] breaks;    // key -> lane positions where the term has a word break
    private final int[] termLeet;    // key -> leet/digit code points in the term itself
    private final boolean[] hasLetters;
    private final int keyCount;

    private TermMatcher(AhoCorasick automaton, int[] entryOf, int[][] breaks, int[] termLeet, boolean[] hasLetters) {
        this.automaton = automaton;
        this.entryOf = entryOf;
        this.breaks = breaks;
        this.termLeet = termLeet;
        this.hasLetters = hasLetters;
        this.keyCount = entryOf.length;
    }

    /** The matching key of a term (its LEET lane image without separators), or "" when nothing is left. */
    public static String key(String term) {
        WordLane wl = WordLane.of(term, true);
        int[] r = trim(wl);
        if (r[0] >= r[1]) return "";
        return new String(wl.chars, wl.cpLane[r[0]], laneEnd(wl, r[1] - 1) - wl.cpLane[r[0]]);
    }

    private static int laneEnd(WordLane wl, int w) {
        return w + 1 < wl.words ? wl.cpLane[w + 1] : wl.length;
    }

    /** Word code points [first, last) of a term without leading/trailing symbol leet such as {@code !}, {@code $}. */
    private static int[] trim(WordLane wl) {
        int a = 0, b = wl.words;
        while (a < b && isSymbolLeet(wl.flags[a])) a++;
        while (b > a && isSymbolLeet(wl.flags[b - 1])) b--;
        return new int[] {a, b};
    }

    private static boolean isSymbolLeet(int f) {
        return (f & CharFold.F_LEET) != 0 && (f & CharFold.F_DIGIT) == 0;
    }

    /**
     * Compiles terms and allowed phrases. Terms that fold to the same key are an error (they would be the same
     * entry); an allowed phrase may equal a term.
     */
    public static TermMatcher compile(List<String> terms, List<String> allow) throws KeyException {
        int n = terms.size() + allow.size();
        CharSequence[] keys = new CharSequence[n];
        int[] entryOf = new int[n];
        int[][] brk = new int[n][];
        int[] leet = new int[n];
        boolean[] letters = new boolean[n];
        Map<String, Integer> seen = new HashMap<>(terms.size() * 2);
        Map<String, Integer> seenAllow = new HashMap<>();
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean isAllow = i >= terms.size();
            String src = isAllow ? allow.get(i - terms.size()) : terms.get(i);
            WordLane wl = WordLane.reusing(src); // read before the next term is folded
            int[] r = trim(wl);
            if (r[0] >= r[1]) {
                if (isAllow) continue;
                throw new KeyException(PolicyReason.of("policy.error.termNoLetters", "empty term (no letters or digits)"), i, -1);
            }
            int from = wl.cpLane[r[0]];
            int to = laneEnd(wl, r[1] - 1);
            String key = new String(wl.chars, from, to - from);
            Integer prev = isAllow ? seenAllow.putIfAbsent(key, i) : seen.putIfAbsent(key, i);
            if (prev != null) {
                if (isAllow) continue;
                throw new KeyException(PolicyReason.of("policy.error.duplicateTermAt",
                        "duplicate term (same as terms[" + prev + "] after normalisation)", prev), i, prev);
            }
            List<Integer> b = new ArrayList<>(2);
            int lc = 0, leetCount = 0;
            for (int w = r[0]; w < r[1]; w++) {
                if (w > r[0] && wl.boundary[w] != WordLane.B_NONE) b.add(wl.cpLane[w] - from);
                if ((wl.flags[w] & CharFold.F_LETTER) != 0) lc++;
                if ((wl.flags[w] & (CharFold.F_LEET | CharFold.F_DIGIT)) != 0) leetCount++;
            }
            keys[k] = key;
            entryOf[k] = isAllow ? -1 - (i - terms.size()) : i;
            brk[k] = b.isEmpty() ? null : b.stream().mapToInt(Integer::intValue).toArray();
            leet[k] = leetCount;
            letters[k] = lc > 0;
            k++;
        }
        seen = null;
        if (k < n) {
            keys = java.util.Arrays.copyOf(keys, k);
            entryOf = java.util.Arrays.copyOf(entryOf, k);
            brk = java.util.Arrays.copyOf(brk, k);
            leet = java.util.Arrays.copyOf(leet, k);
            letters = java.util.Arrays.copyOf(letters, k);
        }
        AhoCorasick ac = new AhoCorasick(keys, false);
        return new TermMatcher(ac, entryOf, brk, leet, letters);
    }

    public int keyCount() { return keyCount; }

    int nodeCount() { return automaton.nodeCount(); }

    /**
     * All verified matches in the text. Entries of terms are their index; allowed phrases are reported with
     * {@code entry = -1 - allowIndex}.
     */
    public List<Match> find(WordLane lane) {
        List<Match> out = new ArrayList<>();
        find(lane, out);
        return out;
    }

    void find(WordLane lane, List<Match> out) {
        if (lane.length == 0 || keyCount == 0) return;
        AhoCorasick.Sink sink = (key, start, end) -> {
            if (verify(lane, key, start, end)) {
                int a = lane.laneCp[start], b = lane.laneCp[end - 1];
                out.add(new Match(entryOf[key], lane.cpStart[a], lane.cpEnd[b]));
            }
        };
        // a term starts on a word boundary: walk the trie from each one
        for (int w = 0; w < lane.words; w++) {
            if (lane.boundary[w] != WordLane.B_NONE) automaton.walk(lane.chars, lane.cpLane[w], lane.length, sink);
        }
    }

    private boolean verify(WordLane lane, int key, int start, int end) {
        int[] laneCp = lane.laneCp;
        int a = laneCp[start];
        int b = laneCp[end - 1];
        // whole code points only
        if (start > 0 && laneCp[start - 1] == a) return false;
        if (end < lane.length && laneCp[end] == b) return false;
        // whole words
        if (lane.boundary[a] == WordLane.B_NONE) return false;
        if (lane.boundaryBefore(b + 1) == WordLane.B_NONE) return false;
        int[] brk = breaks[key];
        int letters = 0, leet = 0;
        for (int w = a; w <= b; w++) {
            int f = lane.flags[w];
            if ((f & CharFold.F_LETTER) != 0) letters++;
            if ((f & (CharFold.F_LEET | CharFold.F_DIGIT)) != 0) leet++;
            if (w == a) continue;
            byte bd = lane.boundary[w];
            if (bd < WordLane.B_JOIN) continue;
            int pos = lane.cpLane[w] - start;
            if (brk != null && contains(brk, pos)) continue;
            if (bd == WordLane.B_JOIN) continue;              // Ti-tan, T.i.t.a.n, T_i_t_a_n
            if (lane.segLen[w - 1] == 1 && lane.segLen[w] == 1) continue; // A u r o r a
            return false;
        }
        if (hasLetters[key]) {
            if (letters == 0) return false;
            if (leet - termLeet[key] > letters + 1) return false;
        }
        return true;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }
}
