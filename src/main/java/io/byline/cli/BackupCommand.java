package io.byline.cli;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code backup FILE}: a verified copy of the database through SQLite's {@code VACUUM INTO}, moved into place. */
public final class BackupCommand {
    private BackupCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, Set.of("--db"), Set.of());
            if (o.positional().size() != 1) throw new IllegalArgumentException("name the backup file: backup FILE");
        } catch (IllegalArgumentException e) {
            err.println("byline backup: " + e.getMessage());
            return 2;
        }
        Path target = Path.of(o.positional().get(0)).toAbsolutePath();
        try (AppContext ctx = AppContext.openExisting(DatabaseLocation.resolve(o.value("--db").orElse(null), System.getenv()), Database.Mode.SHARED)) {
            ctx.backupService().backup(target);
            out.println("Backed up " + ctx.location().database() + " to " + target);
            return 0;
        } catch (StorageException e) {
            return Exit.report("backup", e, err, Exit.FAILED);
        }
    }

}
