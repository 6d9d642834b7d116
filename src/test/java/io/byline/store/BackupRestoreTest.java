package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.cli.Cli;
import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.StorageException;
import io.byline.service.PasswordHasher;
import io.byline.testing.TestWorkspace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups, daily backups and restore; RELIABILITY B1–B4 for the backup file that restore reads. */
class BackupRestoreTest {
    @TempDir
    Path dir;

    private static final PasswordHasher FAST = new PasswordHasher(TestWorkspace.FAST_ITERATIONS);

    private Path db() {
        return TestWorkspace.location(dir).database();
    }

    private void put(AppContext ctx, String key, String value) {
        ctx.database().inWrite(tx -> {
            new SettingsRepository().put(tx, key, value);
            return null;
        });
    }

    private String get(AppContext ctx, String key) {
        return ctx.database().inRead(tx -> new SettingsRepository().get(tx, key)).orElse(null);
    }

    private Path backupWith(String value) {
        Path backup = dir.resolve("saved").resolve("backup-" + value + ".db");
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            put(ctx, "state", value);
            ctx.backupService().backup(backup);
        }
        return backup;
    }

    @Test
    void aBackupRefusesToOverwriteTheLiveDatabaseOrItsFiles() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            for (Path target : List.of(db(), Path.of(db() + "-wal"), Path.of(db() + "-shm"), Path.of(db() + ".lock"),
                    db().getParent().resolve(".").resolve("byline.db"))) {
                StorageException e = assertThrows(StorageException.class, () -> ctx.backupService().backup(target), target.toString());
                assertTrue(e.getMessage().contains("it is the open database"), e.getMessage());
            }
            Path link = dir.resolve("link.db");
            Files.createSymbolicLink(link, db());
            assertThrows(StorageException.class, () -> ctx.backupService().backup(link));
            assertThrows(StorageException.class, () -> ctx.auditService().export(db(), io.byline.domain.ExportFormat.JSONL, AuditFilter.ALL));
            assertEquals("ok", ctx.database().integrityCheck());
        }
    }

    @Test
    void aBackupIsRecordedOnlyOnceWritten() {
        Path backup = backupWith("one");
        assertTrue(Files.exists(backup));
        assertFalse(Files.exists(Path.of(backup + ".tmp")));
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            List<AuditEvent> e = ctx.auditService().list(AuditFilter.ALL.withType("database.backup"), 10);
            assertEquals(1, e.size());
            assertTrue(e.get(0).details().contains("backup-one.db"), e.get(0).details());
        }
    }

    @Test
    void dailyBackupsAreWrittenOncePerDayAndPrunedAfterTheDaysToKeep() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "admin");
            ctx.backupService().setKeepDays(3);
            Instant day1 = Instant.parse("2026-03-01T09:00:00Z");
            Path first = ctx.backupService().dailyIfDue(day1, ZoneOffset.UTC).orElseThrow();
            String ws = ctx.workspaceService().id();
            assertEquals("byline-" + ws + "-daily-2026-03-01.db", first.getFileName().toString());
            assertEquals(TestWorkspace.location(dir).backups(), first.getParent());
            assertTrue(ctx.backupService().dailyIfDue(day1.plus(5, ChronoUnit.HOURS), ZoneOffset.UTC).isEmpty(), "once a day");
            Files.writeString(first.resolveSibling("byline-daily-2026-03-02.db.tmp"), "left by a killed backup (old name)");
            Files.writeString(first.resolveSibling(".byline-" + ws + "-daily-2026-03-02.db.123.tmp"), "left by a killed backup");
            for (int d = 1; d <= 5; d++) ctx.backupService().dailyIfDue(day1.plus(d, ChronoUnit.DAYS), ZoneOffset.UTC);
            List<String> names = ctx.backupService().dailyBackups().stream().map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("byline-" + ws + "-daily-2026-03-04.db", "byline-" + ws + "-daily-2026-03-05.db",
                    "byline-" + ws + "-daily-2026-03-06.db"), names);
            try (var files = Files.list(first.getParent())) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "stale temporary files removed");
            }
            for (String n : names) {
                assertTrue(DatabaseInfo.inspect(first.resolveSibling(n)).problemWith(Migration.bundled().size()).isEmpty());
            }
            ctx.backupService().setKeepDays(0);
            assertTrue(ctx.backupService().dailyIfDue(day1.plus(10, ChronoUnit.DAYS), ZoneOffset.UTC).isEmpty(), "0 turns them off");
            assertTrue(ctx.runStartupTasks(Instant.now()).isEmpty());
        }
    }

    @Test
    void restoreReplacesTheDatabaseMovesTheOldOneAsideAndRecordsIt() throws Exception {
        Path backup = backupWith("old");
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            put(ctx, "state", "new");
        }
        Run r = cli("restore", backup.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kept as"), r.out());
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals("old", get(ctx, "state"));
            List<AuditEvent> restores = ctx.auditService().list(AuditFilter.ALL.withType("database.restore"), 10);
            assertEquals(1, restores.size());
            assertTrue(restores.get(0).details().contains("\"auditVerified\":true"), restores.get(0).details());
            assertTrue(ctx.auditService().verify().ok());
        }
        Path aside;
        try (var files = Files.list(db().getParent())) {
            aside = files.filter(p -> p.getFileName().toString().matches("byline\\.db\\.replaced-[0-9-]+")).findFirst().orElseThrow();
        }
        try (Database old = Database.open(aside, dir.resolve("x"))) {
            assertEquals("new", old.inRead(tx -> new SettingsRepository().get(tx, "state")).orElseThrow());
        }
        try (var files = Files.list(db().getParent())) {
            assertTrue(files.noneMatch(p -> p.toString().contains("restore.tmp")), "no staging files left");
        }
    }

    @Test
    void restoreIsRefusedWhileAnotherBylineHasTheDatabaseOpen() throws Exception {
        Path backup = backupWith("old");
        try (AppContext running = TestWorkspace.empty(dir)) {
            put(running, "state", "in use");
            Run r = cli("restore", backup.toString());
            assertEquals(3, r.code(), "the one exit status for a database in use");
            assertTrue(r.err().contains("Another Byline already has the database " + db()), r.err());
            assertEquals("in use", get(running, "state"));
        }
    }

    @Test
    void restoreIsRefusedWhenThisHomeLacksTheBackupsAuditKey() throws Exception {
        Path backup = backupWith("theirs");
        Path otherDir = dir.resolve("other");
        try (AppContext mine = TestWorkspace.demo(otherDir)) {
            put(mine, "state", "mine");
        }
        byte[] before = Files.readAllBytes(TestWorkspace.location(otherDir).database());
        StorageException e = assertThrows(StorageException.class,
                () -> AppContext.restore(TestWorkspace.location(otherDir), backup, FAST));
        assertTrue(e.getMessage().contains("audit key"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(TestWorkspace.location(otherDir).database()));
        try (AppContext mine = TestWorkspace.empty(otherDir)) {
            assertEquals("mine", get(mine, "state"));
        }
    }

    /** B1–B4 for restore: whatever the backup file holds, a clear refusal and the current database untouched. */
    @Test
    void badBackupFilesAreRefusedClearlyAndChangeNothing() throws Exception {
        Path good = backupWith("good");
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            put(ctx, "state", "current");
        }
        byte[] current = Files.readAllBytes(db());
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        byte[] random = new byte[20_000];
        new Random(1).nextBytes(random);
        Files.write(bad.resolve("random.db"), random);
        Files.write(bad.resolve("empty.db"), new byte[0]);
        Files.writeString(bad.resolve("json.db"), "{\"posts\": [1, 2, ");
        byte[] goodBytes = Files.readAllBytes(good);
        Files.write(bad.resolve("truncated.db"), java.util.Arrays.copyOf(goodBytes, goodBytes.length / 2));
        Files.createDirectories(bad.resolve("folder.db"));
        Path newer = bad.resolve("newer.db");
        Files.copy(good, newer);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer); var st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = 999");
        }
        Path big = bad.resolve("huge.db");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024);
        }
        for (String name : List.of("random.db", "empty.db", "json.db", "truncated.db", "folder.db", "newer.db", "huge.db", "missing.db")) {
            Run r = cli("restore", bad.resolve(name).toString());
            assertEquals(2, r.code(), name + ": " + r.out() + r.err());
            assertTrue(r.err().contains("cannot be restored") && r.err().contains("The current database was not changed"),
                    name + ": " + r.err());
            assertFalse(r.err().contains("Exception"), name + ": " + r.err());
            assertArrayEquals(current, Files.readAllBytes(db()), name);
        }
        Run self = cli("restore", db().toString());
        assertEquals(2, self.code());
        assertTrue(self.err().contains("is the database itself"), self.err());
    }

    /** B4: seeded random damage to a good backup: restore either succeeds whole or refuses with a StorageException. */
    @Test
    void randomlyDamagedBackupsOnlyEverFailAsStorageExceptions() throws Exception {
        Path good = backupWith("good");
        byte[] goodBytes = Files.readAllBytes(good);
        Random random = new Random(20261128);
        int restored = 0;
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            byte[] b = goodBytes.clone();
            int flips = 1 + random.nextInt(40);
            for (int f = 0; f < flips; f++) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            Path damaged = dir.resolve("damaged-" + i + ".db");
            Files.write(damaged, b);
            try {
                AppContext.Restored r = AppContext.restore(TestWorkspace.location(dir), damaged, FAST);
                try (AppContext ctx = r.context()) {
                    assertEquals("ok", ctx.database().integrityCheck());
                }
                restored++;
            } catch (StorageException expected) {
                refused++;
            }
        }
        assertEquals(12, restored + refused);
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals("ok", ctx.database().integrityCheck());
        }
    }

    private record Run(int code, String out, String err) {}

    private Run cli(String... args) {
        System.setProperty("byline.home", TestWorkspace.location(dir).home().toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--db", db().toString()))
                    .toArray(String[]::new);
            int code = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("byline.home");
        }
    }
}
