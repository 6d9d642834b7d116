package io.byline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.Main;
import io.byline.testing.ChildJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY F8: SQLite's native library cannot be loaded. sqlite-jdbc extracts it to {@code org.sqlite.tmpdir}
 * (default {@code java.io.tmpdir}) and loads it from there; when that fails it tries {@code java.library.path} and
 * then gives up with "Error opening connection". The test makes the folder impossible to create (a path under a
 * regular file), which works even as root, where a read-only folder would not stop the extraction.
 */
@Tag("fault")
class NativeLibraryFaultTest {
    @TempDir
    Path dir;

    @Test
    void startUpNamesTheCauseAndTheTmpdirOption() throws Exception {
        Path notAFolder = dir.resolve("not-a-folder");
        Files.writeString(notAFolder, "a file where the driver wants a folder");
        Path db = io.byline.testing.TestWorkspace.location(dir).database();
        try (io.byline.AppContext ws = io.byline.testing.TestWorkspace.empty(dir)) {
            ws.workspaceService().id(); // an existing workspace: a command never creates one
        }
        byte[] before = Files.readAllBytes(db);
        try (ChildJvm child = ChildJvm.start(List.of("-Dorg.sqlite.tmpdir=" + notAFolder.resolve("sqlite"),
                "-Djava.io.tmpdir=" + notAFolder.resolve("tmp"), "-Dbyline.home=" + dir.resolve("home")),
                Main.class, "verify-audit", "--db", db.toString())) {
            int code = child.waitFor(60);
            String err = child.stderr();
            assertEquals(2, code, err);
            assertTrue(err.contains("native library could not be loaded"), err);
            assertTrue(err.contains("-Dorg.sqlite.tmpdir"), err);
            assertTrue(err.contains(notAFolder.resolve("sqlite").toString()), "names the folder: " + err);
            assertTrue(err.contains("No native library found"), "names the cause: " + err);
            assertFalse(err.contains("damaged"), "not mistaken for a damaged database: " + err);
            assertFalse(err.contains("\tat "), "a message, not a stack trace: " + err);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(db), "nothing was changed");
    }
}
