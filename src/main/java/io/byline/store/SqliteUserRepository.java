package io.byline.store;

import io.byline.domain.PasswordHash;
import io.byline.domain.Role;
import io.byline.domain.User;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class SqliteUserRepository implements UserRepository {
    private static final String SELECT = "SELECT id, username, display_name, active, executive_id, password_hash,"
            + " password_salt, password_iterations FROM app_user";

    static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<User> all(Tx tx) {
        Map<Long, Set<Role>> roles = roles(tx);
        return Jdbc.list(tx, SELECT + " ORDER BY display_name COLLATE NOCASE", rs -> user(rs, roles));
    }

    @Override
    public Optional<User> byId(Tx tx, long id) {
        Map<Long, Set<Role>> roles = roles(tx);
        return Jdbc.one(tx, SELECT + " WHERE id = ?", rs -> user(rs, roles), id);
    }

    @Override
    public Optional<Credential> credential(Tx tx, String username) {
        Map<Long, Set<Role>> roles = roles(tx);
        return Jdbc.one(tx, SELECT + " WHERE username_key = ?", rs -> new Credential(user(rs, roles),
                new PasswordHash(rs.getString("password_hash"), rs.getString("password_salt"),
                        rs.getInt("password_iterations"))), key(username));
    }

    @Override
    public long count(Tx tx) {
        return Jdbc.count(tx, "SELECT count(*) FROM app_user");
    }

    @Override
    public long countActiveWith(Tx tx, Role role) {
        return Jdbc.count(tx, "SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id"
                + " WHERE u.active = 1 AND r.role = ?", role);
    }

    @Override
    public boolean usernameTaken(Tx tx, String username, long exceptId) {
        return Jdbc.count(tx, "SELECT count(*) FROM app_user WHERE username_key = ? AND id <> ?", key(username), exceptId) > 0;
    }

    @Override
    public long insert(Tx tx, String username, String displayName, PasswordHash password, Set<Role> roles, Long executiveId) {
        long id = Jdbc.insert(tx, "INSERT INTO app_user (username, username_key, display_name, password_hash, password_salt,"
                        + " password_iterations, active, executive_id, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                username.strip(), key(username), displayName, password.hash(), password.salt(), password.iterations(),
                executiveId, Instant.now());
        writeRoles(tx, id, roles);
        return id;
    }

    @Override
    public void update(Tx tx, long id, String displayName, Set<Role> roles, Long executiveId) {
        Jdbc.update(tx, "UPDATE app_user SET display_name = ?, executive_id = ? WHERE id = ?", displayName, executiveId, id);
        Jdbc.update(tx, "DELETE FROM user_role WHERE user_id = ?", id);
        writeRoles(tx, id, roles);
    }

    @Override
    public void setActive(Tx tx, long id, boolean active) {
        Jdbc.update(tx, "UPDATE app_user SET active = ? WHERE id = ?", active, id);
    }

    @Override
    public void setPassword(Tx tx, long id, PasswordHash password) {
        Jdbc.update(tx, "UPDATE app_user SET password_hash = ?, password_salt = ?, password_iterations = ? WHERE id = ?",
                password.hash(), password.salt(), password.iterations(), id);
    }

    private static void writeRoles(Tx tx, long id, Set<Role> roles) {
        for (Role r : roles) Jdbc.update(tx, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, r);
    }

    private static Map<Long, Set<Role>> roles(Tx tx) {
        Map<Long, Set<Role>> out = new HashMap<>();
        Jdbc.list(tx, "SELECT user_id, role FROM user_role", rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
            return null;
        });
        return out;
    }

    private static User user(ResultSet rs, Map<Long, Set<Role>> roles) throws SQLException {
        long id = rs.getLong("id");
        return new User(id, rs.getString("username"), rs.getString("display_name"),
                roles.getOrDefault(id, Set.of()), Jdbc.bool(rs, "active"), Jdbc.nullableLong(rs, "executive_id"));
    }
}
