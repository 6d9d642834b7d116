package io.byline.ui.common;

import io.byline.domain.PostState;

import java.util.Locale;

/** A post's state in words, the same on every screen ({@code state.in-review} …, in the {@code messages} family). */
public final class PostStates {
    private PostStates() {}

    public static String name(PostState s, I18n i18n) {
        return i18n.text(key(s));
    }

    /** The bundle key of a state's name. */
    public static String key(PostState s) {
        return "state." + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
