package io.byline.ui.common;

import io.byline.domain.Severity;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

import java.util.Locale;
import java.util.Objects;

/** Severity shown the Byline way, on every screen: an icon (square, triangle, circle) and the word in the severity's colour. */
public final class Severities {
    private Severities() {}

    public static String name(Severity s, I18n i18n) {
        return i18n.text("severity." + s.name().toLowerCase(Locale.ROOT));
    }

    public static Label chip(Severity s, I18n i18n) {
        Label l = new Label(name(s, i18n), Icons.of(Icons.severity(s)));
        l.getStyleClass().addAll(StyleClasses.SEVERITY_CHIP, StyleClasses.severity(s));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /** A table cell showing a severity chip. */
    public static <T> TableCell<T, Severity> cell(I18n i18n) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                setGraphic(empty || s == null ? null : chip(s, i18n));
            }
        };
    }

    /** The stylesheet of the Policy and Risks screens and their dialogs (uses the theme's colour names only). */
    public static String stylesheet() {
        return Objects.requireNonNull(Severities.class.getResource("/io/byline/ui/policy/policy.css")).toExternalForm();
    }
}
