package io.byline.service;

import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Role;
import io.byline.domain.User;

import java.util.Optional;

/** Who is signed in on this window (or running this headless command). Services check permissions against it. */
public final class Session {
    private volatile User user;

    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** The signed-in user; refuses when nobody is. */
    public User require() {
        User u = user;
        if (u == null) throw new PermissionDeniedException("Sign in first.");
        return u;
    }

    /** The signed-in user, if they hold one of the roles; refuses otherwise. */
    public User requireAny(Role... roles) {
        User u = require();
        if (!u.hasAny(roles)) {
            throw new PermissionDeniedException(u.displayName() + " may not do this: it needs the role "
                    + String.join(" or ", java.util.Arrays.stream(roles).map(Enum::name).toList()) + ".");
        }
        return u;
    }

    /** Whether someone is signed in and holds one of the roles (what menus ask before offering an action). */
    public boolean holdsAny(Role... roles) {
        User u = user;
        return u != null && u.hasAny(roles);
    }

    /**
     * For actions a headless command may also run: when someone is signed in they must hold one of the roles; when
     * nobody is, the caller is a command run by whoever has the database file, acting as the system.
     */
    public void requireAnyUnlessHeadless(Role... roles) {
        if (user != null) requireAny(roles);
    }

    void signIn(User u) {
        this.user = u;
    }

    void signOut() {
        this.user = null;
    }

    /** For headless commands run by whoever has the database file: they act as the system. */
    public Long actorId() {
        User u = user;
        return u == null ? null : u.id();
    }

    public String actorName() {
        User u = user;
        return u == null ? "system" : u.displayName();
    }
}
