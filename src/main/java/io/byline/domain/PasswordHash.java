package io.byline.domain;

/** A stored password: PBKDF2-HMAC-SHA256 output and its salt (both Base64), and the iteration count used. */
public record PasswordHash(String hash, String salt, int iterations) {
}
