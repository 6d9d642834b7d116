package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.cli.Cli;
import io.byline.domain.StorageException;
import io.byline.store.AuditLog.Problem;
import io.byline.testing.TestWorkspace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY S3: the audit log edited, deleted, reordered or truncated, as an attacker with the database file (but
 * not the key) would: directly through SQLite, after dropping the triggers that forbid it.
 */
class AuditTamperTest {
    @TempDir
    Path dir;
    long entries;

    @BeforeEach
    void demoWorkspace() {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "rina");
            ctx.authService().signIn("rina", "wrong password".toCharArray());
            TestWorkspace.signIn(ctx, "admin");
            for (int i = 0; i < 8; i++) {
                int n = i;
                ctx.database().inWrite(tx -> ctx.auditService().record(tx, "test.event", "post", n, java.util.Map.of("n", n)));
            }
            entries = ctx.auditService().verify().entries();
        }
        assertTrue(entries >= 8, "the demo writes enough entries to tamper with: " + entries);
        System.setProperty("byline.home", TestWorkspace.location(dir).home().toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("byline.home");
    }

    private Path db() {
        return TestWorkspace.location(dir).database();
    }

    private void tamper(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_event_no_update");
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_event_no_delete");
            for (String s : sql) st.executeUpdate(s);
        }
    }

    private AuditLog.Verification verify() {
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            return ctx.auditService().verify();
        }
    }

    private record Run(int code, String out, String err) {}

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db().toString());
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertBad(AuditLog.Verification v, long firstBad, Problem kind) {
        assertFalse(v.ok(), "the log must not verify");
        assertEquals(firstBad, v.firstBad(), v.problem());
        assertEquals(kind, v.kind(), v.problem());
    }

    @Test
    void anIntactLogVerifiesWithExitZero() {
        assertTrue(verify().ok());
        Run r = cli("verify-audit");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("verifies"), r.out());
    }

    @Test
    void aModifiedEntryIsNamed() throws Exception {
        tamper("UPDATE audit_event SET details = '{\"username\":\"someone-else\"}' WHERE seq = 4");
        assertBad(verify(), 4, Problem.MODIFIED);
        Run r = cli("verify-audit");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("entry 4 was modified"), r.out());
        assertTrue(r.out().contains("First bad entry: 4"), r.out());
    }

    @Test
    void aModifiedMacOrUnreadableTimestampIsNamedWithoutCrashing() throws Exception {
        tamper("UPDATE audit_event SET mac = substr(mac, 2) || '0' WHERE seq = 3",
                "UPDATE audit_event SET at = 'yesterday' WHERE seq = 5");
        assertBad(verify(), 3, Problem.MODIFIED);
    }

    /** A sequence number changed to a huge value: named as that entry modified, not as trillions of deletions. */
    @Test
    void aSequenceNumberChangedToAHugeValueIsAModifiedEntry() throws Exception {
        tamper("UPDATE audit_event SET seq = 4000000000000 WHERE seq = " + entries);
        assertBad(verify(), entries, Problem.MODIFIED);
        Run r = cli("verify-audit");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("First bad entry: " + entries), r.out());
    }

    /**
     * A modified entry with a huge sequence number elsewhere in the table: the check takes time in proportion to the
     * entries (it used to try every number up to the largest, for months). The timeout only stops a hang.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aHugeSequenceNumberDoesNotMakeTheCheckSpin() throws Exception {
        tamper("UPDATE audit_event SET details = '{\"n\":99}' WHERE seq = 4",
                "UPDATE audit_event SET seq = 4000000000000 WHERE seq = " + entries);
        assertBad(verify(), 4, Problem.MODIFIED);
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals(4, ctx.auditService().check((done, total) -> { }).firstBad());
        }
    }

    /** A damaged row (a time that is not a time, an actor id that is not a number) is listed and exported, marked. */
    @Test
    void aDamagedRowIsListedAndExportedMarkedNotAStackTrace() throws Exception {
        tamper("UPDATE audit_event SET at = 'yesterday-ish', actor_id = 'x' WHERE seq = 3");
        Path jsonl = dir.resolve("log.jsonl");
        Run r = cli("export-audit", jsonl.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        String third = Files.readAllLines(jsonl).get(2);
        assertTrue(third.contains("\"damaged\":\"the time is not a time\""), third);
        Path csv = dir.resolve("log.csv");
        assertEquals(0, cli("export-audit", csv.toString()).code());
        assertTrue(Files.readString(csv).contains(",damaged: the time is not a time\r\n"), Files.readString(csv));
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            TestWorkspace.signIn(ctx, "admin");
            var damaged = ctx.auditService().list(io.byline.domain.AuditFilter.ALL, 1000).stream()
                    .filter(io.byline.domain.AuditEvent::damaged).toList();
            assertEquals(1, damaged.size());
            assertEquals(3, damaged.get(0).seq());
            assertEquals(null, damaged.get(0).at());
        }
    }

    @Test
    void aDeletedEntryIsNamed() throws Exception {
        tamper("DELETE FROM audit_event WHERE seq = 3");
        assertBad(verify(), 3, Problem.DELETED);
        Run r = cli("verify-audit");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("entry 3 is missing"), r.out());
    }

    @Test
    void aDeletedEntryWithTheLaterOnesRenumberedIsNamed() throws Exception {
        List<String> sql = new ArrayList<>(List.of("DELETE FROM audit_event WHERE seq = 3"));
        for (long s = 4; s <= entries; s++) sql.add("UPDATE audit_event SET seq = " + (s - 1) + " WHERE seq = " + s);
        tamper(sql.toArray(String[]::new));
        AuditLog.Verification v = verify();
        assertBad(v, 3, Problem.DELETED);
        assertTrue(v.problem().contains("renumbered"), v.problem());
    }

    @Test
    void anInsertedEntryIsNamed() throws Exception {
        List<String> sql = new ArrayList<>();
        for (long s = entries; s >= 3; s--) sql.add("UPDATE audit_event SET seq = " + (s + 1) + " WHERE seq = " + s);
        sql.add("INSERT INTO audit_event (seq, at, actor_id, actor_name, type, entity_type, entity_id, details, prev_mac, mac)"
                + " SELECT 3, at, actor_id, actor_name, 'post.approve', 'post', '1', '{}', mac, '" + "ab".repeat(32) + "'"
                + " FROM audit_event WHERE seq = 2");
        tamper(sql.toArray(String[]::new));
        assertBad(verify(), 3, Problem.INSERTED);
        Run r = cli("verify-audit");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("entry 3 was inserted"), r.out());
    }

    @Test
    void anEntryAppendedAtTheEndWithoutTheKeyIsNamed() throws Exception {
        tamper("INSERT INTO audit_event (seq, at, actor_id, actor_name, type, details, prev_mac, mac)"
                + " SELECT seq + 1, at, actor_id, actor_name, 'post.publish', '{}', mac, '" + "cd".repeat(32) + "'"
                + " FROM audit_event WHERE seq = " + entries);
        assertBad(verify(), entries + 1, Problem.MODIFIED);
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        tamper("UPDATE audit_event SET seq = -1 WHERE seq = 3", "UPDATE audit_event SET seq = 3 WHERE seq = 4",
                "UPDATE audit_event SET seq = 4 WHERE seq = -1");
        assertBad(verify(), 3, Problem.REORDERED);
        Run r = cli("verify-audit");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("reordered"), r.out());
    }

    @Test
    void truncationIsInvisibleWithoutACheckpointAndFoundWithOne() throws Exception {
        Path checkpoint = dir.resolve("elsewhere").resolve("audit.checkpoint");
        Files.createDirectories(checkpoint.getParent());
        Run written = cli("verify-audit", "--write-checkpoint", checkpoint.toString());
        assertEquals(0, written.code(), written.err());
        assertTrue(Files.readString(checkpoint).contains("seq=" + entries));
        assertEquals(0, cli("verify-audit", "--checkpoint", checkpoint.toString()).code());

        tamper("DELETE FROM audit_event WHERE seq >= " + (entries - 1));
        // What a chain alone cannot see: the shorter log is itself a valid chain.
        assertTrue(verify().ok());
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertBad(ctx.auditService().verify(entries, Files.readString(checkpoint).lines()
                    .filter(l -> l.startsWith("mac=")).findFirst().orElseThrow().substring(4)), entries - 1, Problem.TRUNCATED);
        }
        Run r = cli("verify-audit", "--checkpoint", checkpoint.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("deleted from the end"), r.out());
    }

    @Test
    void aDamagedOrForeignCheckpointIsACleanRefusal() throws Exception {
        Path checkpoint = dir.resolve("cp");
        Files.writeString(checkpoint, "seq=banana\nmac=zz\n");
        Run r = cli("verify-audit", "--checkpoint", checkpoint.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot read the checkpoint"), r.err());
        Files.writeString(checkpoint, "workspace=another\nseq=1\nmac=" + "0".repeat(64) + "\n");
        r = cli("verify-audit", "--checkpoint", checkpoint.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("belongs to workspace another"), r.err());
    }

    @Test
    void aMissingAuditKeyIsNamedAndNoNewKeyIsMade() throws Exception {
        Path keys = TestWorkspace.location(dir).keys();
        Path key;
        try (var files = Files.list(keys)) {
            key = files.filter(p -> p.toString().endsWith(".key")).findFirst().orElseThrow();
        }
        Files.delete(key);
        StorageException e = assertThrows(StorageException.class, () -> TestWorkspace.empty(dir));
        assertTrue(e.getMessage().contains("audit key of this workspace is missing"), e.getMessage());
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
        assertFalse(Files.exists(key), "no new key was made, which would break the chain for good");
        Run r = cli("verify-audit");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("audit key"), r.err());
        assertFalse(r.out().contains("modified"), r.out());
    }

    @Test
    void aWrongAuditKeyIsNamedNotReportedAsTampering() throws Exception {
        Path key;
        try (var files = Files.list(TestWorkspace.location(dir).keys())) {
            key = files.filter(p -> p.toString().endsWith(".key")).findFirst().orElseThrow();
        }
        Files.writeString(key, "11".repeat(32));
        StorageException e = assertThrows(StorageException.class, () -> TestWorkspace.empty(dir));
        assertTrue(e.getMessage().contains("is not the key this workspace's audit log was written with"), e.getMessage());
        Run r = cli("verify-audit");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not the key"), r.err());
    }

    @Test
    void theTriggersStillForbidEditsThroughTheApp() {
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            StorageException e = assertThrows(StorageException.class, () -> ctx.database().write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM audit_event WHERE seq = 1");
                }
            }));
            assertTrue(e.getMessage().contains("cannot be deleted"), e.getMessage());
        }
    }
}
