package io.byline.store;

import io.byline.domain.PasswordHash;
import io.byline.domain.Role;
import io.byline.domain.User;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users, their roles and their password hashes. */
public interface UserRepository {
    /** A user with the stored password hash, for signing in. */
    record Credential(User user, PasswordHash password) {}

    List<User> all(Tx tx);

    Optional<User> byId(Tx tx, long id);

    Optional<Credential> credential(Tx tx, String username);

    long count(Tx tx);

    /** Number of active users holding the role. */
    long countActiveWith(Tx tx, Role role);

    boolean usernameTaken(Tx tx, String username, long exceptId);

    long insert(Tx tx, String username, String displayName, PasswordHash password, Set<Role> roles, Long executiveId);

    void update(Tx tx, long id, String displayName, Set<Role> roles, Long executiveId);

    void setActive(Tx tx, long id, boolean active);

    void setPassword(Tx tx, long id, PasswordHash password);
}
