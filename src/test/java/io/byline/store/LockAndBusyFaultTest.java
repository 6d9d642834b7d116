package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.AuditFilter;
import io.byline.domain.StorageException;
import io.byline.testing.ChildJvm;
import io.byline.testing.CrashWorker;
import io.byline.testing.TestWorkspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY F5 (a second Byline on the same database) and F6 (another writer on it). */
class LockAndBusyFaultTest {
    @TempDir
    Path dir;

    private Path db() {
        return TestWorkspace.location(dir).database();
    }

    /** F5: a second process is refused naming the file; the lock is freed when the first dies by kill -9. */
    @Test
    @Tag("fault")
    void aSecondInstanceIsRefusedAndTheLockIsFreedWhenTheFirstIsKilled() throws Exception {
        TestWorkspace.empty(dir).close();
        try (ChildJvm first = ChildJvm.start(CrashWorker.class, "hold-lock", TestWorkspace.location(dir).home().toString(), db().toString())) {
            first.awaitLine("LOCKED", 30);
            StorageException e = assertThrows(StorageException.class, () -> TestWorkspace.empty(dir));
            assertEquals(StorageException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains(db().toString()), e.getMessage());
            first.kill();
        }
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals("ok", ctx.database().integrityCheck());
        }
    }

    @Test
    void closingReleasesTheLock() {
        for (int i = 0; i < 3; i++) TestWorkspace.empty(dir).close();
        Database d = Database.open(db(), dir.resolve("b"));
        d.close();
        d.close();
        Database.open(db(), dir.resolve("b")).close();
    }

    /** F6: another writer holds the write lock: our write waits, then succeeds once it is released. */
    @Test
    void writesSerialiseWithAnotherWriter() throws Exception {
        try (AppContext ctx = TestWorkspace.empty(dir); Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = other.createStatement()) {
            st.executeUpdate("PRAGMA busy_timeout = 5000");
            st.executeUpdate("BEGIN IMMEDIATE");
            st.executeUpdate("INSERT INTO workspace_setting (key, value) VALUES ('import', 'running')");
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    st.executeUpdate("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            releaser.start();
            ctx.database().inWrite(tx -> {
                new SettingsRepository().put(tx, "mine", "saved");
                return ctx.auditService().record(tx, "test.write", "test", 1, Map.of());
            });
            releaser.join();
            assertTrue(System.nanoTime() - start >= 250_000_000L, "the write waited for the other writer");
            SettingsRepository s = new SettingsRepository();
            assertEquals("running", ctx.database().inRead(tx -> s.get(tx, "import")).orElseThrow());
            assertEquals("saved", ctx.database().inRead(tx -> s.get(tx, "mine")).orElseThrow());
            assertTrue(ctx.auditService().verify().ok());
        }
    }

    /** F6: a writer that keeps the lock past the busy timeout: a clear message to retry, nothing saved, retry works. */
    @Test
    void aWriterHoldingTheLockTooLongGivesAClearRetryMessage() throws Exception {
        try (AppContext ctx = TestWorkspace.empty(dir); Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = other.createStatement()) {
            ctx.database().busyTimeout(300);
            st.executeUpdate("BEGIN IMMEDIATE");
            long before = ctx.auditService().count(AuditFilter.ALL);
            long start = System.nanoTime();
            StorageException e = assertThrows(StorageException.class, () -> ctx.database().inWrite(tx -> {
                new SettingsRepository().put(tx, "mine", "lost?");
                return ctx.auditService().record(tx, "test.write", "test", 1, Map.of());
            }));
            assertTrue(System.nanoTime() - start >= 250_000_000L, "it waited for the busy timeout first");
            assertEquals(StorageException.Kind.BUSY, e.kind());
            assertTrue(e.retryable());
            assertTrue(e.getMessage().contains("try again"), e.getMessage());
            st.executeUpdate("ROLLBACK");
            assertTrue(ctx.database().inRead(tx -> new SettingsRepository().get(tx, "mine")).isEmpty());
            assertEquals(before, ctx.auditService().count(AuditFilter.ALL));
            ctx.database().inWrite(tx -> {
                new SettingsRepository().put(tx, "mine", "saved");
                return null;
            });
        }
    }

    /**
     * F6: no BUSY_SNAPSHOT on user actions. Another connection commits all the time, while our reads and
     * read-then-write units run: writes take the lock first (BEGIN IMMEDIATE), so none fails.
     */
    @Test
    void readThenWriteUnitsNeverFailWithBusySnapshotWhileAnotherWriterCommits() throws Exception {
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Throwable> otherFailed = new AtomicReference<>();
            AtomicReference<Boolean> stop = new AtomicReference<>(false);
            Thread writer = new Thread(() -> {
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = other.createStatement()) {
                    st.executeUpdate("PRAGMA busy_timeout = 5000");
                    for (int i = 0; !stop.get(); i++) {
                        st.executeUpdate("BEGIN IMMEDIATE");
                        st.executeUpdate("INSERT OR REPLACE INTO workspace_setting (key, value) VALUES ('other', '" + i + "')");
                        st.executeUpdate("COMMIT");
                        started.countDown();
                        // A bulk writer must leave gaps between its transactions: SQLite's busy handler polls, and a
                        // writer that re-takes the lock within microseconds starves every other one (found here).
                        Thread.sleep(2);
                    }
                } catch (Throwable t) {
                    otherFailed.set(t);
                    started.countDown();
                }
            });
            writer.start();
            started.await();
            SettingsRepository s = new SettingsRepository();
            try {
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    ctx.database().inRead(tx -> s.get(tx, "other"));
                    ctx.database().inWrite(tx -> {
                        String seen = s.get(tx, "other").orElse("");
                        s.put(tx, "mine", n + "/" + seen);
                        return ctx.auditService().record(tx, "test.write", "test", n, Map.of());
                    });
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            if (otherFailed.get() != null) throw new AssertionError(otherFailed.get());
            assertTrue(ctx.auditService().verify().ok());
        }
    }
}
