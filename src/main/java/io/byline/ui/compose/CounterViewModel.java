package io.byline.ui.compose;

import io.byline.domain.Platform;

/**
 * A platform's length counter: the text as it goes out there, counted the platform's way.
 *
 * @param level {@code OK}, {@code NEAR} (within 10% of the limit) or {@code OVER}
 */
public record CounterViewModel(Platform platform, int count, int limit, Level level, boolean variant) {
    public enum Level { OK, NEAR, OVER }

    /** Near means at least 90% of the limit used (and at least 20 for short limits). */
    public static Level level(int count, int limit) {
        if (count > limit) return Level.OVER;
        int margin = Math.max(20, limit / 10);
        return count >= limit - margin ? Level.NEAR : Level.OK;
    }
}
