package io.byline.validation;

import io.byline.domain.Platform;

import java.time.Instant;
import java.util.Objects;

/**
 * One post to check.
 *
 * @param text      the post's text as typed
 * @param platform  where it will be published
 * @param publishAt planned publish time (embargoes compare against it); null = unknown, embargoes apply
 * @param account   the account, or null when unknown (the account part of the disclosure rule is skipped)
 * @param replyTo   the handle the post replies to, or null
 * @param quoteOf   the handle of the post it quotes, or null
 */
public record PostInput(String text, Platform platform, Instant publishAt, AccountContext account, String replyTo,
                        String quoteOf) {
    public PostInput {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(platform, "platform");
        replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
        quoteOf = quoteOf == null || quoteOf.isBlank() ? null : quoteOf.strip();
    }

    public PostInput(String text, Platform platform, Instant publishAt, AccountContext account) {
        this(text, platform, publishAt, account, null, null);
    }

    public PostInput(String text, Platform platform, Instant publishAt) {
        this(text, platform, publishAt, null, null, null);
    }
}
