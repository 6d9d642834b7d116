package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.domain.StorageException;
import io.byline.service.PublishService;
import io.byline.testing.TestWorkspace;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file Byline writes goes through {@link SafeFiles}: never over the open database, its -wal/-shm/-journal/.lock,
 * the audit key or its folder (also through a symbolic link); written to a temporary file moved into place, owner-only.
 */
class SafeFilesTest {
    @TempDir
    Path dir;

    /** The forbidden targets of an open workspace, by what they are. */
    private Map<String, Path> forbidden(AppContext ctx) throws IOException {
        Path db = ctx.database().file();
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("database", db);
        for (String ext : List.of("-wal", "-shm", "-journal", ".lock")) m.put(ext, db.resolveSibling(db.getFileName() + ext));
        Path keys = ctx.location().keys();
        m.put("key", keys.resolve(ctx.workspaceService().id() + ".key"));
        m.put("keys folder", keys);
        m.put("new file in keys folder", keys.resolve("export.json"));
        Path link = dir.resolve("innocent.json");
        Files.createSymbolicLink(link, db);
        m.put("link to the database", link);
        Path linkToKeys = dir.resolve("keys-link");
        Files.createSymbolicLink(linkToKeys, keys);
        m.put("file through a link to the keys folder", linkToKeys.resolve("x.csv"));
        Path dangling = dir.resolve("dangling.csv");
        Files.createSymbolicLink(dangling, db.resolveSibling(db.getFileName() + "-journal"));
        m.put("dangling link to the journal", dangling);
        return m;
    }

    private static Map<Path, byte[]> snapshot(List<Path> files) throws IOException {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        for (Path p : files) {
            if (Files.isRegularFile(p)) m.put(p, Files.readAllBytes(p));
        }
        return m;
    }

    @Test
    void everyWriterRefusesTheOpenDatabaseItsFilesAndTheKeysEvenThroughLinks() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "admin");
            Map<String, Path> targets = forbidden(ctx);
            Map<String, Consumer<Path>> writers = new LinkedHashMap<>();
            writers.put("policy export", p -> ctx.policyTransferService().exportTo(p));
            writers.put("audit export", p -> ctx.auditService().export(p, ExportFormat.CSV, AuditFilter.ALL));
            writers.put("checkpoint", p -> ctx.auditService().writeCheckpoint(p, ctx.workspaceService().id()));
            writers.put("evidence bundle", p -> ctx.evidenceService().writeBundle("post", "1", p));
            writers.put("backup", p -> ctx.backupService().backup(p));
            writers.put("scheduler JSON", p -> ctx.publishService().exportJson(List.of(), p, false));
            writers.put("Byline CSV", p -> ctx.publishService().exportCsv(PublishService.CsvFormat.BYLINE, List.of(), p));
            List<Path> watched = new ArrayList<>(targets.values());
            Path key = targets.get("key");
            byte[] keyBefore = Files.readAllBytes(key);
            for (var w : writers.entrySet()) {
                for (var t : targets.entrySet()) {
                    Map<Path, byte[]> before = snapshot(watched);
                    StorageException e = assertThrows(StorageException.class, () -> w.getValue().accept(t.getValue()),
                            w.getKey() + " over the " + t.getKey());
                    assertEquals(StorageException.Kind.REFUSED, e.kind(), w.getKey() + " over the " + t.getKey() + ": " + e.getMessage());
                    assertTrue(e.getMessage().startsWith("Refusing to write to"), e.getMessage());
                    Map<Path, byte[]> after = snapshot(watched);
                    for (Path p : before.keySet()) {
                        if (p.toString().endsWith("-wal") || p.toString().endsWith("-shm")) continue; // SQLite's own
                        assertArrayEquals(before.get(p), after.get(p), w.getKey() + " changed " + p);
                    }
                }
            }
            assertArrayEquals(keyBefore, Files.readAllBytes(key));
            assertTrue(Files.isSymbolicLink(targets.get("link to the database")), "the link itself was not replaced");
            assertFalse(Files.exists(targets.get("new file in keys folder")));
            assertEquals("ok", ctx.database().integrityCheck());
            assertTrue(ctx.auditService().verify().ok());
            assertNoTemporaryFiles(ctx.database().file().getParent());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out/report.txt");
        SafeFiles.writeText(target, w -> {
            w.write("the old report");
            return null;
        });
        StorageException e = assertThrows(StorageException.class, () -> SafeFiles.writeText(target, w -> {
            w.write("half of the new ");
            throw new IOException("No space left on device");
        }));
        assertEquals(StorageException.Kind.DISK_FULL, e.kind());
        assertEquals("the old report", Files.readString(target));
        assertNoTemporaryFiles(target.getParent());
    }

    @Test
    void filesAndFoldersBylineCreatesAreOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "admin");
            Path home = ctx.location().home();
            assertEquals("rwx------", perms(home));
            assertEquals("rw-------", perms(ctx.database().file()));
            assertEquals("rw-------", perms(ctx.database().file().resolveSibling("byline.db.lock")));
            assertEquals("rwx------", perms(ctx.location().keys()));
            Path backup = dir.resolve("new/folder/copy.db");
            ctx.backupService().backup(backup);
            assertEquals("rw-------", perms(backup));
            assertEquals("rwx------", perms(backup.getParent()));
            Path daily = ctx.backupService().dailyIfDue(java.time.Instant.now()).orElseThrow();
            assertEquals("rw-------", perms(daily));
            assertEquals("rwx------", perms(ctx.location().backups()));
            Path export = dir.resolve("audit.jsonl");
            Files.writeString(export, "an old export, readable by all");
            Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rw-r--r--"));
            ctx.auditService().export(export, ExportFormat.JSONL, AuditFilter.ALL);
            assertEquals("rw-------", perms(export), "a replaced export is private too");
            Path cp = dir.resolve("cp.txt");
            ctx.auditService().writeCheckpoint(cp, ctx.workspaceService().id());
            assertEquals("rw-------", perms(cp));
            Path bundle = dir.resolve("evidence/post-1.json");
            ctx.evidenceService().writeBundle("post", "1", bundle);
            assertEquals("rw-------", perms(bundle));
            assertEquals("rw-------", perms(bundle.resolveSibling("post-1.html")));
        }
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(left.isEmpty(), "temporary files left: " + left);
        }
    }
}
