package io.byline.testing;

import io.byline.domain.PasswordHash;
import io.byline.service.PasswordHasher;

import java.util.concurrent.atomic.AtomicInteger;

/** A fast hasher that counts its key derivations: checking a password ({@link #matches}) and hashing a new one. */
public final class CountingHasher extends PasswordHasher {
    public final AtomicInteger matches = new AtomicInteger();
    public final AtomicInteger hashes = new AtomicInteger();

    public CountingHasher() {
        super(TestWorkspace.FAST_ITERATIONS);
    }

    @Override
    public PasswordHash hash(char[] password) {
        hashes.incrementAndGet();
        return super.hash(password);
    }

    @Override
    public boolean matches(char[] password, PasswordHash stored) {
        matches.incrementAndGet();
        return super.matches(password, stored);
    }

    public void reset() {
        matches.set(0);
        hashes.set(0);
    }
}
