package io.byline.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A word-level diff of two texts (Myers' O(ND) algorithm over word, whitespace and punctuation tokens).
 *
 * <p>The segments reproduce both texts exactly: the {@link Op#EQUAL} and {@link Op#DELETE} segments in order
 * give the old text, the {@link Op#EQUAL} and {@link Op#INSERT} segments give the new one. Adjacent segments of
 * the same kind are merged, a lone whitespace run between two changes is folded into them, and within each
 * run of changes the deletion comes before the insertion, so a replaced phrase reads as "old → new".
 */
public final class WordDiff {
    /** Edit distance (in tokens) beyond which the middle of the texts is shown as replaced wholesale. */
    static final int MAX_EDITS = 2_000;

    public enum Op { EQUAL, DELETE, INSERT }

    /** A run of text that is unchanged, removed or added. */
    public record Segment(Op op, String text) {
        public Segment {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(text, "text");
        }
    }

    private WordDiff() {}

    public static List<Segment> diff(String oldText, String newText) {
        List<String> a = tokens(oldText == null ? "" : oldText);
        List<String> b = tokens(newText == null ? "" : newText);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) suffix++;
        List<Segment> raw = new ArrayList<>();
        for (int i = 0; i < prefix; i++) raw.add(new Segment(Op.EQUAL, a.get(i)));
        myers(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), raw);
        for (int i = a.size() - suffix; i < a.size(); i++) raw.add(new Segment(Op.EQUAL, a.get(i)));
        return tidy(raw);
    }

    /** Reassembles the old text from segments. */
    public static String oldText(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) if (s.op() != Op.INSERT) sb.append(s.text());
        return sb.toString();
    }

    /** Reassembles the new text from segments. */
    public static String newText(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) if (s.op() != Op.DELETE) sb.append(s.text());
        return sb.toString();
    }

    /**
     * Splits text into tokens: runs of letters, digits and combining marks (with inner apostrophes, so
     * "don't" is one word), runs of whitespace, and single other code points (punctuation, emoji). The tokens
     * concatenate to the text.
     */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            int j = i + Character.charCount(cp);
            if (isWord(cp)) {
                while (j < n) {
                    int c = s.codePointAt(j);
                    if (isWord(c)) {
                        j += Character.charCount(c);
                    } else if ((c == '\'' || c == '\u2019') && j + 1 < n && isWord(s.codePointAt(j + 1))) {
                        j += 1;
                    } else {
                        break;
                    }
                }
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                while (j < n && (Character.isWhitespace(s.codePointAt(j)) || Character.isSpaceChar(s.codePointAt(j)))) {
                    j += Character.charCount(s.codePointAt(j));
                }
            } else {
                // a following variation selector, joiner or combining mark stays with its base (emoji sequences)
                while (j < n) {
                    int c = s.codePointAt(j);
                    int type = Character.getType(c);
                    boolean joins = c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF)
                            || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
                    if (c == 0x200D && j + 1 < n) {
                        j += 1;
                        j += Character.charCount(s.codePointAt(j));
                    } else if (joins) {
                        j += Character.charCount(c);
                    } else {
                        break;
                    }
                }
            }
            out.add(s.substring(i, j));
            i = j;
        }
        return out;
    }

    private static boolean isWord(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == '_';
    }

    /** Myers' greedy forward algorithm with a saved trace, then a backtrack. */
    private static void myers(List<String> a, List<String> b, List<Segment> out) {
        int n = a.size();
        int m = b.size();
        if (n == 0 && m == 0) return;
        if (n == 0 || m == 0) {
            wholesale(a, b, out);
            return;
        }
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        outer:
        for (int d = 0; d <= max; d++) {
            trace.add(java.util.Arrays.copyOfRange(v, offset - d - 1, offset + d + 2));
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break outer;
                }
            }
        }
        if (found < 0) {
            wholesale(a, b, out);
            return;
        }
        List<Segment> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] prev = trace.get(d); // v as it was before step d: indices k from -d-1 .. d+1
            int k = x - y;
            int base = d + 1; // prev[base + k] is v[k] before step d
            int prevK;
            if (k == -d || (k != d && prev[base + k - 1] < prev[base + k + 1])) {
                prevK = k + 1;
            } else {
                prevK = k - 1;
            }
            int prevX = prev[base + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                rev.add(new Segment(Op.EQUAL, a.get(x - 1)));
                x--;
                y--;
            }
            if (x == prevX) {
                rev.add(new Segment(Op.INSERT, b.get(y - 1)));
            } else {
                rev.add(new Segment(Op.DELETE, a.get(x - 1)));
            }
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            rev.add(new Segment(Op.EQUAL, a.get(x - 1)));
            x--;
            y--;
        }
        for (int i = rev.size() - 1; i >= 0; i--) out.add(rev.get(i));
    }

    private static void wholesale(List<String> a, List<String> b, List<Segment> out) {
        if (!a.isEmpty()) out.add(new Segment(Op.DELETE, String.join("", a)));
        if (!b.isEmpty()) out.add(new Segment(Op.INSERT, String.join("", b)));
    }

    /** Folds lone whitespace between changes into them, orders deletions before insertions, merges runs. */
    private static List<Segment> tidy(List<Segment> raw) {
        List<Segment> folded = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Segment s = raw.get(i);
            boolean loneSpace = s.op() == Op.EQUAL && i > 0 && i < raw.size() - 1 && s.text().isBlank()
                    && raw.get(i - 1).op() != Op.EQUAL && raw.get(i + 1).op() != Op.EQUAL;
            if (loneSpace) {
                folded.add(new Segment(Op.DELETE, s.text()));
                folded.add(new Segment(Op.INSERT, s.text()));
            } else {
                folded.add(s);
            }
        }
        List<Segment> out = new ArrayList<>();
        StringBuilder del = new StringBuilder();
        StringBuilder ins = new StringBuilder();
        StringBuilder eq = new StringBuilder();
        for (Segment s : folded) {
            if (s.op() == Op.EQUAL) {
                flushChanges(out, del, ins);
                eq.append(s.text());
            } else {
                if (eq.length() > 0) {
                    out.add(new Segment(Op.EQUAL, eq.toString()));
                    eq.setLength(0);
                }
                (s.op() == Op.DELETE ? del : ins).append(s.text());
            }
        }
        flushChanges(out, del, ins);
        if (eq.length() > 0) out.add(new Segment(Op.EQUAL, eq.toString()));
        return List.copyOf(out);
    }

    private static void flushChanges(List<Segment> out, StringBuilder del, StringBuilder ins) {
        if (del.length() > 0) out.add(new Segment(Op.DELETE, del.toString()));
        if (ins.length() > 0) out.add(new Segment(Op.INSERT, ins.toString()));
        del.setLength(0);
        ins.setLength(0);
    }
}
