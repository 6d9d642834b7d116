package io.byline.ui.audit;

import io.byline.service.BackupService;

import javafx.concurrent.Task;

import java.nio.file.Path;

/** Writes a backup through SQLite ({@code VACUUM INTO}, checked, then moved into place): never a file copy. */
public final class BackupTask extends Task<Path> {
    private final BackupService backups;
    private final Path target;

    public BackupTask(BackupService backups, Path target) {
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
