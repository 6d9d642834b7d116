package io.byline.validation;

import java.util.Locale;

/**
 * Text no file or database can keep as it is: a lone surrogate (half of a UTF-16 pair without its other half) has no
 * UTF-8 encoding, so it would be changed on the way to disk and no longer match what was checked.
 */
public final class TextChecks {
    private TextChecks() {}

    /** Whether the char at {@code i} is a surrogate without its other half. */
    public static boolean isLoneSurrogate(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }

    /** Index of the first lone surrogate, or -1 when there is none. */
    public static int firstLoneSurrogate(CharSequence s) {
        if (s == null) return -1;
        for (int i = 0; i < s.length(); i++) if (isLoneSurrogate(s, i)) return i;
        return -1;
    }

    /** Why a CSV file holding a lone surrogate is refused (the line and column say where). */
    public static PolicyReason loneSurrogateInFile(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        return PolicyReason.of("policy.error.csvLoneSurrogate", "lone surrogate (" + code
                + "): half of a character, which cannot be saved", code);
    }

    /** Why a field holding a lone surrogate at {@code index} is refused (character positions count from 1). */
    public static PolicyReason loneSurrogate(String field, String text, int index) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) text.charAt(index));
        return PolicyReason.of("policy.error.loneSurrogate", "\"" + field + "\" holds a lone surrogate (" + code
                + ") at character " + (index + 1) + ": half of a character, which cannot be saved", field, code, index + 1);
    }
}
