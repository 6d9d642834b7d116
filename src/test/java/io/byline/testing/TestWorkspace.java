package io.byline.testing;

import io.byline.AppContext;
import io.byline.domain.User;
import io.byline.service.DemoWorkspace;
import io.byline.service.PasswordHasher;
import io.byline.store.DatabaseLocation;

import java.nio.file.Path;

/** A Byline workspace in a temporary folder, with fast password hashing so tests stay quick. */
public final class TestWorkspace {
    /** Iterations used by tests; production uses {@link PasswordHasher#DEFAULT_ITERATIONS}. */
    public static final int FAST_ITERATIONS = 1_000;

    private TestWorkspace() {}

    public static DatabaseLocation location(Path dir) {
        return new DatabaseLocation(dir.resolve("home"), dir.resolve("home").resolve("byline.db"), true);
    }

    /** The demo workspace, seeded. */
    public static AppContext demo(Path dir) {
        return AppContext.open(location(dir), true, new PasswordHasher(FAST_ITERATIONS));
    }

    /** The demo workspace, seeded, whose deadlines and expiry follow the given clock. */
    public static AppContext demo(Path dir, java.time.Clock clock) {
        return AppContext.open(location(dir), true, new PasswordHasher(FAST_ITERATIONS), clock);
    }

    /** A new, empty workspace (no users yet). */
    public static AppContext empty(Path dir) {
        return AppContext.open(location(dir), false, new PasswordHasher(FAST_ITERATIONS));
    }

    /** Signs in a demo user by name ({@code rina}, {@code budi}, {@code maya}, {@code andi}, {@code sari}, {@code admin}). */
    public static User signIn(AppContext ctx, String username) {
        return ctx.authService().signIn(username, DemoWorkspace.PASSWORD.toCharArray())
                .orElseThrow(() -> new AssertionError("cannot sign in " + username));
    }
}
