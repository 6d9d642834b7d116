package io.byline.service;

import io.byline.store.Database;

import java.nio.file.Path;
import java.util.Map;

/** Consistent copies of the database, never a file copy; each backup is recorded in the audit log. */
public final class BackupService {
    private final Database db;
    private final AuditService audit;

    public BackupService(Database db, AuditService audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Records the backup, then writes a verified copy to {@code target} (temporary name, then moved into place). */
    public void backup(Path target) {
        db.inWrite(tx -> audit.record(tx, "database.backup", "database", null, Map.of("file", target.getFileName().toString())));
        db.backupTo(target);
    }
}
