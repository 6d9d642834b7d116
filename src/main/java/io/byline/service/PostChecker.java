package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Finding;
import io.byline.domain.Platform;

import java.time.Instant;
import java.util.List;

/**
 * Checks one text for one platform against a compiled policy. Pure and thread-safe: no I/O, no transactions,
 * so it can run inside a unit of work or off the FX thread.
 */
@FunctionalInterface
public interface PostChecker {
    /**
     * @param publishAt planned publish time (embargoes compare against it)
     * @param account   the account it goes out on, or null when not known
     */
    List<Finding> check(String text, Platform platform, Instant publishAt, Account account);

    /**
     * The same, for a post that replies to {@code replyTo} (a handle, or null); the do-not-engage rule looks at it.
     * A checker without that rule ignores it.
     */
    default List<Finding> check(String text, Platform platform, Instant publishAt, Account account, String replyTo) {
        return check(text, platform, publishAt, account);
    }
}
