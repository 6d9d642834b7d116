package io.byline.validation;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** Finding messages from {@code io/byline/i18n/findings*.properties} (English and Bahasa Indonesia). */
public final class Messages {
    public static final String BUNDLE = "io.byline.i18n.findings";

    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);

    private Messages() {}

    /** True when the English bundle has the key. */
    public static boolean has(String key) {
        return EN.containsKey(key);
    }

    /** The English text of a key, formatted with {@link MessageFormat}; the key itself when missing. */
    public static String english(String key, Object... args) {
        return format(EN, key, args);
    }

    /** The text of a key in the given locale ({@code id} for Bahasa Indonesia), falling back to English. */
    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle b;
        try {
            b = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            b = EN;
        }
        return format(b, key, args);
    }

    private static String format(ResourceBundle b, String key, Object... args) {
        String s;
        try {
            s = b.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) return s;
        String simple = simple(s, args);
        if (simple != null) return simple;
        // parsing a pattern costs more than formatting it, and findings are formatted per hit: keep the parsed
        // ones (a MessageFormat is not thread-safe, so each is used under its own lock)
        MessageFormat f = FORMATS.computeIfAbsent(s, p -> new MessageFormat(p, Locale.ROOT));
        synchronized (f) {
            return f.format(args);
        }
    }

    /**
     * The pattern formatted without {@link MessageFormat} when it only has {@code {n}} and {@code {n,number,#}}
     * arguments (strings and integers) and no quotes: the same text, at a fraction of the cost (the length rule
     * formats one per long post). Null when the pattern needs MessageFormat.
     */
    static String simple(String pattern, Object[] args) {
        if (pattern.indexOf('\'') >= 0) return null;
        StringBuilder b = new StringBuilder(pattern.length() + 16);
        int i = 0, n = pattern.length();
        while (i < n) {
            int open = pattern.indexOf('{', i);
            if (open < 0) break;
            int close = pattern.indexOf('}', open);
            if (close < 0 || close - open < 2) return null;
            b.append(pattern, i, open);
            String spec = pattern.substring(open + 1, close);
            int comma = spec.indexOf(',');
            String index = comma < 0 ? spec : spec.substring(0, comma);
            if (index.length() != 1 || index.charAt(0) < '0' || index.charAt(0) > '9') return null;
            int a = index.charAt(0) - '0';
            if (a >= args.length) return null;
            Object v = args[a];
            if (comma < 0 && v instanceof String) {
                b.append((String) v);
            } else if ((comma < 0 || spec.substring(comma).equals(",number,#")) && (v instanceof Integer || v instanceof Long)
                    && (comma >= 0 || Math.abs(((Number) v).longValue()) < 1000)) {
                b.append(((Number) v).longValue()); // {n} groups digits (1,234): only small numbers here
            } else {
                return null;
            }
            i = close + 1;
        }
        b.append(pattern, i, n);
        return b.toString();
    }

    /** Parsed patterns by pattern text (the bundles hold a few dozen). */
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();
}
