package io.byline.validation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Why a policy (or one of its entries) cannot be used: the English text, as the command line and the logs show it,
 * and a bundle key with its arguments, so that a screen can say it in the user's language
 * ({@code policy.error.*} in the {@code policy} bundle family; its English text is the same as {@link #english()}).
 * Arguments are the variable parts only: field names, numbers, the user's own text, or a library's own detail
 * (such as a regex syntax error), which stays as the library wrote it.
 *
 * @param key     bundle key, or null when there is none (the English text is then shown everywhere)
 * @param args    the key's arguments, in order ({@code {0}}, {@code {1}}, …); never null
 * @param english the reason in English
 */
public record PolicyReason(String key, List<Object> args, String english) implements Serializable {
    public PolicyReason {
        List<Object> copy = new ArrayList<>(args == null ? List.of() : args);
        copy.replaceAll(a -> a == null ? "null" : a);
        args = Collections.unmodifiableList(copy);
    }

    /** A reason with a bundle key; {@code english} must be what the English bundle says for the key and arguments. */
    public static PolicyReason of(String key, String english, Object... args) {
        return new PolicyReason(key, Arrays.asList(args), english);
    }

    /** A reason known only in English (shown as it is in every language). */
    public static PolicyReason plain(String english) {
        return new PolicyReason(null, List.of(), english);
    }

    @Override
    public String toString() {
        return english;
    }
}
