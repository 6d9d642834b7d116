package io.byline.service;

import io.byline.domain.ValidationException;

import java.util.List;

/** Too many failed sign-ins for this username: try again after {@link #seconds()} (told in the user's language). */
public final class SignInThrottledException extends ValidationException {
    private static final long serialVersionUID = 1L;
    public static final String KEY = "signin.error.throttled";
    private final long seconds;

    public SignInThrottledException(long seconds) {
        super("username", KEY, List.of(seconds));
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }
}
