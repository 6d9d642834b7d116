package io.byline.ui.common;

import io.byline.domain.Platform;

/**
 * Where to open a post: the post, and optionally the span of one platform's text to select (a finding).
 *
 * @param platform the text the span is in, or null for the shared text
 * @param start    UTF-16 offset, or -1 for no span
 * @param end      UTF-16 offset, exclusive, or -1
 */
public record PostLink(long postId, Platform platform, int start, int end) {
    public static PostLink post(long postId) {
        return new PostLink(postId, null, -1, -1);
    }

    public boolean hasSpan() {
        return start >= 0 && end >= start;
    }
}
