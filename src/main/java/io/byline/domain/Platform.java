package io.byline.domain;

import java.util.Locale;
import java.util.Optional;

/** A social platform an executive's account lives on. The id is stable: files, the CLI and the store use it. */
public enum Platform {
    X("x", "X", 280),
    LINKEDIN("linkedin", "LinkedIn", 3000),
    THREADS("threads", "Threads", 500),
    BLUESKY("bluesky", "Bluesky", 300),
    MASTODON("mastodon", "Mastodon", 500),
    FACEBOOK("facebook", "Facebook", 63206),
    INSTAGRAM("instagram", "Instagram", 2200);

    private final String id;
    private final String displayName;
    private final int limit;

    Platform(String id, String displayName, int limit) {
        this.id = id;
        this.displayName = displayName;
        this.limit = limit;
    }

    public String id() { return id; }

    /** The platform's own name (a brand, the same in every language). */
    public String displayName() { return displayName; }

    /** The post length limit, in the platform's own unit of counting. */
    public int limit() { return limit; }

    public static Optional<Platform> fromId(String id) {
        if (id == null) return Optional.empty();
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (p.id.equals(wanted)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
