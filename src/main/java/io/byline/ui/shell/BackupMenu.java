package io.byline.ui.shell;

import io.byline.service.BackupService;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FileChoosers;
import io.byline.ui.common.I18n;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.TaskRunner;

import javafx.concurrent.Task;
import javafx.stage.Window;

import org.controlsfx.control.StatusBar;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The user menu's "Back up now…" and "Restore from backup…": a backup is a background task through SQLite (never a
 * file copy), its progress in the status bar; a restore asks once, then restarts the workspace.
 */
public final class BackupMenu {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");
    private final BackupService backups;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DialogService dialogs;
    private final FileChoosers files;
    private final ShellStatus status;
    private final AppActions actions;

    public BackupMenu(BackupService backups, TaskRunner runner, I18n i18n, DialogService dialogs, FileChoosers files,
                      ShellStatus status, AppActions actions) {
        this.backups = backups;
        this.runner = runner;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.files = files;
        this.status = status;
        this.actions = actions;
    }

    /** Whether to offer "Back up now…": the service decides. */
    public boolean canBackUp() {
        return backups.canBackUp();
    }

    /** Whether to offer "Restore from backup…": the service decides. */
    public boolean canRestore() {
        return backups.canRestore();
    }

    /** Asks where, then writes the backup in the background with its progress in the status bar. */
    public void backUp(Window owner, StatusBar bar) {
        Optional<Path> target = files.save(owner, i18n.text("backup.title"), backups.backupDir(),
                "byline-backup-" + LocalDateTime.now().format(STAMP) + ".db",
                List.of(new FileChoosers.Kind(i18n.text("backup.filter"), "*.db")));
        if (target.isEmpty()) return;
        Task<Path> task = new BackupTask(backups, target.get());
        status.show(i18n.text("backup.running"));
        bar.progressProperty().bind(task.progressProperty());
        runner.run(() -> {
            task.run();
            return task.get();
        }, written -> {
            bar.progressProperty().unbind();
            bar.setProgress(0);
            status.show(i18n.text("backup.done", written));
        }, e -> {
            bar.progressProperty().unbind();
            bar.setProgress(0);
            status.show(i18n.text("backup.failed"));
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            I18n.Problem p = i18n.problem(cause);
            dialogs.error(new I18n.Problem(i18n.text("backup.failed"), p.what() + ". " + p.action(), p.details()), null);
        });
    }

    /** Asks which backup, confirms once (saying what happens), then restarts the workspace on it. */
    public void restore(Window owner) {
        Optional<Path> backup = files.open(owner, i18n.text("restore.title"), backups.backupDir(),
                List.of(new FileChoosers.Kind(i18n.text("backup.filter"), "*.db", "*.sqlite")));
        if (backup.isEmpty()) return;
        if (!dialogs.confirm(i18n.text("restore.confirm.title"), i18n.text("restore.confirm.message", backup.get()),
                i18n.text("restore.confirm.button"))) {
            return;
        }
        actions.restoreWorkspace(backup.get());
    }

    /** A backup through the service, with indeterminate progress (SQLite does not report it). */
    private static final class BackupTask extends Task<Path> {
        private final BackupService backups;
        private final Path target;

        BackupTask(BackupService backups, Path target) {
            this.backups = backups;
            this.target = target;
        }

        @Override
        protected Path call() {
            updateProgress(-1, 1);
            backups.backup(target);
            updateProgress(1, 1);
            return target;
        }
    }
}
