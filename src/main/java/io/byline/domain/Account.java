package io.byline.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * One of an executive's social accounts.
 *
 * @param handle     as the platform shows it, without a leading {@code @}
 * @param disclaimer for personal accounts, the "views are my own" line the bio must carry
 */
public record Account(long id, long executiveId, Platform platform, String handle, Capacity capacity,
                      String bio, String disclaimer, boolean retired) {
    public Account {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(capacity, "capacity");
        bio = bio == null ? "" : bio;
        disclaimer = disclaimer == null ? "" : disclaimer;
    }

    /** The handle as compared for uniqueness: no leading @, trimmed, case-insensitive. */
    public static String normalizeHandle(String handle) {
        String h = handle == null ? "" : handle.strip();
        while (h.startsWith("@")) h = h.substring(1);
        return h.toLowerCase(Locale.ROOT);
    }

    public Account withId(long newId) {
        return new Account(newId, executiveId, platform, handle, capacity, bio, disclaimer, retired);
    }

    public Account withRetired(boolean r) {
        return new Account(id, executiveId, platform, handle, capacity, bio, disclaimer, r);
    }
}
