package io.byline.cli;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.service.PasswordHasher;
import io.byline.store.DatabaseLocation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code restore FILE}: replaces the database with a backup. The backup's integrity and version are checked first;
 * refused while another Byline has the database open; the current database (with its -wal and -shm) is moved aside,
 * not deleted; the restore is recorded in the restored database's audit log.
 */
public final class RestoreCommand {
    private RestoreCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, Set.of("--db"), Set.of());
            if (o.positional().size() != 1) throw new IllegalArgumentException("name the backup file: restore FILE");
        } catch (IllegalArgumentException e) {
            err.println("byline restore: " + e.getMessage());
            return 2;
        }
        Path backup = Path.of(o.positional().get(0)).toAbsolutePath();
        DatabaseLocation location = DatabaseLocation.resolve(o.value("--db").orElse(null), System.getenv());
        try {
            AppContext.Restored r = AppContext.restore(location, backup, new PasswordHasher());
            try (AppContext ctx = r.context()) {
                out.println("Restored " + ctx.location().database() + " from " + backup + ".");
                if (r.previous() != null) out.println("The database it replaced was moved to " + r.previous() + ".");
                if (r.auditCheck().ok()) {
                    out.println("Its audit log verifies (" + r.auditCheck().entries() + " entries before the restore).");
                } else {
                    out.println("WARNING: its audit log does not verify: " + r.auditCheck().problem()
                            + ". Run verify-audit for details.");
                }
            }
            return 0;
        } catch (StorageException e) {
            err.println("byline restore: " + e.getMessage());
            return 1;
        }
    }
}
