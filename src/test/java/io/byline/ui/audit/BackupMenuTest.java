package io.byline.ui.audit;

import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;
import io.byline.ui.common.FileChoosers;

import javafx.scene.control.MenuButton;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupMenuTest extends UiTest {
    private final AuditScreenTest.QueuedFiles files = new AuditScreenTest.QueuedFiles();

    @Test
    void backUpNowWritesAConsistentCopyAndRecordsIt() throws Exception {
        var context = TestWorkspace.demo(dir);
        context.provide(FileChoosers.class, files);
        open(context, Locale.ENGLISH);
        signIn("admin");
        Path target = dir.resolve("backups/manual.db");
        files.next.add(target);
        clickOn("#userMenu");
        assertTrue(lookup("Restore from backup…").tryQuery().isPresent());
        clickOn("Back up now…");
        settle();
        assertTrue(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("backups/manual.db.tmp")));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA application_id")) {
            assertTrue(rs.next());
            assertEquals(0x42594C4E, rs.getInt(1));
        }
        assertEquals("manual.db", ctx.auditService().list(null, "database.backup", null, null, null, null, 1).get(0)
                .details().replaceAll(".*\"file\":\"([^\"]+)\".*", "$1"));
        assertTrue(lookup(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                && l.getText().startsWith("Backup written to")).tryQuery().isPresent()
                || ((org.controlsfx.control.StatusBar) lookup(".status-bar").query()).getText().startsWith("Backup written"));
    }

    @Test
    void writersHaveNoBackupMenu() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("rina");
        MenuButton menu = node("#userMenu");
        assertTrue(menu.getItems().stream().filter(i -> "backupItem".equals(i.getId())).noneMatch(i -> i.isVisible()));
    }
}
