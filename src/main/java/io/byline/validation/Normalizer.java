package io.byline.validation;

import java.util.Arrays;

/**
 * Turns a text into lanes of increasing aggressiveness, each offset-mapped to the original UTF-16 text:
 * <ol>
 *   <li>{@link LaneKind#CLEAN}: NFKC, invisible characters dropped (regex patterns run here);</li>
 *   <li>{@link LaneKind#FOLD}: NFKC case fold, accents stripped, every run of separators one space;</li>
 *   <li>{@link LaneKind#SKELETON}: FOLD plus the UTS #39 look-alike skeleton (Cyrillic а, Greek ε, dotless ı …);</li>
 *   <li>{@link LaneKind#LEET}: SKELETON plus leetspeak ({@code 0→o 1→i 3→e 4→a 5→s 7→t 8→b @→a $→s !→i €→e}).</li>
 * </ol>
 * Every lane maps each original code point on its own, so a term goes through exactly the same functions as the
 * text. A combining mark belongs to the character before it (a span never splits a grapheme of base + marks), and
 * invisible characters are dropped without separating anything.
 */
public final class Normalizer {
    public enum LaneKind { CLEAN, FOLD, SKELETON, LEET }

    private Normalizer() {}

    /** The lane of the given kind; separators appear as single spaces except in CLEAN. */
    public static Lane lane(String text, LaneKind kind) {
        if (kind == LaneKind.CLEAN) return clean(text);
        int n = text.length();
        char[] out = new char[Math.max(16, n + 8)];
        int[] st = new int[out.length];
        int[] en = new int[out.length];
        int len = 0;
        int lastWordEnd = -1; // index in out of the last char produced by a non-separator, to extend over marks
        boolean lastSpace = true;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int cpEnd = i + Character.charCount(cp);
            CharFold.Info info = CharFold.info(cp);
            String img;
            switch (kind) {
                case CLEAN: img = info.clean; break;
                case FOLD: img = info.fold; break;
                case SKELETON: img = info.skeleton; break;
                default: img = info.match.isEmpty() && info.kind != CharFold.WORD && info.kind != CharFold.MARK
                        && info.kind != CharFold.IGNORABLE ? " " : info.match; break;
            }
            if (kind != LaneKind.CLEAN && info.kind == CharFold.MARK) {
                // attach to the preceding character
                for (int k = lastWordEnd; k >= 0 && k < len && st[k] >= 0 && en[k] == i; k--) en[k] = cpEnd;
                i = cpEnd;
                continue;
            }
            boolean sep = kind != LaneKind.CLEAN && img.equals(" ");
            if (sep) {
                if (!lastSpace) {
                    if (len + 1 > out.length) { out = grow(out); st = Arrays.copyOf(st, out.length); en = Arrays.copyOf(en, out.length); }
                    out[len] = ' '; st[len] = i; en[len] = cpEnd; len++;
                } else if (len > 0 && out[len - 1] == ' ') {
                    en[len - 1] = cpEnd;
                }
                lastSpace = true;
            } else if (!img.isEmpty()) {
                if (len + img.length() > out.length) {
                    int cap = Math.max(out.length * 2, len + img.length());
                    out = Arrays.copyOf(out, cap); st = Arrays.copyOf(st, cap); en = Arrays.copyOf(en, cap);
                }
                for (int k = 0; k < img.length(); k++) {
                    out[len] = img.charAt(k); st[len] = i; en[len] = cpEnd; len++;
                }
                lastWordEnd = len - 1;
                lastSpace = false;
            }
            i = cpEnd;
        }
        return new Lane(text, out, len, st, en);
    }

    private static char[] grow(char[] a) { return Arrays.copyOf(a, a.length * 2); }

    private static final com.ibm.icu.text.Normalizer2 NFKC = com.ibm.icu.text.Normalizer2.getNFKCInstance();

    /**
     * CLEAN: NFKC over each base character with its combining marks (so decomposed and precomposed text give the
     * same lane), invisible characters dropped. Every output character maps to its whole base+marks span.
     */
    private static Lane clean(String text) {
        int n = text.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) { ascii = false; break; }
        }
        if (ascii) return Lane.identity(text);
        char[] out = new char[Math.max(16, n + 8)];
        int[] st = new int[out.length];
        int[] en = new int[out.length];
        int len = 0;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int j = i + Character.charCount(cp);
            while (j < n && !NFKC.hasBoundaryBefore(text.codePointAt(j))) j += Character.charCount(text.codePointAt(j));
            String img;
            if (j == i + Character.charCount(cp)) {
                img = CharFold.info(cp).clean;
            } else {
                StringBuilder b = new StringBuilder(j - i);
                for (int k = i; k < j; ) {
                    int c = text.codePointAt(k);
                    if (CharFold.info(c).kind != CharFold.IGNORABLE) b.appendCodePoint(c);
                    k += Character.charCount(c);
                }
                img = NFKC.normalize(b);
            }
            if (len + img.length() > out.length) {
                int cap = Math.max(out.length * 2, len + img.length());
                out = Arrays.copyOf(out, cap); st = Arrays.copyOf(st, cap); en = Arrays.copyOf(en, cap);
            }
            for (int k = 0; k < img.length(); k++) {
                out[len] = img.charAt(k); st[len] = i; en[len] = j; len++;
            }
            i = j;
        }
        return new Lane(text, out, len, st, en);
    }

    /** The matching lane (LEET without separators) with its word structure; what {@link TermMatcher} scans. */
    public static WordLane words(String text) {
        return WordLane.of(text, false);
    }
}
