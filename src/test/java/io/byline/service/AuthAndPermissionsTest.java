package io.byline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.PasswordHash;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.testing.TestWorkspace;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthAndPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void defaultHashingIsPbkdf2With600000IterationsAndASaltPerUser() {
        PasswordHasher hasher = new PasswordHasher();
        assertEquals(600_000, hasher.iterations());
        PasswordHash a = hasher.hash("correct horse".toCharArray());
        PasswordHash b = hasher.hash("correct horse".toCharArray());
        assertNotEquals(a.salt(), b.salt());
        assertNotEquals(a.hash(), b.hash());
        assertEquals(600_000, a.iterations());
        assertTrue(hasher.matches("correct horse".toCharArray(), a));
        assertFalse(hasher.matches("correct horsE".toCharArray(), a));
    }

    @Test
    void aHashWithFewerIterationsStillVerifiesAndIsUpgradedAtSignIn() {
        PasswordHasher weak = new PasswordHasher(1_000);
        PasswordHash old = weak.hash("a long passphrase".toCharArray());
        PasswordHasher strong = new PasswordHasher(2_000);
        assertTrue(strong.matches("a long passphrase".toCharArray(), old));
        assertTrue(strong.needsRehash(old));
    }

    @Test
    void demoUsersSignInAndWrongPasswordsAreRefusedAndAudited() {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            assertTrue(ctx.authService().signIn("rina", "wrong password".toCharArray()).isEmpty());
            assertTrue(ctx.authService().signIn("nobody", "byline-demo".toCharArray()).isEmpty());
            User rina = TestWorkspace.signIn(ctx, "RINA ");
            assertEquals(EnumSet.of(Role.WRITER), EnumSet.copyOf(rina.roles()));
            TestWorkspace.signIn(ctx, "admin");
            var types = ctx.auditService().list(null, null, null, null, null, null, 100).stream().map(e -> e.type()).toList();
            assertTrue(types.contains("user.sign-in-failed"));
            assertTrue(types.contains("user.sign-in"));
            assertTrue(ctx.auditService().verify().ok());
        }
    }

    @Test
    void anEmptyWorkspaceAsksForItsFirstAdminOnce() {
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertTrue(ctx.authService().needsFirstAdmin());
            User admin = ctx.authService().createFirstAdmin("owner", "Owner", "long enough pw".toCharArray());
            assertTrue(admin.has(Role.ADMIN));
            assertFalse(ctx.authService().needsFirstAdmin());
            assertThrows(ValidationException.class,
                    () -> ctx.authService().createFirstAdmin("second", "Second", "long enough pw".toCharArray()));
        }
    }

    @Test
    void onlyAdminsManageUsersAndTheLastAdminCannotBeRemoved() {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "andi");
            assertThrows(PermissionDeniedException.class, () -> ctx.userService().create("eve", "Eve",
                    "long enough pw".toCharArray(), EnumSet.of(Role.ADMIN), null));
            User admin = TestWorkspace.signIn(ctx, "admin");
            User eve = ctx.userService().create("eve", "Eve Writer", "long enough pw".toCharArray(), EnumSet.of(Role.WRITER), null);
            ValidationException dup = assertThrows(ValidationException.class, () -> ctx.userService().create("EVE", "Eve",
                    "long enough pw".toCharArray(), EnumSet.of(Role.WRITER), null));
            assertEquals(List.of("username"), dup.fields());
            assertThrows(ValidationException.class, () -> ctx.userService().update(admin.id(), "Admin", EnumSet.of(Role.WRITER), null));
            assertThrows(ValidationException.class, () -> ctx.userService().setActive(admin.id(), false));
            ctx.userService().setActive(eve.id(), false);
            assertTrue(ctx.authService().signIn("eve", "long enough pw".toCharArray()).isEmpty());
        }
    }

    @Test
    void writersCannotEditExecutivesButApproversCanAndHandlesAreUnique() {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "rina");
            Executive sari = ctx.executiveService().list(false).get(0);
            assertThrows(PermissionDeniedException.class, () -> ctx.executiveService().save(sari.withRetired(true)));
            TestWorkspace.signIn(ctx, "andi");
            Executive newcomer = ctx.executiveService().save(new Executive(0, "Lina Hartati", "COO", "PT Nusa Demo", "", null,
                    "Asia/Makassar", false));
            ValidationException taken = assertThrows(ValidationException.class, () -> ctx.executiveService().saveAccount(
                    new Account(0, newcomer.id(), Platform.X, "@SariWijaya", Capacity.OFFICIAL, "", "", false)));
            assertEquals(List.of("handle"), taken.fields());
            Account ok = ctx.executiveService().saveAccount(
                    new Account(0, newcomer.id(), Platform.X, "@linahartati", Capacity.OFFICIAL, "", "", false));
            assertEquals("linahartati", ok.handle());
            ValidationException personal = assertThrows(ValidationException.class, () -> ctx.executiveService().saveAccount(
                    new Account(0, newcomer.id(), Platform.THREADS, "lina", Capacity.PERSONAL, "", "", false)));
            assertEquals(List.of("disclaimer"), personal.fields());
            ValidationException zone = assertThrows(ValidationException.class, () -> ctx.executiveService().save(
                    new Executive(0, "X", "", "", "", null, "Mars/Olympus", false)));
            assertEquals(List.of("timeZone"), zone.fields());
        }
    }

    @Test
    void theDemoUsersPrecomputedHashesAreTheDemoPasswordAtFullStrength() {
        PasswordHasher full = new PasswordHasher();
        var hashes = DemoWorkspace.hashes(full);
        assertEquals(DemoWorkspace.USERS.keySet(), hashes.keySet());
        assertEquals(hashes.size(), hashes.values().stream().map(PasswordHash::salt).distinct().count(), "a salt per user");
        for (PasswordHash h : hashes.values()) {
            assertEquals(PasswordHasher.DEFAULT_ITERATIONS, h.iterations());
            assertTrue(full.matches(DemoWorkspace.PASSWORD.toCharArray(), h));
        }
    }
}
