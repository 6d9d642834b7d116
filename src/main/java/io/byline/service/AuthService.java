package io.byline.service;

import io.byline.domain.PasswordHash;
import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.Transactor;
import io.byline.store.UserRepository;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/** Signing in and out, and the first administrator of a new workspace. */
public final class AuthService {
    private final Transactor db;
    private final UserRepository users;
    private final AuditService audit;
    private final Session session;
    private final PasswordHasher hasher;

    public AuthService(Transactor db, UserRepository users, AuditService audit, Session session, PasswordHasher hasher) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.session = session;
        this.hasher = hasher;
    }

    /** A new, empty workspace has no users: it asks for its first administrator before anything else. */
    public boolean needsFirstAdmin() {
        return db.inRead(tx -> users.count(tx) == 0);
    }

    /** Creates the first administrator and signs them in. Refused once any user exists. */
    public User createFirstAdmin(String username, String displayName, char[] password) {
        UserService.validateNew(username, displayName, password);
        PasswordHash hash = hasher.hash(password);
        PasswordHasher.wipe(password);
        User admin = db.inWrite(tx -> {
            if (users.count(tx) > 0) throw new ValidationException("username", "setup.error.alreadyDone");
            long id = users.insert(tx, username.strip(), displayName.strip(), hash, EnumSet.of(Role.ADMIN), null);
            User u = users.byId(tx, id).orElseThrow();
            audit.recordAs(tx, id, u.displayName(), "user.create-first-admin", "user", id, Map.of("username", u.username()));
            return u;
        });
        session.signIn(admin);
        return admin;
    }

    /**
     * Signs in; empty when the name or password is wrong or the user is inactive (the caller cannot tell
     * which, by design). Both outcomes are audited.
     */
    public Optional<User> signIn(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        Optional<UserRepository.Credential> found = db.inRead(tx -> users.credential(tx, name));
        boolean ok = found.isPresent() && found.get().user().active() && hasher.matches(password, found.get().password());
        if (found.isEmpty()) {
            // Spend the same time as a real check, so the response does not reveal which names exist.
            hasher.matches(password, hasher.hash(new char[] {'x'}));
        }
        PasswordHash rehash = ok && hasher.needsRehash(found.get().password()) ? hasher.hash(password) : null;
        PasswordHasher.wipe(password);
        if (!ok) {
            // An unknown name is often a password typed into the wrong field: record only a digest of it, which still
            // lets repeated attempts with the same name be told apart, never the text.
            if (found.isPresent()) {
                User u = found.get().user();
                db.inWrite(tx -> audit.recordAs(tx, u.id(), u.displayName(), "user.sign-in-failed", "user", u.id(),
                        Map.of("username", u.username())));
            } else {
                db.inWrite(tx -> audit.recordAs(tx, null, "unknown user", "user.sign-in-failed", "user", null,
                        Map.of("unknownNameDigest", digest(name))));
            }
            return Optional.empty();
        }
        User user = found.get().user();
        db.inWrite(tx -> {
            if (rehash != null) users.setPassword(tx, user.id(), rehash);
            return audit.recordAs(tx, user.id(), user.displayName(), "user.sign-in", "user", user.id(), Map.of());
        });
        session.signIn(user);
        return Optional.of(user);
    }

    /** The first 16 hex digits of SHA-256 over the name: enough to correlate attempts, not to read the name back easily. */
    static String digest(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void signOut() {
        session.user().ifPresent(u -> db.inWrite(tx -> audit.record(tx, "user.sign-out", "user", u.id(), Map.of())));
        session.signOut();
    }

    /** Signs in a user directly, as a headless command or a test does after its own checks. */
    public void actAs(User user) {
        session.signIn(user);
    }
}
