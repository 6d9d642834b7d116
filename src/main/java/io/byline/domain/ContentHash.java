package io.byline.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over the exact content of a post version: the shared text, every per-platform variant, the
 * target accounts and the images (their bytes' SHA-256 and alt text). Approvals are bound to it.
 *
 * <p>The encoding is injective: every string goes in as its UTF-16 code units (so lone surrogates and
 * canonically-equivalent but different spellings hash differently, as they are different texts), each
 * prefixed by its length; variants are ordered by platform id and accounts by id.
 */
public final class ContentHash {
    private static final String VERSION = "byline-content-v1";

    private ContentHash() {}

    public static String of(String text, Map<Platform, String> variants, Collection<Long> accountIds,
                            List<PostVersion.MediaRef> media) {
        MessageDigest md = sha256();
        put(md, VERSION);
        put(md, text);
        Map<String, String> sorted = new TreeMap<>();
        variants.forEach((p, v) -> sorted.put(p.id(), v));
        putInt(md, sorted.size());
        sorted.forEach((p, v) -> {
            put(md, p);
            put(md, v);
        });
        List<Long> accounts = new ArrayList<>(accountIds);
        accounts.sort(null);
        putInt(md, accounts.size());
        for (Long a : accounts) put(md, Long.toString(a));
        putInt(md, media.size());
        for (PostVersion.MediaRef m : media) {
            put(md, m.sha256());
            put(md, m.altText());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of bytes, lowercase hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** SHA-256 of a string's UTF-8 bytes, lowercase hex (for fingerprints; not for content). */
    public static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(MessageDigest md, String s) {
        putInt(md, s.length());
        ByteBuffer buf = ByteBuffer.allocate(s.length() * 2);
        for (int i = 0; i < s.length(); i++) buf.putChar(s.charAt(i));
        md.update(buf.array());
    }

    private static void putInt(MessageDigest md, int n) {
        md.update(ByteBuffer.allocate(4).putInt(n).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
