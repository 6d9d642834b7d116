package io.byline.ui.signin;

import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.service.AuthService;
import io.byline.service.PreferencesService;
import io.byline.service.UserService;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.function.Consumer;

/** A new, empty workspace: create its first administrator (who is then signed in). */
public final class FirstAdminViewModel {
    private final AuthService auth;
    private final PreferencesService preferences;
    private final TaskRunner runner;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();

    public FirstAdminViewModel(AuthService auth, PreferencesService preferences, TaskRunner runner) {
        this.auth = auth;
        this.preferences = preferences;
        this.runner = runner;
        clearOnEdit(username, "username");
        clearOnEdit(displayName, "displayName");
        clearOnEdit(password, "password");
        clearOnEdit(confirm, "confirm");
    }

    private void clearOnEdit(StringProperty p, String field) {
        p.addListener((o, a, b) -> errors.remove(field));
    }

    public StringProperty usernameProperty() { return username; }
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty confirmProperty() { return confirm; }
    /** Field → bundle key of what is wrong with it. */
    public ObservableMap<String, String> errors() { return errors; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure.getReadOnlyProperty(); }

    public void create(Consumer<User> onCreated) {
        if (busy.get()) return;
        if (!password.get().equals(confirm.get())) {
            errors.put("confirm", "setup.error.mismatch");
            return;
        }
        String name = username.get().strip();
        String display = displayName.get();
        char[] secret = password.get().toCharArray();
        busy.set(true);
        failure.set(null);
        runner.run(() -> auth.createFirstAdmin(name, display, secret), admin -> {
            busy.set(false);
            password.set("");
            confirm.set("");
            preferences.setLastUsername(admin.username());
            onCreated.accept(admin);
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException ve) errors.putAll(ve.fieldErrors());
            else failure.set(e);
        });
    }

    /** The shortest password accepted, for the hint under the field. */
    public static int minPassword() {
        return UserService.MIN_PASSWORD;
    }
}
