package io.byline.ui.common;

import io.byline.domain.PermissionDeniedException;
import io.byline.domain.StorageException;
import io.byline.domain.ValidationException;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The app's texts in one language. The bundle is a merge of several bundle <em>families</em>, one per screen
 * area, so that each area owns its properties file and parallel work does not conflict: a key is looked up in
 * the families in the order of {@link #FAMILIES}. A family whose file is not on the class path is skipped.
 * English is the default ({@code family.properties}); Bahasa Indonesia is {@code family_id.properties}.
 */
public final class I18n {
    /**
     * The bundle families, in lookup order. Add a family here when a screen area ships its own file
     * ({@code src/main/resources/io/byline/i18n/<family>.properties} and {@code <family>_id.properties}).
     */
    public static final List<String> FAMILIES = List.of(
            "io/byline/i18n/messages",   // shell, sign-in, settings, users, executives, common words, errors
            "io/byline/i18n/findings",   // validation: rule messages and categories
            "io/byline/i18n/compose",
            "io/byline/i18n/queue",
            "io/byline/i18n/risks",
            "io/byline/i18n/policy",
            "io/byline/i18n/audit",
            "io/byline/i18n/dashboard");

    /** The languages Byline ships, and how each names itself. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("id"));

    private final Locale locale;
    private final MergedBundle bundle;

    private I18n(Locale locale, MergedBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The texts in the language (English for one Byline does not ship). */
    public static I18n of(Locale requested) {
        Locale locale = LANGUAGES.stream().filter(l -> l.getLanguage().equals(requested.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
        List<ResourceBundle> parts = new ArrayList<>();
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String family : FAMILIES) {
            try {
                parts.add(ResourceBundle.getBundle(family.replace('/', '.'), locale, I18n.class.getClassLoader(), control));
            } catch (MissingResourceException e) {
                // this family has not shipped yet
            }
        }
        return new I18n(locale, new MergedBundle(locale, parts));
    }

    public Locale locale() {
        return locale;
    }

    /** The merged bundle, for {@code FXMLLoader} ({@code %key} in FXML). */
    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for the key, with {@code {0}}-style arguments filled in; a missing key shows as {@code !key!}. */
    public String text(String key, Object... args) {
        if (!bundle.containsKey(key)) return "!" + key + "!";
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** For messages that are a bundle key or, from older code, already plain text. */
    public String keyOrText(String keyOrText) {
        if (keyOrText == null) return "";
        return bundle.containsKey(keyOrText) ? bundle.getString(keyOrText) : keyOrText;
    }

    /** The language's own name, as the language switch shows it. */
    public static String languageName(Locale l) {
        return "id".equals(l.getLanguage()) ? "Bahasa Indonesia" : "English";
    }

    /**
     * What to tell the user about a failure: what happened and what to do. Storage failures carry a kind
     * ({@code error.storage.<kind>.title} / {@code .action}); the store's English message says which file.
     */
    public Problem problem(Throwable t) {
        if (t instanceof StorageException se) {
            String kind = se.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            return new Problem(text("error.storage." + kind + ".title"), text("error.storage." + kind + ".action"),
                    se.getMessage());
        }
        if (t instanceof PermissionDeniedException) {
            return new Problem(text("error.permission.title"), text("error.permission.action"), t.getMessage());
        }
        if (t instanceof ValidationException ve) {
            List<String> lines = ve.fieldErrors().entrySet().stream().map(e -> {
                List<Object> args = ve.args(e.getKey());
                return args.isEmpty() || !has(e.getValue()) ? keyOrText(e.getValue()) : text(e.getValue(), args.toArray());
            }).toList();
            return new Problem(text("error.validation.title"), String.join("\n", lines), null);
        }
        return new Problem(text("error.unexpected.title"), text("error.unexpected.action"), String.valueOf(t));
    }

    /**
     * A failure in words.
     *
     * @param what    what happened, in the user's language
     * @param action  what to do now
     * @param details the technical detail (file names, the store's message), or null
     */
    public record Problem(String what, String action, String details) {}

    /** Looks keys up in several bundles in order; its key set is their union. */
    private static final class MergedBundle extends ResourceBundle {
        private final Locale locale;
        private final List<ResourceBundle> parts;
        private final Set<String> keys;

        MergedBundle(Locale locale, List<ResourceBundle> parts) {
            this.locale = locale;
            this.parts = List.copyOf(parts);
            Set<String> all = new LinkedHashSet<>();
            for (ResourceBundle b : parts) all.addAll(b.keySet());
            this.keys = Collections.unmodifiableSet(all);
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        protected Object handleGetObject(String key) {
            for (ResourceBundle b : parts) {
                if (b.containsKey(key)) return b.getObject(key);
            }
            return null;
        }

        @Override
        public boolean containsKey(String key) {
            return keys.contains(key);
        }

        @Override
        protected Set<String> handleKeySet() {
            return keys;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(keys);
        }
    }
}
