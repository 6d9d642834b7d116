package io.byline.cli;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code export --policy FILE}: writes the active policy in the JSON import format (through a temporary file moved
 * into place, so a crash never leaves a truncated policy). The export is recorded in the audit log. Exit status: 0
 * written, 1 the file could not be written, 2 bad arguments or the database cannot be opened.
 */
public final class PolicyExportCommand {
    static final String USAGE = "export --policy FILE — write the policy as JSON (the import format)";

    private PolicyExportCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, Set.of("--db", "--policy"), Set.of());
            if (o.value("--policy").isEmpty()) throw new IllegalArgumentException("name the file: " + USAGE);
            if (!o.positional().isEmpty()) throw new IllegalArgumentException("unexpected argument " + o.positional().get(0));
        } catch (IllegalArgumentException e) {
            err.println("byline export: " + e.getMessage());
            return 2;
        }
        Path file = Path.of(o.value("--policy").get()).toAbsolutePath();
        AppContext ctx;
        try {
            ctx = AppContext.openExisting(DatabaseLocation.resolve(o.value("--db").orElse(null), System.getenv()), Database.Mode.EXISTING);
        } catch (StorageException e) {
            return Exit.report("export", e, err, Exit.USAGE);
        }
        try (ctx) {
            int n = ctx.policyTransferService().exportTo(file);
            out.println("Exported " + n + " polic" + (n == 1 ? "y entry" : "y entries") + " to " + file + ".");
            return 0;
        } catch (StorageException e) {
            return Exit.report("export", e, err, Exit.FAILED);
        }
    }
}
