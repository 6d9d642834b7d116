package io.byline.ui.common;

import io.byline.domain.Platform;

/**
 * Where to open a post: the post, and optionally the span of one platform's text to select (a finding).
 *
 * @param platform the text the span is in, or null for the shared text
 * @param start    UTF-16 offset, or -1 for no span
 * @param end      UTF-16 offset, exclusive, or -1
 * @param draft    the post is a draft: open it where drafts are written (Compose) when the user may, else where posts
 *                 are reviewed (the Queue)
 */
public record PostLink(long postId, Platform platform, int start, int end, boolean draft) {
    public PostLink(long postId, Platform platform, int start, int end) {
        this(postId, platform, start, end, false);
    }

    public static PostLink post(long postId) {
        return new PostLink(postId, null, -1, -1);
    }

    /** A draft, to be opened in Compose when the user may write. */
    public static PostLink draft(long postId) {
        return new PostLink(postId, null, -1, -1, true);
    }

    public boolean hasSpan() {
        return start >= 0 && end >= start;
    }
}
