package io.byline.validation;

import io.byline.domain.Platform;

/**
 * A post's length on one platform, counted the platform's way.
 *
 * @param overflowStart UTF-16 offset where the text first goes past the limit, or -1 when it fits
 */
public record LengthInfo(Platform platform, int count, int limit, int overflowStart) {
    public boolean over() {
        return overflowStart >= 0;
    }

    /** How much is left (negative when over). */
    public int remaining() {
        return limit - count;
    }
}
