package io.byline.validation;

import com.ibm.icu.text.BreakIterator;
import io.byline.domain.Platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long text into a numbered thread ({@code "1/3 …"}, {@code "2/3 …"}), every part within the platform's
 * limit counted the platform's way. Parts end at a sentence end when one is reasonably close to the limit, else at
 * a space, else at a grapheme boundary; a URL or a grapheme cluster is never cut.
 */
public final class ThreadSplitter {
    private ThreadSplitter() {}

    /** The parts; a text that fits is returned as one part without numbering. */
    public static List<String> split(String text, Platform platform) {
        String t = text.strip();
        if (t.isEmpty()) return List.of();
        if (!PlatformLength.measure(t, platform).over()) return List.of(t);
        int[] cuts = cutPoints(t);
        int guess = Math.max(2, PlatformLength.count(t, platform) / Math.max(1, platform.limit() - 8) + 1);
        List<String> parts = null;
        for (int iter = 0; iter < 8; iter++) {
            parts = attempt(t, platform, guess, cuts);
            if (parts.size() == guess) return parts;
            guess = parts.size();
        }
        return renumber(parts);
    }

    private static List<String> renumber(List<String> parts) {
        List<String> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            out.add((i + 1) + "/" + parts.size() + p.substring(p.indexOf(' ')));
        }
        return out;
    }

    /** Allowed cut offsets: grapheme boundaries outside URLs, ascending, ending with t.length(). */
    private static int[] cutPoints(String t) {
        List<Entities.Entity> urls = Entities.urls(t, true);
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(t);
        int[] out = new int[t.length() + 1];
        int n = 0, u = 0;
        for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
            while (u < urls.size() && urls.get(u).end() < b) u++;
            if (u < urls.size() && b > urls.get(u).start() && b < urls.get(u).end()) continue;
            out[n++] = b;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean sentenceEnd(String t, int p) {
        if (p <= 0 || p > t.length()) return false;
        char before = t.charAt(p - 1);
        if (before == '\n') return true;
        boolean endPunct = before == '.' || before == '!' || before == '?' || before == '\u2026' || before == '\u3002'
                || ((before == '"' || before == ')' || before == '\u201d') && p >= 2 && ".!?".indexOf(t.charAt(p - 2)) >= 0);
        return endPunct && (p == t.length() || Character.isWhitespace(t.charAt(p)));
    }

    private static boolean wordEnd(String t, int p) {
        return p == t.length() || Character.isWhitespace(t.charAt(p)) || (p > 0 && Character.isWhitespace(t.charAt(p - 1)));
    }

    private static boolean fits(String prefix, String t, int from, int to, Platform platform) {
        return !PlatformLength.measure(prefix + t.substring(from, to).stripTrailing(), platform).over();
    }

    private static List<String> attempt(String t, Platform platform, int total, int[] cuts) {
        List<String> parts = new ArrayList<>();
        int n = t.length();
        int start = 0;
        int ci = 0;
        while (start < n) {
            while (start < n && Character.isWhitespace(t.charAt(start))) start++;
            if (start >= n) break;
            while (ci < cuts.length && cuts[ci] <= start) ci++;
            String prefix = (parts.size() + 1) + "/" + total + " ";
            // largest cut that fits
            int lo = ci, hi = cuts.length - 1, best = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (fits(prefix, t, start, cuts[mid], platform)) { best = mid; lo = mid + 1; } else { hi = mid - 1; }
            }
            int end;
            if (best < 0) {
                end = ci < cuts.length ? cuts[ci] : n; // not even one grapheme or URL fits: take it anyway
            } else if (cuts[best] == n) {
                end = n;
            } else {
                int max = cuts[best];
                end = -1;
                int floor = start + (max - start) / 2;
                for (int k = best; k >= ci && cuts[k] > floor; k--) {
                    if (sentenceEnd(t, cuts[k])) { end = cuts[k]; break; }
                }
                if (end < 0) {
                    for (int k = best; k >= ci && cuts[k] > start; k--) {
                        if (wordEnd(t, cuts[k])) { end = cuts[k]; break; }
                    }
                }
                if (end < 0 || end <= start) end = max;
            }
            parts.add(prefix + t.substring(start, end).strip());
            start = end;
            if (parts.size() > 100_000) break;
        }
        return parts;
    }
}
