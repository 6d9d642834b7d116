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
        // parsing a pattern costs more than formatting it, and findings are formatted per hit: keep the parsed
        // ones (a MessageFormat is not thread-safe, so each is used under its own lock)
        MessageFormat f = FORMATS.computeIfAbsent(s, p -> new MessageFormat(p, Locale.ROOT));
        synchronized (f) {
            return f.format(args);
        }
    }

    /** Parsed patterns by pattern text (the bundles hold a few dozen). */
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();
}
