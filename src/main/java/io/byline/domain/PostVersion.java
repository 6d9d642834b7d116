package io.byline.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One explicitly saved state of a post's content. Immutable once written (the database refuses updates).
 *
 * @param number     1, 2, 3 … within the post
 * @param variants   per-platform texts that replace the shared text on that platform
 * @param accountIds the accounts the post was aimed at in this version
 * @param media      the attached images in this version
 * @param hash       {@link ContentHash} of all of the above; approvals are bound to it
 * @param note       why the version exists when it was not typed ({@code restored from version 2} …), or null
 */
public record PostVersion(long id, long postId, int number, String text, Map<Platform, String> variants,
                          List<Long> accountIds, List<MediaRef> media, String hash, long authorId, String authorName,
                          Instant createdAt, String note) {
    public PostVersion {
        Objects.requireNonNull(text, "text");
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The text as it goes out on a platform: its variant when there is one, else the shared text. */
    public String textFor(Platform platform) {
        String v = variants.get(platform);
        return v != null ? v : text;
    }

    /** An image as a version saw it: which media row, the SHA-256 of its bytes and its alt text. */
    public record MediaRef(long mediaId, String sha256, String altText) {
        public MediaRef {
            altText = altText == null ? "" : altText;
        }
    }
}
