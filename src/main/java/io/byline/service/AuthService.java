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
    private final SignInThrottle throttle;
    private volatile PasswordHash standIn;

    public AuthService(Transactor db, UserRepository users, AuditService audit, Session session, PasswordHasher hasher,
                       java.time.Clock clock) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.session = session;
        this.hasher = hasher;
        this.throttle = new SignInThrottle(clock);
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
     * Signs in; empty when the name or password is wrong or the user is inactive (the caller cannot tell which, by
     * design: each of the three costs exactly one password derivation, against a stand-in hash when the name is
     * unknown). After {@link SignInThrottle#FREE_FAILURES} failures in a row for a name, that name must wait a while,
     * longer after each further failure; while it waits every attempt is refused with
     * {@link SignInThrottledException} without looking at the password. Failures and lock-outs are audited.
     */
    public Optional<User> signIn(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        String key = name.toLowerCase(java.util.Locale.ROOT);
        long wait = throttle.waitSeconds(key);
        if (wait > 0) {
            PasswordHasher.wipe(password);
            Optional<User> who = db.inRead(tx -> users.credential(tx, name)).map(UserRepository.Credential::user);
            recordFailure(who, name, "user.sign-in-locked", wait);
            throw new SignInThrottledException(wait);
        }
        Optional<UserRepository.Credential> found = db.inRead(tx -> users.credential(tx, name));
        // One derivation whatever the case (unknown name, inactive user, wrong password), so the time taken does not
        // tell them apart.
        boolean matches = hasher.matches(password, found.isPresent() ? found.get().password() : standIn());
        boolean ok = matches && found.isPresent() && found.get().user().active();
        PasswordHash rehash = ok && hasher.needsRehash(found.get().password()) ? hasher.hash(password) : null;
        PasswordHasher.wipe(password);
        Optional<User> who = found.map(UserRepository.Credential::user);
        if (!ok) {
            recordFailure(who, name, "user.sign-in-failed", null);
            java.time.Duration lock = throttle.failed(key);
            if (lock != null) {
                recordFailure(who, name, "user.sign-in-locked", lock.toSeconds());
                throw new SignInThrottledException(lock.toSeconds());
            }
            return Optional.empty();
        }
        throttle.succeeded(key);
        User user = found.get().user();
        db.inWrite(tx -> {
            if (rehash != null) users.setPassword(tx, user.id(), rehash);
            return audit.recordAs(tx, user.id(), user.displayName(), "user.sign-in", "user", user.id(), Map.of());
        });
        session.signIn(user);
        return Optional.of(user);
    }

    /**
     * A failed or refused attempt in the audit log. An unknown name is often a password typed into the wrong field:
     * only a digest of it is recorded, which still lets repeated attempts with the same name be told apart.
     */
    private void recordFailure(Optional<User> who, String name, String type, Long waitSeconds) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        if (who.isPresent()) {
            details.put("username", who.get().username());
        } else {
            details.put("unknownNameDigest", digest(name));
        }
        if (waitSeconds != null) details.put("retryAfterSeconds", waitSeconds);
        db.inWrite(tx -> who.isPresent()
                ? audit.recordAs(tx, who.get().id(), who.get().displayName(), type, "user", who.get().id(), details)
                : audit.recordAs(tx, null, "unknown user", type, "user", null, details));
    }

    /** A hash no password matches, made with the current iteration count, for names that do not exist. */
    private PasswordHash standIn() {
        PasswordHash h = standIn;
        if (h == null) standIn = h = hasher.unmatchable();
        return h;
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

}
