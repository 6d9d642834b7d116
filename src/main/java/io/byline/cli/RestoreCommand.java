package io.byline.cli;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.service.PasswordHasher;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code restore FILE [--accept-unverified]}: replaces the database with a backup. The backup's integrity and version
 * are checked first; refused while another Byline has the database open (the lock is held until the restored database
 * is in place), and when the database named does not exist (nothing is created); a backup whose audit log does not
 * verify is refused (exit 1) unless {@code --accept-unverified}; the current database (with its -wal and -shm) is kept
 * as {@code <name>.replaced-<time>}, not deleted; the restore is recorded in the restored database's audit log.
 */
public final class RestoreCommand {
    static final String USAGE = "restore FILE [--accept-unverified] — replace the database with a backup (checked first;"
            + " the current one is kept as <name>.replaced-<time>)";

    private RestoreCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, Set.of("--db"), Set.of("--accept-unverified"));
            if (o.positional().size() != 1) throw new IllegalArgumentException("name the backup file: " + USAGE);
        } catch (IllegalArgumentException e) {
            err.println("byline restore: " + e.getMessage());
            return Exit.USAGE;
        }
        Path backup = Path.of(o.positional().get(0)).toAbsolutePath();
        DatabaseLocation location = DatabaseLocation.resolve(o.value("--db").orElse(null), System.getenv());
        try {
            Database.requireExists(location.database());
            AppContext.Restored r = AppContext.restore(location, backup, new PasswordHasher(), o.flag("--accept-unverified"), null);
            try (AppContext ctx = r.context()) {
                out.println("Restored " + ctx.location().database() + " from " + backup + ".");
                if (r.previous() != null) out.println("The database it replaced was kept as " + r.previous() + ".");
                if (r.auditCheck().ok()) {
                    out.println("Its audit log verifies (" + r.auditCheck().entries() + " entries before the restore).");
                } else {
                    out.println("WARNING: its audit log does not verify: " + r.auditCheck().problem()
                            + ". It was restored because --accept-unverified was given.");
                }
            }
            return Exit.OK;
        } catch (StorageException e) {
            return Exit.report("restore", e, err, Exit.FAILED);
        }
    }
}
