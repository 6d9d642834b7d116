package io.byline.ui.shell;

import io.byline.service.PreferencesService.Theme;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.FxmlViews;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Keyboard;

import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

import java.util.Locale;

/** Settings: language and theme, applied at once and remembered on this machine. */
public final class SettingsController {
    private final Appearance appearance;
    private final I18n i18n;

    @FXML private ComboBox<Locale> languageBox;
    @FXML private ToggleButton lightButton;
    @FXML private ToggleButton darkButton;
    @FXML private Label themeLabel;
    private final ToggleGroup themeGroup = new ToggleGroup();

    public SettingsController(Appearance appearance, I18n i18n) {
        this.appearance = appearance;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        languageBox.getItems().setAll(I18n.LANGUAGES);
        languageBox.setConverter(new StringConverter<>() {
            @Override public String toString(Locale l) { return l == null ? "" : I18n.languageName(l); }
            @Override public Locale fromString(String s) { return null; }
        });
        languageBox.getSelectionModel().select(I18n.LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(i18n.locale().getLanguage())).findFirst().orElse(Locale.ENGLISH));
        lightButton.setToggleGroup(themeGroup);
        darkButton.setToggleGroup(themeGroup);
        (appearance.theme() == Theme.DARK ? darkButton : lightButton).setSelected(true);
        themeGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) old.setSelected(true);
            else Keyboard.label(themeLabel, (ToggleButton) now);
        });
        // the label names the chosen theme; Alt+T goes there, the arrow keys move to the other one
        Keyboard.label(themeLabel, darkButton.isSelected() ? darkButton : lightButton);
    }

    public Locale language() {
        return languageBox.getValue();
    }

    public Theme theme() {
        return darkButton.isSelected() ? Theme.DARK : Theme.LIGHT;
    }

    /** Shows the settings dialog; Save applies the choices (a new language rebuilds the window). */
    static void show(FxmlViews views, AppActions actions, MainWindowController window) {
        FxmlViews.View<SettingsController> v = views.load(SettingsController.class);
        SettingsController c = v.controller();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(c.i18n.text("settings.title"));
        dialog.initOwner(window.ownerWindow());
        ButtonType save = new ButtonType(c.i18n.text("common.save"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(c.i18n.text("common.cancel"), ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, save);
        dialog.getDialogPane().setContent(v.root());
        dialog.getDialogPane().getStyleClass().add("byline-dialog");
        dialog.getDialogPane().lookupButton(save).getStyleClass().add("primary");
        c.appearance.styleNow(dialog.getDialogPane().getScene());
        if (dialog.showAndWait().filter(b -> b == save).isEmpty()) return;
        if (c.theme() != c.appearance.theme()) actions.applyTheme(c.theme());
        if (!c.language().getLanguage().equals(c.i18n.locale().getLanguage()) && window.confirmLeave()) {
            actions.applyLanguage(c.language());
        }
    }
}
