package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.testing.TestWorkspace;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY F7: a corpus of damaged files in place of the database. Each is detected at open with a message that
 * says what is wrong, never written to (same bytes, same modification time), and can be moved aside with its -wal and
 * -shm so a fresh workspace or a backup can take its place.
 */
class DamagedFileFaultTest {
    @TempDir
    Path dir;

    static Stream<Arguments> corpus() {
        Map<String, Consumer<Path>> c = new LinkedHashMap<>();
        c.put("empty", p -> write(p, new byte[0]));
        c.put("random bytes", p -> {
            byte[] b = new byte[16_384];
            new Random(42).nextBytes(b);
            write(p, b);
        });
        c.put("text file", p -> write(p, "name,amount\nRina,12\n".repeat(400).getBytes()));
        c.put("truncated Byline database", p -> {
            bylineDatabase(p);
            truncate(p, size(p) / 2 + 100);
        });
        c.put("Byline database cut to its header", p -> {
            bylineDatabase(p);
            truncate(p, 100);
        });
        c.put("foreign SQLite database", p -> sql(p, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO photos (name) VALUES ('holiday')"));
        c.put("foreign database with an application id", p -> sql(p, "PRAGMA application_id = 1234",
                "CREATE TABLE t (x)"));
        c.put("newer Byline", p -> {
            bylineDatabase(p);
            sql(p, "PRAGMA user_version = 999");
        });
        c.put("corrupted header magic", p -> {
            bylineDatabase(p);
            overwrite(p, 0, "SQLite format 4\0".getBytes());
        });
        c.put("corrupted page size", p -> {
            bylineDatabase(p);
            overwrite(p, 16, new byte[] {0x00, 0x07});
        });
        c.put("corrupted pages", p -> {
            bylineDatabase(p);
            byte[] junk = new byte[4096];
            new Random(7).nextBytes(junk);
            overwrite(p, 4096 * 2, junk);
        });
        return c.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aDamagedFileIsRefusedUntouchedAndCanBeMovedAside(String name, Consumer<Path> make) throws Exception {
        Path scratch = dir.resolve("scratch");
        Files.createDirectories(scratch);
        Path source = scratch.resolve("made.db");
        make.accept(source);
        Path db = TestWorkspace.location(dir).database();
        Files.createDirectories(db.getParent());
        Files.copy(source, db);
        byte[] before = Files.readAllBytes(db);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(db, old);

        StorageException e = assertThrows(StorageException.class, () -> TestWorkspace.empty(dir), name);
        assertEquals(StorageException.Kind.UNUSABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(db.toString()), "the message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("has not changed it"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db), "never written to");
        assertEquals(old, Files.getLastModifiedTime(db), "never written to");
        assertFalse(Files.exists(Path.of(db + "-wal")) && Files.size(Path.of(db + "-wal")) > 0, "no journal started");

        // Restore a backup in its place: the damaged file goes aside with its companions, whole.
        Files.write(Path.of(db + "-wal"), new byte[0]);
        Files.write(Path.of(db + "-shm"), new byte[0]);
        Path aside = Database.moveAside(db);
        assertFalse(Files.exists(db));
        assertFalse(Files.exists(Path.of(db + "-wal")));
        assertFalse(Files.exists(Path.of(db + "-shm")));
        assertArrayEquals(before, Files.readAllBytes(aside));
        assertTrue(Files.exists(Path.of(aside + "-wal")) && Files.exists(Path.of(aside + "-shm")));
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals("ok", ctx.database().integrityCheck());
        }
    }

    @org.junit.jupiter.api.Test
    void movingAsideTwiceInTheSameSecondKeepsBoth() throws Exception {
        Path db = dir.resolve("x.db");
        Files.writeString(db, "first");
        Path a = Database.moveAside(db);
        Files.writeString(db, "second");
        Path b = Database.moveAside(db);
        assertFalse(a.equals(b));
        assertEquals("first", Files.readString(a));
        assertEquals("second", Files.readString(b));
    }

    private static void bylineDatabase(Path p) {
        try (Database d = Database.open(p, p.resolveSibling("backups"))) {
            d.inWrite(tx -> {
                SettingsRepository s = new SettingsRepository();
                for (int i = 0; i < 200; i++) s.put(tx, "key" + i, "value ".repeat(100) + i);
                return null;
            });
        }
    }

    private static void sql(Path p, String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement st = c.createStatement()) {
            for (String s : statements) st.executeUpdate(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void truncate(Path p, long size) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void overwrite(Path p, long at, byte[] bytes) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(at);
            f.write(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertFalse(Arrays.equals(bytes, new byte[bytes.length]));
    }
}
