package io.byline.ui.signin;

import io.byline.service.AuthService;
import io.byline.service.PreferencesService;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FieldErrors;
import io.byline.ui.common.I18n;
import io.byline.ui.common.TaskRunner;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** First-admin setup, shown before anything else in a new, empty workspace. */
public final class FirstAdminController {
    private final FirstAdminViewModel model;
    private final I18n i18n;
    private final AppActions actions;
    private final DialogService dialogs;
    private FieldErrors fieldErrors;

    @FXML private TextField displayNameField;
    @FXML private TextField usernameField;
    @FXML private PasswordField passwordField;
    @FXML private PasswordField confirmField;
    @FXML private Label displayNameError;
    @FXML private Label usernameError;
    @FXML private Label passwordError;
    @FXML private Label confirmError;
    @FXML private Label passwordHint;
    @FXML private ProgressIndicator progress;
    @FXML private Button createButton;

    public FirstAdminController(AuthService auth, PreferencesService preferences, TaskRunner runner, I18n i18n,
                                AppActions actions, DialogService dialogs) {
        this.model = new FirstAdminViewModel(auth, preferences, runner);
        this.i18n = i18n;
        this.actions = actions;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        displayNameField.textProperty().bindBidirectional(model.displayNameProperty());
        usernameField.textProperty().bindBidirectional(model.usernameProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        confirmField.textProperty().bindBidirectional(model.confirmProperty());
        passwordHint.setText(i18n.text("setup.password.hint", FirstAdminViewModel.minPassword()));
        fieldErrors = new FieldErrors(model.errors(), i18n)
                .field("displayName", displayNameField, displayNameError)
                .field("username", usernameField, usernameError)
                .field("password", passwordField, passwordError)
                .field("confirm", confirmField, confirmError);
        createButton.disableProperty().bind(model.busyProperty());
        progress.visibleProperty().bind(model.busyProperty());
        model.failureProperty().addListener((obs, old, e) -> {
            if (e != null) dialogs.error(e);
        });
        displayNameField.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) displayNameField.requestFocus();
        });
    }

    @FXML
    private void create() {
        model.create(admin -> actions.signedIn());
    }

    public FieldErrors fieldErrors() {
        return fieldErrors;
    }
}
