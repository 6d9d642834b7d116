package io.byline.ui.common;

import io.byline.service.PreferencesService.Theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * The look of every window: the one stylesheet ({@code theme.css}, colour names and components) plus, in the
 * dark theme, {@code theme-dark.css}, which redefines only the colour names. Changing the theme restyles every
 * scene styled here at once.
 */
public final class Appearance {
    public static final String BASE = "/io/byline/css/theme.css";
    public static final String DARK = "/io/byline/css/theme-dark.css";

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public Appearance(Theme initial) {
        theme.set(initial);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    /** Styles the scene now and whenever the theme changes. */
    public void style(Scene scene) {
        apply(scene.getStylesheets(), theme.get());
        theme.addListener((obs, old, now) -> apply(scene.getStylesheets(), now));
    }

    /** Styles a short-lived scene (a dialog) as the theme is now. */
    public void styleNow(Scene scene) {
        apply(scene.getStylesheets(), theme.get());
    }

    private static void apply(ObservableList<String> sheets, Theme t) {
        String base = Objects.requireNonNull(Appearance.class.getResource(BASE)).toExternalForm();
        String dark = Objects.requireNonNull(Appearance.class.getResource(DARK)).toExternalForm();
        sheets.remove(base);
        sheets.remove(dark);
        sheets.add(0, base);
        if (t == Theme.DARK) sheets.add(1, dark);
    }
}
