package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.StorageException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("byline.db");
    }

    @Test
    void newDatabaseGetsTheSchemaApplicationIdAndVersion() {
        try (Database d = Database.open(db(), dir.resolve("backups"))) {
            assertTrue(d.wasCreated());
            assertEquals("ok", d.integrityCheck());
        }
        DatabaseInfo info = DatabaseInfo.inspect(db());
        assertEquals(Database.APPLICATION_ID, info.applicationId());
        assertEquals(Migration.bundled().size(), info.userVersion());
        assertTrue(info.integrityOk());
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsData() {
        try (Database d = Database.open(db(), dir.resolve("backups"))) {
            d.inWrite(tx -> {
                new SettingsRepository().put(tx, "k", "v");
                return null;
            });
        }
        try (Database d = Database.open(db(), dir.resolve("backups"))) {
            assertEquals("v", d.inRead(tx -> new SettingsRepository().get(tx, "k")).orElseThrow());
        }
    }

    @Test
    void aSecondOpenOfTheSameFileIsRefusedNamingTheFile() {
        try (Database d = Database.open(db(), dir.resolve("backups"))) {
            StorageException e = assertThrows(StorageException.class, () -> Database.open(db(), dir.resolve("backups")));
            assertEquals(StorageException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains(db().toString()), e.getMessage());
        }
        Database.open(db(), dir.resolve("backups")).close();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws Exception {
        byte[] garbage = "this is a text file, not SQLite at all, and quite long enough to look like a header".repeat(60).getBytes();
        Files.write(db(), garbage);
        StorageException e = assertThrows(StorageException.class, () -> Database.open(db(), dir.resolve("backups")));
        assertEquals(StorageException.Kind.UNUSABLE, e.kind());
        assertArrayEquals(garbage, Files.readAllBytes(db()));
    }

    @Test
    void aForeignSqliteDatabaseIsRefusedAndLeftUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
        }
        byte[] before = Files.readAllBytes(db());
        StorageException e = assertThrows(StorageException.class, () -> Database.open(db(), dir.resolve("backups")));
        assertTrue(e.getMessage().contains("another program"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db()));
    }

    @Test
    void aDatabaseFromANewerBylineIsRefused() throws Exception {
        Database.open(db(), dir.resolve("backups")).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = 999");
        }
        StorageException e = assertThrows(StorageException.class, () -> Database.open(db(), dir.resolve("backups")));
        assertTrue(e.getMessage().contains("newer Byline"), e.getMessage());
        assertEquals(999, DatabaseInfo.inspect(db()).userVersion());
    }

    @Test
    void aFailedWriteSavesNothing() {
        try (Database d = Database.open(db(), dir.resolve("backups"))) {
            SettingsRepository settings = new SettingsRepository();
            assertThrows(IllegalStateException.class, () -> d.inWrite(tx -> {
                settings.put(tx, "half", "done");
                throw new IllegalStateException("boom");
            }));
            assertTrue(d.inRead(tx -> settings.get(tx, "half")).isEmpty());
        }
    }

    @Test
    void aMigrationThatFailsHalfWayLeavesSchemaAndVersionAsTheyWereAfterABackup() throws Exception {
        List<Migration> good = Migration.bundled();
        Database.open(db(), dir.resolve("backups"), good).close();
        List<Migration> withBad = new ArrayList<>(good);
        withBad.add(new Migration(good.size() + 1, "broken", List.of("CREATE TABLE extra (id INTEGER)", "THIS IS NOT SQL")));
        StorageException e = assertThrows(StorageException.class, () -> Database.open(db(), dir.resolve("backups"), withBad));
        assertTrue(e.getMessage().contains("will be tried again"), e.getMessage());
        DatabaseInfo info = DatabaseInfo.inspect(db());
        assertEquals(good.size(), info.userVersion());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'extra'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        try (var backups = Files.list(dir.resolve("backups"))) {
            assertEquals(1, backups.count());
        }
        // The next start, with a fixed migration, upgrades.
        List<Migration> fixed = new ArrayList<>(good);
        fixed.add(new Migration(good.size() + 1, "fixed", List.of("CREATE TABLE extra (id INTEGER)")));
        Database.open(db(), dir.resolve("backups"), fixed).close();
        assertEquals(good.size() + 1, DatabaseInfo.inspect(db()).userVersion());
    }

    @Test
    void aFullDiskSaysNothingWasSavedAndTheDatabaseStaysUsable() {
        try (Database d = Database.open(db(), dir.resolve("backups"))) {
            SettingsRepository settings = new SettingsRepository();
            long pages = d.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            d.limitPages(pages + 2);
            StorageException e = assertThrows(StorageException.class, () -> d.inWrite(tx -> {
                for (int i = 0; i < 200; i++) settings.put(tx, "big" + i, "x".repeat(4000));
                return null;
            }));
            assertEquals(StorageException.Kind.DISK_FULL, e.kind());
            assertTrue(e.getMessage().startsWith("Disk full — nothing was saved"), e.getMessage());
            assertTrue(d.inRead(tx -> settings.get(tx, "big0")).isEmpty());
            d.inWrite(tx -> {
                settings.put(tx, "small", "fits");
                return null;
            });
            d.limitPages(1_000_000);
            d.inWrite(tx -> {
                for (int i = 0; i < 200; i++) settings.put(tx, "big" + i, "x".repeat(4000));
                return null;
            });
            assertEquals("ok", d.integrityCheck());
        }
    }

    @Test
    void backupIsAVerifiedCopyThatCanBeRestored() {
        Path backup = dir.resolve("out").resolve("copy.db");
        try (Database d = Database.open(db(), dir.resolve("backups"))) {
            d.inWrite(tx -> {
                new SettingsRepository().put(tx, "kept", "yes");
                return null;
            });
            d.backupTo(backup);
        }
        assertTrue(DatabaseInfo.inspect(backup).integrityOk());
        Path restored = dir.resolve("restored.db");
        DatabaseRestore.Restored r = DatabaseRestore.restoreFrom(backup, restored, dir.resolve("backups"), Migration.bundled(), (staged, previous) -> { });
        try (Database d = r.database()) {
            assertEquals("yes", d.inRead(tx -> new SettingsRepository().get(tx, "kept")).orElseThrow());
        }
    }

    /** F4 at the service level: a user's save fails for a full disk, nothing is half-saved, the text survives, retry works. */
    @Test
    void aServiceSaveOnAFullDiskKeepsTheUsersTextForTheRetry() {
        try (io.byline.AppContext ctx = io.byline.testing.TestWorkspace.demo(dir)) {
            io.byline.testing.TestWorkspace.signIn(ctx, "admin");
            long auditBefore = ctx.auditService().count(io.byline.domain.AuditFilter.ALL);
            int executivesBefore = ctx.executiveService().list(true).size();
            String notes = "Tone: warm, precise. Avoid: the Q3 numbers before the call. ".repeat(2000);
            io.byline.domain.Executive draft = new io.byline.domain.Executive(0, "Dewi Kartika", "CFO", "Nusantara Foods",
                    notes, null, "Asia/Jakarta", false);
            Database d = ctx.database();
            long pages = d.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            d.limitPages(pages + 1);
            StorageException e = assertThrows(StorageException.class, () -> ctx.executiveService().save(draft));
            assertEquals(StorageException.Kind.DISK_FULL, e.kind());
            assertTrue(e.getMessage().startsWith("Disk full — nothing was saved"), e.getMessage());
            assertEquals(notes, draft.voiceNotes(), "the text the user typed is still there to retry with");
            assertEquals(executivesBefore, ctx.executiveService().list(true).size(), "nothing half-saved");
            assertEquals(auditBefore, ctx.auditService().count(io.byline.domain.AuditFilter.ALL));
            d.limitPages(1_000_000);
            io.byline.domain.Executive saved = ctx.executiveService().save(draft);
            assertEquals(notes, ctx.executiveService().get(saved.id()).orElseThrow().voiceNotes());
            assertTrue(ctx.auditService().verify().ok());
        }
    }

    /** F9: the backup taken before the failed upgrade is a whole database of the old version, with the data. */
    @Test
    void theBackupBeforeAFailedMigrationHoldsTheOldVersionAndTheData() throws Exception {
        List<Migration> good = Migration.bundled();
        try (Database d = Database.open(db(), dir.resolve("backups"), good)) {
            d.inWrite(tx -> {
                new SettingsRepository().put(tx, "precious", "data");
                return null;
            });
        }
        List<Migration> withBad = new ArrayList<>(good);
        withBad.add(new Migration(good.size() + 1, "broken", List.of("ALTER TABLE workspace_setting ADD COLUMN note TEXT",
                "INSERT INTO workspace_setting (key, value) VALUES ('half', 'way')", "ALTER TABLE nowhere ADD COLUMN x")));
        for (int attempt = 1; attempt <= 2; attempt++) {
            StorageException e = assertThrows(StorageException.class, () -> Database.open(db(), dir.resolve("backups"), withBad));
            assertTrue(e.getMessage().contains("will be tried again"), e.getMessage());
        }
        Path backup;
        try (var files = Files.list(dir.resolve("backups"))) {
            backup = files.filter(p -> p.getFileName().toString().contains(".pre-v" + (good.size() + 1))).findFirst().orElseThrow();
        }
        DatabaseInfo info = DatabaseInfo.inspect(backup);
        assertEquals(good.size(), info.userVersion());
        assertTrue(info.problemWith(good.size()).isEmpty(), info.toString());
        try (Database d = Database.open(db(), dir.resolve("backups"), good)) {
            SettingsRepository s = new SettingsRepository();
            assertEquals("data", d.inRead(tx -> s.get(tx, "precious")).orElseThrow());
            assertTrue(d.inRead(tx -> s.get(tx, "half")).isEmpty(), "nothing of the failed step");
        }
    }
}
