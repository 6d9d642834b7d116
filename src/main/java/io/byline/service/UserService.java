package io.byline.service;

import io.byline.domain.PasswordHash;
import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.ExecutiveRepository;
import io.byline.store.Transactor;
import io.byline.store.UserRepository;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Users and their roles; managed by administrators. */
public final class UserService {
    /** Minimum password length (NIST SP 800-63B: at least 8; we ask for 10). */
    public static final int MIN_PASSWORD = 10;
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,40}");

    private final Transactor db;
    private final UserRepository users;
    private final ExecutiveRepository executives;
    private final AuditService audit;
    private final Session session;
    private final PasswordHasher hasher;

    public UserService(Transactor db, UserRepository users, ExecutiveRepository executives, AuditService audit,
                       Session session, PasswordHasher hasher) {
        this.db = db;
        this.users = users;
        this.executives = executives;
        this.audit = audit;
        this.session = session;
        this.hasher = hasher;
    }

    /** Everyone, for pickers and the Users screen. Any signed-in user may list (names only are shown elsewhere). */
    public List<User> list() {
        session.require();
        return db.inRead(users::all);
    }

    public User create(String username, String displayName, char[] password, Set<Role> roles, Long executiveId) {
        session.requireAny(Role.ADMIN);
        validateNew(username, displayName, password);
        validateRoles(roles, executiveId);
        PasswordHash hash = hasher.hash(password);
        PasswordHasher.wipe(password);
        return db.inWrite(tx -> {
            if (users.usernameTaken(tx, username, 0)) throw new ValidationException("username", "users.error.usernameTaken");
            checkExecutive(tx, executiveId);
            long id = users.insert(tx, username.strip(), displayName.strip(), hash, roles, executiveId);
            audit.record(tx, "user.create", "user", id, Map.of("username", username.strip(), "roles", roleNames(roles)));
            return users.byId(tx, id).orElseThrow();
        });
    }

    public User update(long id, String displayName, Set<Role> roles, Long executiveId) {
        User admin = session.requireAny(Role.ADMIN);
        if (displayName == null || displayName.isBlank()) throw new ValidationException("displayName", "users.error.displayNameRequired");
        validateRoles(roles, executiveId);
        return db.inWrite(tx -> {
            User before = users.byId(tx, id).orElseThrow(() -> new ValidationException("user", "users.error.notFound"));
            if (before.has(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                if (admin.id() == id) throw new ValidationException("roles", "users.error.ownAdmin");
                if (users.countActiveWith(tx, Role.ADMIN) <= 1) throw new ValidationException("roles", "users.error.lastAdmin");
            }
            checkExecutive(tx, executiveId);
            users.update(tx, id, displayName.strip(), roles, executiveId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("rolesBefore", roleNames(before.roles()));
            details.put("rolesAfter", roleNames(roles));
            if (!before.displayName().equals(displayName.strip())) {
                // approvals keep the name they were signed under; the record says who this person was called before
                details.put("nameBefore", before.displayName());
                details.put("nameAfter", displayName.strip());
            }
            audit.record(tx, "user.update", "user", id, details);
            return users.byId(tx, id).orElseThrow();
        });
    }

    public void setActive(long id, boolean active) {
        User admin = session.requireAny(Role.ADMIN);
        db.inWrite(tx -> {
            User u = users.byId(tx, id).orElseThrow(() -> new ValidationException("user", "users.error.notFound"));
            if (!active && admin.id() == id) throw new ValidationException("active", "users.error.deactivateSelf");
            if (!active && u.has(Role.ADMIN) && users.countActiveWith(tx, Role.ADMIN) <= 1) {
                throw new ValidationException("active", "users.error.lastAdmin");
            }
            users.setActive(tx, id, active);
            return audit.record(tx, active ? "user.activate" : "user.deactivate", "user", id, Map.of());
        });
    }

    public void resetPassword(long id, char[] password) {
        session.requireAny(Role.ADMIN);
        validatePassword(password);
        PasswordHash hash = hasher.hash(password);
        PasswordHasher.wipe(password);
        db.inWrite(tx -> {
            users.byId(tx, id).orElseThrow(() -> new ValidationException("user", "users.error.notFound"));
            users.setPassword(tx, id, hash);
            return audit.record(tx, "user.password-reset", "user", id, Map.of());
        });
    }

    static void validateNew(String username, String displayName, char[] password) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (username == null || !USERNAME.matcher(username.strip()).matches()) errors.put("username", "users.error.username");
        if (displayName == null || displayName.isBlank()) errors.put("displayName", "users.error.displayNameRequired");
        if (password == null || password.length < MIN_PASSWORD) errors.put("password", "users.error.passwordShort");
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    private static void validatePassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) throw new ValidationException("password", "users.error.passwordShort");
    }

    private static void validateRoles(Set<Role> roles, Long executiveId) {
        if (roles == null || roles.isEmpty()) throw new ValidationException("roles", "users.error.rolesRequired");
        if (roles.contains(Role.EXECUTIVE) && executiveId == null) throw new ValidationException("executive", "users.error.executiveRequired");
        if (!roles.contains(Role.EXECUTIVE) && executiveId != null) throw new ValidationException("executive", "users.error.executiveOnlyForRole");
    }

    private void checkExecutive(io.byline.store.Tx tx, Long executiveId) {
        if (executiveId != null && executives.byId(tx, executiveId).isEmpty()) {
            throw new ValidationException("executive", "users.error.executiveMissing");
        }
    }

    private static List<String> roleNames(Set<Role> roles) {
        return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).stream().map(Enum::name).toList();
    }
}
