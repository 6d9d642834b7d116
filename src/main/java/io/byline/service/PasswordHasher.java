package io.byline.service;

import io.byline.domain.PasswordHash;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a per-user 16-byte salt. The iteration count is stored with each hash, so it
 * can be raised later; a hash made with fewer iterations than the current count is re-hashed at sign-in.
 */
public class PasswordHasher {
    /** OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int KEY_BITS = 256;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A hasher with another iteration count (tests use fewer, to stay fast). */
    public PasswordHasher(int iterations) {
        if (iterations < 1) throw new IllegalArgumentException("iterations");
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    public PasswordHash hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PasswordHash(Base64.getEncoder().encodeToString(derive(password, salt, iterations)),
                Base64.getEncoder().encodeToString(salt), iterations);
    }

    /** Constant-time comparison of the derived key with the stored one. */
    public boolean matches(char[] password, PasswordHash stored) {
        byte[] expected = Base64.getDecoder().decode(stored.hash());
        byte[] actual = derive(password, Base64.getDecoder().decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * A hash that no password matches (random salt and key), with the current iteration count: checking a password
     * against it costs what checking a real one does. Sign-in uses it for names that do not exist.
     */
    public PasswordHash unmatchable() {
        byte[] salt = new byte[16];
        byte[] key = new byte[KEY_BITS / 8];
        random.nextBytes(salt);
        random.nextBytes(key);
        return new PasswordHash(Base64.getEncoder().encodeToString(key), Base64.getEncoder().encodeToString(salt), iterations);
    }

    public boolean needsRehash(PasswordHash stored) {
        return stored.iterations() < iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Overwrites a password held in memory once it is no longer needed. */
    public static void wipe(char[] password) {
        if (password != null) Arrays.fill(password, '\0');
    }
}
