package io.byline.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in to Byline.
 *
 * @param executiveId for a user holding {@link Role#EXECUTIVE}: the executive they are; otherwise null
 */
public record User(long id, String username, String displayName, Set<Role> roles, boolean active, Long executiveId) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) return true;
        }
        return false;
    }
}
