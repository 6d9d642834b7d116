package io.byline.service;

import io.byline.domain.Role;
import io.byline.domain.StorageException;
import io.byline.domain.User;
import io.byline.store.AuditLog;
import io.byline.store.Database;
import io.byline.store.SettingsRepository;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consistent copies of the database, never a file copy; each backup is recorded in the audit log. Besides backups on
 * request there is one a day (at the first start of the day), kept for a number of days set per workspace.
 */
public final class BackupService {
    /** Workspace setting: how many days daily backups are kept; 0 turns them off. */
    public static final String KEEP_DAYS = "backup.daily.keepDays";
    public static final int DEFAULT_KEEP_DAYS = 7;
    private static final Role[] BACKUP_ROLES = {Role.ADMIN, Role.APPROVER, Role.LEGAL};
    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());

    private final Database db;
    private final AuditService audit;
    private final SettingsRepository settings;
    private final Path backupDir;
    private final String workspaceId;
    private final Session session;

    /** {@code workspaceId} names this workspace's daily backups, so two workspaces in one home never share them. */
    public BackupService(Database db, AuditService audit, SettingsRepository settings, Path backupDir, String workspaceId,
            Session session) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.backupDir = backupDir;
        this.workspaceId = workspaceId;
        this.session = session;
    }

    /** Whether the signed-in user may back the workspace up (Admin, Approver, Legal). */
    public boolean canBackUp() {
        return session.holdsAny(BACKUP_ROLES);
    }

    /** Whether the signed-in user may replace the workspace with a backup (Admin). */
    public boolean canRestore() {
        return session.holdsAny(Role.ADMIN);
    }

    /** Refuses, before anything is closed or copied, a restore the signed-in user may not make. */
    public void requireRestore() {
        session.requireAny(Role.ADMIN);
    }

    /**
     * Writes a verified copy to {@code target} (temporary name, then moved into place), then records it. Admin,
     * Approver or Legal; the {@code backup} command (nobody signed in) acts as the system.
     */
    public void backup(Path target) {
        session.requireAnyUnlessHeadless(BACKUP_ROLES);
        db.backupTo(target);
        db.inWrite(tx -> audit.record(tx, "database.backup", "database", null,
                Map.of("file", target.getFileName().toString(), "kind", "manual")));
    }

    /** The folder daily backups go to. */
    public Path backupDir() {
        return backupDir;
    }

    /** How many days daily backups are kept (0: no daily backups). */
    public int keepDays() {
        return db.inRead(tx -> settings.get(tx, KEEP_DAYS)).map(v -> {
            try {
                return Math.max(0, Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                return DEFAULT_KEEP_DAYS;
            }
        }).orElse(DEFAULT_KEEP_DAYS);
    }

    /** Sets how many days daily backups are kept; administrators only, recorded. */
    public void setKeepDays(int days) {
        session.requireAny(Role.ADMIN);
        if (days < 0 || days > 3650) throw new IllegalArgumentException("keep days must be 0–3650");
        db.inWrite(tx -> {
            settings.put(tx, KEEP_DAYS, Integer.toString(days));
            return audit.record(tx, "settings.change", "workspace", null, Map.of("key", KEEP_DAYS, "value", days));
        });
    }

    /**
     * System only, never a user action: the daily backup, called when the app starts: when this workspace has none for today's date yet, writes
     * {@code <backups>/<db name>-<workspace id>-daily-YYYY-MM-DD.db}; then removes this workspace's daily backups older
     * than the days to keep and temporary files left by one that was interrupted. Returns the backup written, if one
     * was. (Backups named the old way, {@code <db name>-daily-YYYY-MM-DD.db}, are listed but never counted or removed:
     * they do not say which workspace they hold.)
     */
    public Optional<Path> dailyIfDue(Instant now) {
        return dailyIfDue(now, ZoneId.systemDefault());
    }

    public Optional<Path> dailyIfDue(Instant now, ZoneId zone) {
        int keep = keepDays();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Optional<Path> written = Optional.empty();
        if (keep > 0) {
            Path target = backupDir.resolve(prefix() + today + ".db");
            if (!Files.exists(target)) {
                db.backupTo(target);
                db.inWrite(tx -> audit.record(tx, "database.backup", "database", null,
                        Map.of("file", target.getFileName().toString(), "kind", "daily")));
                written = Optional.of(target);
            }
        }
        prune(today, keep);
        return written;
    }

    /** This workspace's daily backups present, with those named the old way (without a workspace id), by name. */
    public List<Path> dailyBackups() {
        List<Path> out = new ArrayList<>();
        Pattern p = dailyPattern();
        Pattern old = Pattern.compile(Pattern.quote(stem()) + "-daily-\\d{4}-\\d{2}-\\d{2}\\.db");
        if (!Files.isDirectory(backupDir)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(backupDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (p.matcher(name).matches() || old.matcher(name).matches()) out.add(f);
            }
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.FAILED, "Cannot list the backups in " + backupDir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    private void prune(LocalDate today, int keep) {
        if (!Files.isDirectory(backupDir)) return;
        Pattern daily = dailyPattern();
        String tmpPrefix = "." + prefix();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(backupDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = daily.matcher(name);
                boolean stale = (name.startsWith(tmpPrefix) || name.startsWith(stem() + "-daily-")) && name.endsWith(".tmp");
                if (m.matches() && keep > 0) {
                    try {
                        stale = !LocalDate.parse(m.group(1)).isAfter(today.minusDays(keep));
                    } catch (DateTimeParseException e) {
                        stale = false;
                    }
                }
                if (stale) Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove old daily backups in " + backupDir, e);
        }
    }

    private Pattern dailyPattern() {
        return Pattern.compile(Pattern.quote(prefix()) + "(\\d{4}-\\d{2}-\\d{2})\\.db");
    }

    /** How this workspace's daily backups start: {@code <db name>-<workspace id>-daily-}. */
    private String prefix() {
        return stem() + "-" + workspaceId + "-daily-";
    }

    private String stem() {
        String name = db.file().getFileName().toString();
        return name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * System only: records, in a database just restored (before it is moved into place), where it came from and whether its audit
     * chain verified.
     */
    public void recordRestore(Path backup, Path previous, AuditLog.Verification check, User by) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backup", backup.toAbsolutePath().toString());
        details.put("previous", previous == null ? null : previous.toAbsolutePath().toString());
        details.put("auditVerified", check.ok());
        if (!check.ok()) details.put("auditProblem", check.problem());
        if (by != null) details.put("by", by.username());
        db.inWrite(tx -> by == null ? audit.record(tx, "database.restore", "database", null, details)
                : audit.recordAs(tx, by.id(), by.displayName(), "database.restore", "database", null, details));
    }
}
