package io.byline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.domain.Role;
import io.byline.testing.TestWorkspace;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY S4: no password, in any form a dump would show, in the database, its journal, backups or exports. */
class PasswordStorageTest {
    @TempDir
    Path dir;

    private static final String CREATED = "Sup3r-Secret-Passphrase!";
    private static final String RESET = "Another-Long-Secret-42";
    private static final String MISTYPED = "Typed-Into-The-Username-Field-7";

    @Test
    void noPlaintextPasswordAnywhereInTheDatabaseFilesBackupsOrExports() throws Exception {
        Path backup = dir.resolve("backup.db");
        Path export = dir.resolve("audit.jsonl");
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "admin");
            var u = ctx.userService().create("dewi", "Dewi", CREATED.toCharArray(), EnumSet.of(Role.WRITER), null);
            ctx.userService().resetPassword(u.id(), RESET.toCharArray());
            ctx.authService().signIn("dewi", CREATED.toCharArray());       // the old password, refused
            ctx.authService().signIn(MISTYPED, RESET.toCharArray());      // a password typed as the user name
            assertTrue(ctx.authService().signIn("dewi", RESET.toCharArray()).isPresent());
            TestWorkspace.signIn(ctx, "admin");
            ctx.backupService().backup(backup);
            ctx.auditService().export(export, ExportFormat.JSONL, AuditFilter.ALL);
            // While open, the WAL holds recent pages too.
            assertAbsent(List.of(TestWorkspace.location(dir).database(), Path.of(TestWorkspace.location(dir).database() + "-wal")));
        }
        List<Path> files = new ArrayList<>(List.of(TestWorkspace.location(dir).database(), backup, export));
        try (Stream<Path> all = Files.walk(TestWorkspace.location(dir).home())) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        assertAbsent(files);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + TestWorkspace.location(dir).database());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT password_iterations, length(password_salt) FROM app_user WHERE username = 'dewi'")) {
            assertTrue(rs.next());
            assertEquals(TestWorkspace.FAST_ITERATIONS, rs.getInt(1), "the iteration count is stored with the hash");
            assertTrue(rs.getInt(2) >= 16, "a salt per user");
        }
    }

    private static void assertAbsent(List<Path> files) throws Exception {
        for (Path f : files) {
            if (!Files.exists(f)) continue;
            byte[] bytes = Files.readAllBytes(f);
            for (String secret : List.of(CREATED, RESET, MISTYPED)) {
                for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    assertFalse(indexOf(bytes, secret.getBytes(cs)) >= 0, secret + " (" + cs + ") found in " + f);
                }
                assertFalse(indexOf(bytes, secret.toLowerCase().getBytes(StandardCharsets.UTF_8)) >= 0, secret + " lower-cased in " + f);
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
