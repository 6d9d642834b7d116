package io.byline.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;
import io.byline.ui.common.FileChoosers;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** What the user sees when a backup's log does not verify, when a target is refused, and when the key is not private. */
class RestoreAndRefusalScreenTest extends UiTest {
    private final AuditScreenTest.QueuedFiles files = new AuditScreenTest.QueuedFiles();
    private final AtomicReference<AppContext> replaced = new AtomicReference<>();

    @AfterEach
    void closeReplaced() {
        AppContext c = replaced.get();
        if (c != null) c.close();
    }

    /** Fires a dialog's button without waiting for background work (the next step may open another dialog). */
    private void press(String buttonText) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button b = lookup(".dialog-pane .button")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(buttonText)).queryButton();
        WaitForAsyncUtils.asyncFx(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits (up to 30 s) for a dialog that says this. */
    private void awaitDialog(String text) throws Exception {
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> dialogSays(text));
    }

    /** A PNG of the open dialog (its own window), without waiting for the work behind it. */
    private void dialogShot(String name) {
        javafx.scene.Node pane = lookup(".dialog-pane").query();
        io.byline.testing.Screenshots.write(pane.getScene(), name);
    }

    private boolean dialogSays(String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".dialog-pane").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.DialogPane p
                && ((p.getContentText() != null && p.getContentText().contains(text))
                || (p.getHeaderText() != null && p.getHeaderText().contains(text))));
    }

    @Test
    void aBackupWhoseLogDoesNotVerifyIsRestoredOnlyAfterTheUserAgrees() throws Exception {
        AppContext context = TestWorkspace.demo(dir);
        Path backup = dir.resolve("saved/edited.db");
        context.database().inWrite(tx -> {
            new io.byline.store.SettingsRepository().put(tx, "state", "from the backup");
            return null;
        });
        context.backupService().backup(backup);
        context.database().inWrite(tx -> {
            new io.byline.store.SettingsRepository().put(tx, "state", "current");
            return null;
        });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_event_no_update");
            st.executeUpdate("UPDATE audit_event SET details = '{\"forged\":true}' WHERE seq = 1");
        }
        context.provide(FileChoosers.class, files);
        open(context, Locale.ENGLISH);
        interact(() -> window.setOnContextReplaced(replaced::set));
        signIn("admin");
        files.next.add(backup);
        clickOn("#userMenu");
        clickOn("Restore from backup…");
        press("Restore and restart");
        awaitDialog("does not verify");
        dialogShot("restore_unverified");
        press("Restore anyway");
        // the refused attempt reopened the workspace as it was (a first replacement); the accepted one replaces it again
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> {
            try {
                return replaced.get() != null && "from the backup".equals(replaced.get().database().inRead(
                        tx -> new io.byline.store.SettingsRepository().get(tx, "state")).orElse(null));
            } catch (io.byline.domain.StorageException closed) {
                return false;
            }
        });
        if (dialogSays("restored")) press("OK");
        AppContext restored = replaced.get();
        assertTrue(restored != null && restored != context, "the workspace was restored and reopened");
        assertEquals("from the backup", restored.database().inRead(tx -> new io.byline.store.SettingsRepository().get(tx, "state")).orElse(null));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + restored.database().file());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor_name, details FROM audit_event WHERE type = 'database.restore'")) {
            assertTrue(rs.next());
            assertEquals("Workspace Admin", rs.getString(1), "recorded as the signed-in user");
            assertTrue(rs.getString(2).contains("\"auditVerified\":false"), rs.getString(2));
        }
    }

    @Test
    void aBackupOverTheOpenDatabaseIsRefusedInTheUsersLanguage() throws Exception {
        AppContext context = TestWorkspace.demo(dir);
        context.provide(FileChoosers.class, files);
        open(context, INDONESIAN);
        signIn("admin");
        byte[] before = Files.readAllBytes(context.database().file());
        files.next.add(context.database().file());
        clickOn("#userMenu");
        clickOn("Cadangkan sekarang…");
        awaitDialog("Byline tidak akan menimpa berkas ini");
        javafx.scene.control.ButtonBase details = lookup(".dialog-pane .details-button").query();
        assertEquals("Tampilkan rincian", details.getText());
        interact(details::fire);
        assertEquals("Sembunyikan rincian", details.getText());
        interact(details::fire);
        dialogShot("backup_refused_id");
        press("OK");
        settle();
        assertEquals("ok", context.database().integrityCheck());
        assertFalse(Files.exists(dir.resolve("home/byline.db.tmp")));
        assertEquals(before.length > 0, Files.size(context.database().file()) > 0);
    }

    @Test
    void anAuditKeyOthersCanReadIsWarnedAboutAtStart() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        AppContext context = TestWorkspace.demo(dir);
        Files.setPosixFilePermissions(context.location().keys(), PosixFilePermissions.fromString("rwxr-xr-x"));
        open(context, INDONESIAN);
        WaitForAsyncUtils.asyncFx(() -> window.warnIfKeysExposed());
        awaitDialog("Pengguna lain di komputer ini dapat membaca kunci audit");
        dialogShot("keys_exposed_id");
        press("OK");
    }
}
