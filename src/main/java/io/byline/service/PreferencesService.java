package io.byline.service;

import io.byline.store.PreferencesFile;

import java.util.Locale;

/** This machine's choices that outlive a session: language and theme. */
public final class PreferencesService {
    public enum Theme { LIGHT, DARK }

    /** The languages Byline ships. */
    public static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.ENGLISH, Locale.forLanguageTag("id"));

    private final PreferencesFile file;

    public PreferencesService(PreferencesFile file) {
        this.file = file;
    }

    public Locale language() {
        return file.get("language").map(Locale::forLanguageTag)
                .filter(l -> LANGUAGES.stream().anyMatch(s -> s.getLanguage().equals(l.getLanguage())))
                .orElse(Locale.ENGLISH);
    }

    public void setLanguage(Locale locale) {
        file.put("language", locale.toLanguageTag());
    }

    public Theme theme() {
        return file.get("theme").map(t -> "DARK".equals(t) ? Theme.DARK : Theme.LIGHT).orElse(Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        file.put("theme", theme.name());
    }

    public String lastUsername() {
        return file.get("lastUsername").orElse("");
    }

    public void setLastUsername(String username) {
        file.put("lastUsername", username == null ? "" : username);
    }
}
