package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.AuditFilter;
import io.byline.testing.ChildJvm;
import io.byline.testing.CrashWorker;
import io.byline.testing.TestWorkspace;

import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY F1, F2, F3: a process killed with kill -9 while it writes, backs up or exports. */
@Tag("fault")
class CrashFaultTest {
    @TempDir
    Path dir;

    private AppContext reopen() {
        return TestWorkspace.empty(dir);
    }

    private String home() {
        return TestWorkspace.location(dir).home().toString();
    }

    private String db() {
        return TestWorkspace.location(dir).database().toString();
    }

    /** F1: killed in the middle of a large transaction, after an earlier one committed. */
    @Test
    void killedDuringALargeWriteReopensAtTheLastCommit() throws Exception {
        TestWorkspace.demo(dir).close();
        long before;
        try (AppContext ctx = reopen()) {
            before = ctx.auditService().count(AuditFilter.ALL);
        }
        try (ChildJvm child = ChildJvm.start(CrashWorker.class, "big-transaction", home(), db())) {
            child.awaitLine("COMMITTED", 30);
            child.awaitLine("IN-TRANSACTION", 60);
            assertTrue(Files.size(Path.of(db() + "-wal")) > 2_000_000, "the open transaction spilled into the WAL");
            child.kill();
        }
        try (AppContext ctx = reopen()) {
            SettingsRepository settings = new SettingsRepository();
            assertEquals("yes", ctx.database().inRead(tx -> settings.get(tx, "committed")).orElseThrow());
            assertTrue(ctx.database().inRead(tx -> settings.get(tx, "big0")).isEmpty(), "nothing of the open transaction");
            assertEquals("ok", ctx.database().integrityCheck());
            assertTrue(ctx.auditService().verify().ok(), ctx.auditService().verify().problem());
            assertEquals(before + 1, ctx.auditService().count(AuditFilter.ALL));
            assertEquals(0, ctx.auditService().count(AuditFilter.ALL.withType("test.big")));
        }
    }

    /** F2: killed at seeded random points in a stream of small writes; the invariants hold every time. */
    @Test
    void killedAtRandomPointsInAStreamOfWritesKeepsTheInvariants() throws Exception {
        TestWorkspace.empty(dir).close();
        Random random = new Random(20261128L);
        long ticksSoFar = 0;
        for (int round = 0; round < 10; round++) {
            try (ChildJvm child = ChildJvm.start(CrashWorker.class, "stream", home(), db(), Long.toString(random.nextLong()))) {
                child.awaitLine("STARTED", 30);
                Thread.sleep(random.nextInt(250));
                child.kill();
            }
            try (AppContext ctx = reopen()) {
                assertEquals("ok", ctx.database().integrityCheck(), "round " + round);
                var v = ctx.auditService().verify();
                assertTrue(v.ok(), "round " + round + ": " + v.problem());
                // Every committed write has its audit entry and no entry exists without its write.
                long ticks = ctx.auditService().count(AuditFilter.ALL.withType("test.tick"));
                long tick = Long.parseLong(ctx.database().inRead(tx -> new SettingsRepository().get(tx, "tick")).orElse("0"));
                assertTrue(ticks > ticksSoFar, "round " + round + " wrote something");
                assertEquals(ticks - ticksSoFar, tick, "round " + round + ": writes and audit entries agree");
                ticksSoFar = ticks;
            }
        }
    }

    /** F3: killed while writing backups over and over: the backup file is always a whole, valid database or absent. */
    @Test
    void killedDuringBackupNeverLeavesATruncatedBackupUnderTheRealName() throws Exception {
        seedLargeLog();
        Path backup = dir.resolve("out").resolve("copy.db");
        Random random = new Random(7);
        for (int round = 0; round < 3; round++) {
            try (ChildJvm child = ChildJvm.start(CrashWorker.class, "backup-loop", home(), db(), backup.toString())) {
                child.awaitLine("STARTED", 30);
                Thread.sleep(150 + random.nextInt(300));
                child.kill();
            }
            if (Files.exists(backup)) {
                DatabaseInfo info = DatabaseInfo.inspect(backup);
                assertTrue(info.problemWith(Migration.bundled().size()).isEmpty(), "round " + round + ": " + info);
                assertEquals(Database.APPLICATION_ID, info.applicationId());
            }
        }
        // A temporary file left by the kill is never taken for a backup: restore refuses it, the next backup replaces it.
        try (AppContext ctx = reopen()) {
            ctx.backupService().backup(backup);
            assertFalse(Files.exists(Path.of(backup + ".tmp")));
            assertTrue(DatabaseInfo.inspect(backup).problemWith(Migration.bundled().size()).isEmpty());
        }
    }

    /** F3: killed while exporting the audit log: the export under its real name is always complete. */
    @Test
    void killedDuringExportNeverLeavesATruncatedExportUnderTheRealName() throws Exception {
        seedLargeLog();
        Path export = dir.resolve("out").resolve("audit.jsonl");
        Random random = new Random(11);
        for (int round = 0; round < 3; round++) {
            try (ChildJvm child = ChildJvm.start(CrashWorker.class, "export-loop", home(), db(), export.toString())) {
                child.awaitLine("STARTED", 30);
                Thread.sleep(200 + random.nextInt(400));
                child.kill();
            }
            if (Files.exists(export)) {
                String text = Files.readString(export, StandardCharsets.UTF_8);
                assertTrue(text.endsWith("\n"), "round " + round + ": the export ends with a whole line");
                List<String> lines = text.lines().toList();
                assertTrue(lines.size() >= 2000, "round " + round + ": " + lines.size() + " lines");
                long seq = 0;
                for (String line : lines) {
                    long s = JsonParser.parseString(line).getAsJsonObject().get("seq").getAsLong();
                    assertEquals(seq + 1, s, "round " + round + ": entries without gaps");
                    seq = s;
                }
            }
        }
    }

    private void seedLargeLog() {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            ctx.database().inWrite(tx -> {
                for (int i = 0; i < 2000; i++) {
                    ctx.auditService().record(tx, "test.seed", "test", i, Map.of("text", "entry " + i + " " + "z".repeat(200)));
                }
                return null;
            });
        }
    }
}
