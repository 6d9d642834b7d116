package io.byline.ui.users;

import io.byline.domain.Executive;
import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.service.ExecutiveService;
import io.byline.service.UserService;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The Users screen (administrators): people, their roles, activation and password resets. */
public final class UsersViewModel {
    private final UserService users;
    private final ExecutiveService executiveService;
    private final TaskRunner runner;

    private final ObservableList<User> list = FXCollections.observableArrayList();
    private final ObservableList<Executive> executives = FXCollections.observableArrayList();
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    private final ObjectProperty<Executive> executive = new SimpleObjectProperty<>();
    private final BooleanProperty resetting = new SimpleBooleanProperty(false);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private Runnable onSaved = () -> { };
    private boolean filling;

    public UsersViewModel(UserService users, ExecutiveService executives, TaskRunner runner) {
        this.users = users;
        this.executiveService = executives;
        this.runner = runner;
        for (Role r : Role.values()) {
            BooleanProperty p = new SimpleBooleanProperty(false);
            roles.put(r, p);
            watch(p, "roles");
        }
        roles.get(Role.EXECUTIVE).addListener((o, a, on) -> {
            errors.remove("executive");
            if (!on && !filling) executive.set(null);
        });
        watch(username, "username");
        watch(displayName, "displayName");
        watch(password, "password");
        watch(executive, "executive");
        newPassword.addListener((o, a, b) -> errors.remove("newPassword"));
    }

    private void watch(ObservableValue<?> p, String field) {
        p.addListener((o, a, b) -> {
            if (filling) return;
            dirty.set(true);
            errors.remove(field);
            errors.remove("active");
        });
    }

    public ObservableList<User> users() { return list; }
    public ObservableList<Executive> executives() { return executives; }
    public ObjectProperty<User> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty editingProperty() { return editing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public StringProperty usernameProperty() { return username; }
    public StringProperty displayNameProperty() { return displayName; }
    /** The initial password of a new user. */
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty roleProperty(Role r) { return roles.get(r); }
    public ObjectProperty<Executive> executiveProperty() { return executive; }
    public BooleanProperty resettingProperty() { return resetting; }
    public StringProperty newPasswordProperty() { return newPassword; }
    /** Field → bundle key: username, displayName, password, roles, executive, active, newPassword. */
    public ObservableMap<String, String> errors() { return errors; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }

    public void setOnSaved(Runnable r) {
        onSaved = r;
    }

    public boolean isNew() {
        return editing.get() && selected.get() == null;
    }

    public boolean hasUnsavedChanges() {
        return dirty.get() || !newPassword.get().isEmpty();
    }

    public Set<Role> chosenRoles() {
        Set<Role> out = EnumSet.noneOf(Role.class);
        roles.forEach((r, p) -> {
            if (p.get()) out.add(r);
        });
        return out;
    }

    public void load() {
        busy.set(true);
        runner.run(() -> new Loaded(users.list(), executiveService.list(false)), loaded -> {
            busy.set(false);
            list.setAll(loaded.users());
            executives.setAll(loaded.executives());
            User before = selected.get();
            if (before != null) {
                loaded.users().stream().filter(u -> u.id() == before.id()).findFirst().ifPresent(u -> {
                    if (!dirty.get()) select(u);
                    else selected.set(u);
                });
            }
        }, this::failed);
    }

    private record Loaded(java.util.List<User> users, java.util.List<Executive> executives) {}

    public void select(User u) {
        selected.set(u);
        resetting.set(false);
        newPassword.set("");
        if (u == null) {
            editing.set(false);
            return;
        }
        fill(u.username(), u.displayName(), u.roles(), u.executiveId());
        editing.set(true);
    }

    public void newUser() {
        selected.set(null);
        resetting.set(false);
        fill("", "", EnumSet.of(Role.WRITER), null);
        editing.set(true);
    }

    private void fill(String name, String display, Set<Role> userRoles, Long executiveId) {
        filling = true;
        try {
            username.set(name);
            displayName.set(display);
            password.set("");
            roles.forEach((r, p) -> p.set(userRoles.contains(r)));
            executive.set(executiveId == null ? null
                    : executives.stream().filter(e -> e.id() == executiveId).findFirst().orElse(null));
            errors.clear();
            dirty.set(false);
        } finally {
            filling = false;
        }
    }

    public void revert() {
        User u = selected.get();
        if (u != null) select(u);
        else {
            editing.set(false);
            dirty.set(false);
        }
    }

    /** Creates the new user, or saves the selected user's name and roles. */
    public void save() {
        if (busy.get()) return;
        User current = selected.get();
        Set<Role> chosen = chosenRoles();
        Long exec = executive.get() == null ? null : executive.get().id();
        String display = displayName.get();
        busy.set(true);
        if (current == null) {
            String name = username.get();
            char[] secret = password.get().toCharArray();
            runner.run(() -> users.create(name, display, secret, chosen, exec), this::saved, this::failed);
        } else {
            runner.run(() -> users.update(current.id(), display, chosen, exec), this::saved, this::failed);
        }
    }

    private void saved(User u) {
        busy.set(false);
        replace(u);
        select(u);
        onSaved.run();
    }

    /** Deactivates (or reactivates) the selected user; they can no longer sign in. */
    public void setActive(boolean active) {
        User u = selected.get();
        if (u == null || busy.get()) return;
        busy.set(true);
        runner.perform(() -> users.setActive(u.id(), active), () -> {
            busy.set(false);
            User now = new User(u.id(), u.username(), u.displayName(), u.roles(), active, u.executiveId());
            replace(now);
            selected.set(now);
            onSaved.run();
        }, this::failed);
    }

    public void startReset() {
        newPassword.set("");
        resetting.set(true);
    }

    public void cancelReset() {
        newPassword.set("");
        errors.remove("newPassword");
        resetting.set(false);
    }

    /** Sets a new password for the selected user. */
    public void resetPassword() {
        User u = selected.get();
        if (u == null || busy.get()) return;
        char[] secret = newPassword.get().toCharArray();
        busy.set(true);
        runner.perform(() -> users.resetPassword(u.id(), secret), () -> {
            busy.set(false);
            newPassword.set("");
            resetting.set(false);
            onSaved.run();
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException ve && ve.fieldErrors().containsKey("password")) {
                errors.put("newPassword", ve.fieldErrors().get("password"));
            } else {
                failed(e);
            }
        });
    }

    private void replace(User u) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == u.id()) {
                list.set(i, u);
                return;
            }
        }
        list.add(u);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException ve) errors.putAll(ve.fieldErrors());
        else failure.set(e);
    }
}
