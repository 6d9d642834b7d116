package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.cli.Cli;
import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.StorageException;
import io.byline.domain.User;
import io.byline.service.PasswordHasher;
import io.byline.testing.ChildJvm;
import io.byline.testing.TestWorkspace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore never loses the workspace nor trusts a log that does not verify; daily backups are per workspace. */
class RestoreAndBackupHardeningTest {
    private static final PasswordHasher FAST = new PasswordHasher(TestWorkspace.FAST_ITERATIONS);

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void home() {
        System.setProperty("byline.home", TestWorkspace.location(dir).home().toString());
    }

    @AfterEach
    void noHook() {
        DatabaseRestore.betweenMoves = () -> { };
        System.clearProperty("byline.home");
    }

    private Path db() {
        return TestWorkspace.location(dir).database();
    }

    private static void put(AppContext ctx, String value) {
        ctx.database().inWrite(tx -> {
            new SettingsRepository().put(tx, "state", value);
            return null;
        });
    }

    private static String state(AppContext ctx) {
        return ctx.database().inRead(tx -> new SettingsRepository().get(tx, "state")).orElse(null);
    }

    private Path backupWith(String value) {
        Path backup = dir.resolve("saved").resolve("backup-" + value + ".db");
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            put(ctx, value);
            ctx.backupService().backup(backup);
        }
        return backup;
    }

    private record Run(int code, String out, String err) {}

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--db", db().toString())).toArray(String[]::new);
        int code = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A backup whose audit log was edited (the triggers dropped first, as an attacker would). */
    private Path tamperedBackup() throws Exception {
        Path backup = backupWith("tampered");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_event_no_update");
            assertEquals(1, st.executeUpdate("UPDATE audit_event SET details = '{\"forged\":true}' WHERE seq = 1"));
        }
        return backup;
    }

    @Test
    void aBackupWhoseAuditLogDoesNotVerifyIsRestoredOnlyWhenAccepted() throws Exception {
        Path backup = tamperedBackup();
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            put(ctx, "current");
        }
        byte[] current = Files.readAllBytes(db());
        Run refused = cli("restore", backup.toString());
        assertEquals(1, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("does not verify") && refused.err().contains("--accept-unverified"), refused.err());
        assertArrayEquals(current, Files.readAllBytes(db()), "nothing was changed");
        assertThrows(AppContext.UnverifiedBackup.class, () -> AppContext.restore(TestWorkspace.location(dir), backup, FAST));

        Run accepted = cli("restore", backup.toString(), "--accept-unverified");
        assertEquals(0, accepted.code(), accepted.out() + accepted.err());
        assertTrue(accepted.out().contains("WARNING: its audit log does not verify"), accepted.out());
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals("tampered", state(ctx));
        }
        try (Stream<Path> files = Files.list(db().getParent())) {
            Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertTrue(names.stream().anyMatch(n -> n.matches("byline\\.db\\.replaced-[0-9-]+")), names.toString());
        }
    }

    @Test
    void aRestoreFromTheAppIsRecordedAsTheSignedInUser() throws Exception {
        Path backup = backupWith("saved");
        User admin;
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            admin = TestWorkspace.signIn(ctx, "admin");
        }
        AppContext.Restored r = AppContext.restore(TestWorkspace.location(dir), backup, FAST, false, admin);
        try (AppContext ctx = r.context()) {
            TestWorkspace.signIn(ctx, "andi");
            List<AuditEvent> restores = ctx.auditService().list(AuditFilter.ALL.withType("database.restore"), 10);
            assertEquals(1, restores.size());
            assertEquals(admin.displayName(), restores.get(0).actorName());
            assertEquals(admin.id(), restores.get(0).actorId());
            assertTrue(ctx.auditService().verify().ok());
        }
    }

    @Test
    void aFailureBetweenTheTwoMovesPutsTheReplacedDatabaseBack() throws Exception {
        Path backup = backupWith("backup");
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            put(ctx, "current");
        }
        DatabaseRestore.betweenMoves = () -> {
            throw new IllegalStateException("injected: the disk went away");
        };
        assertThrows(IllegalStateException.class, () -> AppContext.restore(TestWorkspace.location(dir), backup, FAST));
        DatabaseRestore.betweenMoves = () -> { };
        assertFalse(Files.exists(RestoreJournal.file(db())));
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals("current", state(ctx));
            assertTrue(ctx.auditService().verify().ok());
        }
    }

    @Test
    @Tag("fault")
    void aRestoreKilledBetweenTheTwoMovesIsUndoneAtTheNextStart() throws Exception {
        Path backup = backupWith("backup");
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            put(ctx, "current");
        }
        try (ChildJvm child = ChildJvm.start(RestoreCrashChild.class, dir.toString(), backup.toString())) {
            child.awaitLine("MOVED ASIDE", 60);
            child.waitFor(30);
        }
        assertFalse(Files.exists(db()), "the child died with the database moved aside");
        assertTrue(Files.exists(RestoreJournal.file(db())));
        try (AppContext ctx = AppContext.open(TestWorkspace.location(dir), true, FAST)) {
            assertFalse(ctx.database().wasCreated(), "not a new, empty workspace");
            assertEquals("current", state(ctx));
            assertTrue(ctx.auditService().verify().ok());
        }
        assertFalse(Files.exists(RestoreJournal.file(db())));
        try (Stream<Path> files = Files.list(db().getParent())) {
            assertTrue(files.noneMatch(p -> p.toString().contains("restore.tmp") || p.toString().contains(".replaced-")),
                    "the staged copy is gone and the replaced file is back under its name");
        }
    }

    @Test
    void aRestoreNoteNamingAnotherFileIsNotFollowed() throws Exception {
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            put(ctx, "current");
        }
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        Files.writeString(RestoreJournal.file(db()), "../victim.txt");
        StorageException e = assertThrows(StorageException.class, () -> TestWorkspace.empty(dir));
        assertTrue(e.getMessage().contains("does not name a file Byline moved aside"), e.getMessage());
        assertEquals("keep me", Files.readString(victim));
    }

    @Test
    void twoWorkspacesInOneHomeEachGetTheirOwnDailyBackup() throws Exception {
        Path home = TestWorkspace.location(dir).home();
        DatabaseLocation one = new DatabaseLocation(home, dir.resolve("one/byline.db"), false);
        DatabaseLocation two = new DatabaseLocation(home, dir.resolve("two/byline.db"), false);
        Instant day = Instant.parse("2026-03-01T09:00:00Z");
        Path a;
        Path b;
        try (AppContext c1 = AppContext.open(one, false, FAST)) {
            a = c1.backupService().dailyIfDue(day, ZoneOffset.UTC).orElseThrow();
            assertTrue(a.getFileName().toString().contains(c1.workspaceService().id()), a.toString());
        }
        Path old = home.resolve("backups/byline-daily-2026-02-27.db");
        Files.copy(a, old);
        try (AppContext c2 = AppContext.open(two, false, FAST)) {
            b = c2.backupService().dailyIfDue(day, ZoneOffset.UTC).orElseThrow(
                    () -> new AssertionError("the other workspace's backup of today must not count for this one"));
            assertTrue(b.getFileName().toString().contains(c2.workspaceService().id()), b.toString());
            assertEquals(Set.of(b, old), Set.copyOf(c2.backupService().dailyBackups()), "its own, and old-style names");
        }
        assertNotEquals(a, b);
        assertTrue(Files.exists(a) && Files.exists(b) && Files.exists(old));
    }
}
