package io.byline.ui.signin;

import io.byline.domain.User;
import io.byline.service.AuthService;
import io.byline.service.PreferencesService;
import io.byline.service.SignInThrottledException;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * Sign-in: username and password, checked in the background (hashing takes about half a second). A wrong name,
 * a wrong password and an inactive account all give the same neutral message; too many failures for a name say how
 * long to wait.
 */
public final class SignInViewModel {
    /** What went wrong, for the view to word: a bundle key, or a failure to report. */
    public sealed interface Problem permits Message, Failure {}

    /** A bundle key and the arguments of its placeholders. */
    public record Message(String key, List<Object> args) implements Problem {
        public Message {
            args = List.copyOf(args);
        }

        public Message(String key) {
            this(key, List.of());
        }
    }

    public record Failure(Throwable error) implements Problem {}

    private final AuthService auth;
    private final PreferencesService preferences;
    private final TaskRunner runner;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty canSubmit = new SimpleBooleanProperty();

    public SignInViewModel(AuthService auth, PreferencesService preferences, TaskRunner runner) {
        this.auth = auth;
        this.preferences = preferences;
        this.runner = runner;
        username.set(preferences.lastUsername());
        canSubmit.bind(busy.not().and(username.isNotEmpty()).and(password.isNotEmpty()));
        username.addListener((o, a, b) -> problem.set(null));
        password.addListener((o, a, b) -> {
            if (!b.isEmpty()) problem.set(null);
        });
    }

    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    public BooleanProperty canSubmitProperty() { return canSubmit; }

    /** Checks the credentials in the background; on success remembers the username and calls {@code onSignedIn}. */
    public void signIn(Consumer<User> onSignedIn) {
        if (busy.get()) return;
        String name = username.get() == null ? "" : username.get().strip();
        if (name.isEmpty() || password.get().isEmpty()) {
            problem.set(new Message("signin.error.missing"));
            return;
        }
        char[] secret = password.get().toCharArray();
        busy.set(true);
        problem.set(null);
        runner.run(() -> auth.signIn(name, secret), user -> {
            busy.set(false);
            password.set("");
            if (user.isPresent()) {
                preferences.setLastUsername(name);
                onSignedIn.accept(user.get());
            } else {
                problem.set(new Message("signin.error.wrong"));
            }
        }, e -> {
            busy.set(false);
            password.set("");
            problem.set(e instanceof SignInThrottledException t
                    ? new Message(SignInThrottledException.KEY, List.of(t.seconds())) : new Failure(e));
        });
    }
}
