package io.byline.domain;

import java.time.Instant;

/**
 * An image attached to a post, kept in the workspace (not referenced by path).
 *
 * @param bytes the image, or null when listed without its content
 */
public record PostMedia(long id, long postId, String fileName, String mimeType, long size, String sha256,
                        String altText, byte[] bytes, Instant createdAt) {
    public PostMedia {
        altText = altText == null ? "" : altText;
    }

    public boolean hasAltText() {
        return !altText.isBlank();
    }

    public PostVersion.MediaRef ref() {
        return new PostVersion.MediaRef(id, sha256, altText.strip());
    }
}
