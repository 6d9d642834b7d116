package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.util.List;

/** Span helpers shared by the rules. */
final class Spans {
    private Spans() {}

    /** Moves an end offset past combining marks, variation selectors and a trailing low surrogate. */
    static int graphemeEnd(String text, int end) {
        int n = text.length();
        if (end > 0 && end < n && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) end++;
        while (end < n) {
            int cp = text.codePointAt(end);
            int t = Character.getType(cp);
            if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK
                    || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
                end += Character.charCount(cp);
            } else {
                break;
            }
        }
        return end;
    }

    /** Moves a start offset back off a low surrogate. */
    static int graphemeStart(String text, int start) {
        if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))
                && Character.isHighSurrogate(text.charAt(start - 1))) return start - 1;
        return start;
    }

    static Finding finding(String rule, Severity severity, String text, int start, int end, String category,
                           String key, Object... args) {
        return new Finding(rule, severity, start, end, text.substring(start, end), category, null, null, key,
                Messages.english(key, args));
    }

    static boolean overlapsAny(List<int[]> spans, int s, int e) {
        for (int[] x : spans) if (x[0] < e && x[1] > s) return true;
        return false;
    }
}
