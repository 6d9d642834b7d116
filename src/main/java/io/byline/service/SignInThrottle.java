package io.byline.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Slows down guessing: after {@link #FREE_FAILURES} failed sign-ins in a row for one username, that name is locked
 * out for a while, twice as long after each further failure, up to {@link #MAX_LOCK}. A success clears the name.
 * Kept in memory per open workspace; names are compared folded (as sign-in compares them).
 */
final class SignInThrottle {
    static final int FREE_FAILURES = 3;
    static final Duration FIRST_LOCK = Duration.ofSeconds(5);
    static final Duration MAX_LOCK = Duration.ofMinutes(5);
    /** How many names are remembered at most; beyond that, names not locked out now are forgotten. */
    private static final int MAX_NAMES = 10_000;

    private record State(int failures, Instant lockedUntil) {}

    private final Clock clock;
    private final Map<String, State> byName = new HashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whole seconds the name must still wait (rounded up), or 0 when it may try now. */
    synchronized long waitSeconds(String name) {
        State st = byName.get(name);
        if (st == null || st.lockedUntil() == null) return 0;
        Duration left = Duration.between(clock.instant(), st.lockedUntil());
        if (left.isNegative() || left.isZero()) return 0;
        return (left.toMillis() + 999) / 1000;
    }

    /** Records a failure; returns the lock-out it starts (null when the name may still try at once). */
    synchronized Duration failed(String name) {
        if (byName.size() >= MAX_NAMES && !byName.containsKey(name)) forgetUnlocked();
        State st = byName.get(name);
        int failures = (st == null ? 0 : st.failures()) + 1;
        Duration lock = failures < FREE_FAILURES ? null : lockAfter(failures);
        byName.put(name, new State(failures, lock == null ? null : clock.instant().plus(lock)));
        return lock;
    }

    synchronized void succeeded(String name) {
        byName.remove(name);
    }

    /** The lock-out after the given number of failures in a row: 5 s at the third, doubling, at most 5 minutes. */
    static Duration lockAfter(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 16);
        Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }

    private void forgetUnlocked() {
        Instant now = clock.instant();
        for (Iterator<State> it = byName.values().iterator(); it.hasNext(); ) {
            State st = it.next();
            if (st.lockedUntil() == null || !st.lockedUntil().isAfter(now)) it.remove();
        }
        if (byName.size() >= MAX_NAMES) byName.clear();
    }
}
