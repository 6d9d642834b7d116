package io.byline.validation;

import io.byline.domain.Platform;
import io.byline.domain.Severity;

import java.util.List;
import java.util.Objects;

/**
 * An account executives must not mention, reply to or quote (a litigant, a competitor in a dispute …).
 *
 * @param platform where the handle lives, or null for every platform
 * @param handle   the account handle, with or without {@code @}
 * @param names    names that refer to it in prose ({@code Rival Corp})
 * @param reason   why, in a word or two ({@code litigation}); shown to reviewers
 * @param severity how serious engaging it is
 */
public record DoNotEngage(Platform platform, String handle, List<String> names, String reason, Severity severity) {
    public DoNotEngage {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(severity, "severity");
        names = names == null ? List.of() : List.copyOf(names);
        reason = reason == null ? "" : reason;
    }

    /** The handle with one {@code @} in front. */
    public String atHandle() {
        String h = handle.strip();
        return h.startsWith("@") ? h : "@" + h;
    }

    public boolean appliesTo(Platform p) {
        return platform == null || platform == p;
    }
}
