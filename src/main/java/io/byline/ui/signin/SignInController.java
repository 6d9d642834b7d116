package io.byline.ui.signin;

import io.byline.service.AuthService;
import io.byline.service.PreferencesService;
import io.byline.service.WorkspaceService;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.I18n;
import io.byline.ui.common.TaskRunner;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import java.util.Locale;

/** The sign-in screen. */
public final class SignInController {
    private final SignInViewModel model;
    private final I18n i18n;
    private final AppActions actions;
    private final WorkspaceService workspace;
    private final TaskRunner runner;

    @FXML private Label workspaceLabel;
    @FXML private TextField usernameField;
    @FXML private PasswordField passwordField;
    @FXML private Label problemLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Button signInButton;
    @FXML private ComboBox<Locale> languageBox;

    public SignInController(AuthService auth, PreferencesService preferences, WorkspaceService workspace, TaskRunner runner,
                            I18n i18n, AppActions actions) {
        this.model = new SignInViewModel(auth, preferences, runner);
        this.i18n = i18n;
        this.actions = actions;
        this.workspace = workspace;
        this.runner = runner;
    }

    @FXML
    private void initialize() {
        usernameField.textProperty().bindBidirectional(model.usernameProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        usernameField.disableProperty().bind(model.busyProperty());
        passwordField.disableProperty().bind(model.busyProperty());
        signInButton.disableProperty().bind(model.busyProperty());
        progress.visibleProperty().bind(model.busyProperty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        problemLabel.setVisible(false);
        model.problemProperty().addListener((obs, old, p) -> {
            problemLabel.setVisible(p != null);
            if (p instanceof SignInViewModel.Message m) {
                problemLabel.setText(i18n.text(m.key(), m.args().toArray()));
            } else if (p instanceof SignInViewModel.Failure f) {
                I18n.Problem what = i18n.problem(f.error());
                problemLabel.setText(what.what() + " " + what.action());
            } else {
                problemLabel.setText("");
            }
            if (p != null) passwordField.requestFocus();
        });
        languageBox.getItems().setAll(I18n.LANGUAGES);
        languageBox.setConverter(new StringConverter<>() {
            @Override public String toString(Locale l) { return l == null ? "" : I18n.languageName(l); }
            @Override public Locale fromString(String s) { return null; }
        });
        languageBox.setValue(I18n.LANGUAGES.stream().filter(l -> l.getLanguage().equals(i18n.locale().getLanguage()))
                .findFirst().orElse(Locale.ENGLISH));
        languageBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.getLanguage().equals(i18n.locale().getLanguage())) actions.applyLanguage(now);
        });
        runner.run(workspace::name, name -> workspaceLabel.setText(name), e -> { });
        // once shown, the username has the focus with the remembered name selected: typing another name replaces it,
        // Tab keeps it and moves on to the password
        usernameField.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) return;
            usernameField.requestFocus();
            usernameField.selectAll();
        });
    }

    @FXML
    private void signIn() {
        model.signIn(user -> actions.signedIn());
    }

    public SignInViewModel model() {
        return model;
    }
}
