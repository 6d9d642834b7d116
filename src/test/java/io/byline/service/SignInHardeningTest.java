package io.byline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.User;
import io.byline.testing.CountingHasher;
import io.byline.testing.MutableClock;
import io.byline.testing.TestWorkspace;
import io.byline.ui.common.I18n;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in tells nothing about which names exist, and slows down guessing per name. */
class SignInHardeningTest {
    @TempDir
    Path dir;
    final CountingHasher hasher = new CountingHasher();
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = AppContext.open(TestWorkspace.location(dir), true, hasher, clock);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Optional<User> signIn(String name, String password) {
        return ctx.authService().signIn(name, password.toCharArray());
    }

    @Test
    void anUnknownNameADisabledUserAndAWrongPasswordEachCostExactlyOneDerivation() {
        TestWorkspace.signIn(ctx, "admin");
        long budi = ctx.userService().list().stream().filter(u -> u.username().equals("budi")).findFirst().orElseThrow().id();
        ctx.userService().setActive(budi, false);
        ctx.authService().signOut();

        for (String[] attempt : new String[][] {{"nobody", DemoWorkspace.PASSWORD}, {"budi", DemoWorkspace.PASSWORD},
                {"rina", "not her password"}}) {
            hasher.reset();
            assertTrue(signIn(attempt[0], attempt[1]).isEmpty(), attempt[0]);
            assertEquals(1, hasher.matches.get(), attempt[0] + ": one password check");
            assertEquals(0, hasher.hashes.get(), attempt[0] + ": no other derivation");
        }
        hasher.reset();
        assertTrue(signIn("rina", DemoWorkspace.PASSWORD).isPresent());
        assertEquals(1, hasher.matches.get());
    }

    @Test
    void repeatedFailuresForANameAreSlowedDownMoreEachTimeUpToACap() {
        assertTrue(signIn("rina", "guess one").isEmpty());
        assertTrue(signIn("rina", "guess two").isEmpty());
        assertEquals(5, assertThrows(SignInThrottledException.class, () -> signIn("rina", "guess three")).seconds());

        hasher.reset();
        SignInThrottledException waiting = assertThrows(SignInThrottledException.class,
                () -> signIn("Rina ", DemoWorkspace.PASSWORD));
        assertEquals(5, waiting.seconds(), "even the right password waits, whatever the case of the name");
        assertEquals(0, hasher.matches.get(), "a locked-out name is not checked at all");
        assertEquals("signin.error.throttled", waiting.fieldErrors().get("username"));

        clock.advance(Duration.ofSeconds(2));
        assertEquals(3, assertThrows(SignInThrottledException.class, () -> signIn("rina", "x")).seconds());
        clock.advance(Duration.ofSeconds(3));
        assertEquals(10, assertThrows(SignInThrottledException.class, () -> signIn("rina", "guess four")).seconds(),
                "the next failure doubles the wait");
        assertTrue(signIn("budi", DemoWorkspace.PASSWORD).isPresent(), "other names are not slowed down");

        clock.advance(Duration.ofSeconds(10));
        assertTrue(signIn("rina", DemoWorkspace.PASSWORD).isPresent());
        assertTrue(signIn("rina", "after success the count starts again").isEmpty());

        assertEquals(Duration.ofMinutes(5), SignInThrottle.lockAfter(12));
        assertEquals(Duration.ofMinutes(5), SignInThrottle.lockAfter(1000));
    }

    @Test
    void unknownNamesAreSlowedDownLikeRealOnesAndEveryFailureAndLockOutIsAudited() {
        assertTrue(signIn("nobody", "a").isEmpty());
        assertTrue(signIn("nobody", "b").isEmpty());
        assertEquals(5, assertThrows(SignInThrottledException.class, () -> signIn("nobody", "c")).seconds());
        assertThrows(SignInThrottledException.class, () -> signIn("nobody", "d"));
        assertTrue(signIn("rina", "wrong").isEmpty());

        TestWorkspace.signIn(ctx, "admin");
        List<AuditEvent> failed = ctx.auditService().list(AuditFilter.ALL.withType("user.sign-in-failed"), 100);
        List<AuditEvent> locked = ctx.auditService().list(AuditFilter.ALL.withType("user.sign-in-locked"), 100);
        assertEquals(4, failed.size());
        assertEquals(2, locked.size(), "the lock-out and the attempt refused during it");
        assertTrue(locked.stream().allMatch(e -> e.details().contains("retryAfterSeconds")
                && e.details().contains("unknownNameDigest") && !e.details().contains("nobody")), locked.toString());
        assertTrue(ctx.auditService().verify().ok());
    }

    @Test
    void theWaitIsToldInTheUsersLanguage() {
        assertEquals("Too many attempts, try again in 5 seconds.",
                I18n.of(Locale.ENGLISH).text(SignInThrottledException.KEY, 5L));
        assertEquals("Too many attempts, try again in 1 second.",
                I18n.of(Locale.ENGLISH).text(SignInThrottledException.KEY, 1L));
        assertEquals("Terlalu banyak percobaan, coba lagi dalam 300 detik.",
                I18n.of(Locale.forLanguageTag("id")).text(SignInThrottledException.KEY, 300L));
    }
}
