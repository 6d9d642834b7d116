package io.byline.cli;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyTransferService;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code import --policy FILE [--replace] [--dry-run]}: imports a policy (JSON, or a CSV term list when FILE ends in
 * {@code .csv}) into the database, all or nothing. Without {@code --replace} the file's entries are added to the
 * policy or update the matching ones; with it, entries missing from the file are retired and the allowed phrases and
 * internal domains become the file's. Exit status: 0 imported (or nothing to change), 1 the file was rejected
 * (nothing changed; each problem printed with its line), 2 bad arguments or the database cannot be opened or written.
 * Runs as the system (audited so), then re-checks every post not yet published against the new policy, with
 * progress on standard error.
 */
public final class PolicyImportCommand {
    static final String USAGE = "import --policy FILE [--replace] [--dry-run] — import a policy (JSON or CSV term list), all or nothing";

    private PolicyImportCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, Set.of("--db", "--policy"), Set.of("--replace", "--dry-run"));
            if (o.value("--policy").isEmpty()) throw new IllegalArgumentException("name the file: " + USAGE);
            if (!o.positional().isEmpty()) throw new IllegalArgumentException("unexpected argument " + o.positional().get(0));
        } catch (IllegalArgumentException e) {
            err.println("byline import: " + e.getMessage());
            return 2;
        }
        Path file = Path.of(o.value("--policy").get()).toAbsolutePath();
        boolean replace = o.flag("--replace");
        try (AppContext ctx = AppContext.openExisting(DatabaseLocation.resolve(o.value("--db").orElse(null), System.getenv()), Database.Mode.EXISTING)) {
            PolicyTransferService policy = ctx.policyTransferService();
            PolicyTransferService.ImportPreview preview = policy.previewFile(file, replace);
            if (!preview.ok()) {
                err.println("byline import: " + file + " was rejected; nothing was imported.");
                for (PolicyTransferService.ImportError e : preview.errors()) err.println("  " + describe(e));
                return 1;
            }
            for (PolicyTransferService.ImportWarning w : preview.warnings()) err.println("byline import: warning: " + w.message());
            out.println(summary(preview));
            if (o.flag("--dry-run")) {
                out.println("Dry run: nothing was changed.");
                return 0;
            }
            boolean json = file.getFileName() != null && !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
            if (preview.hasChanges()) {
                PolicyTransferService.ImportResult r = policy.apply(preview);
                out.println("Imported " + file + ": policy version " + r.version() + ".");
            }
            // facts, do-not-engage accounts and quiet periods: the ones the file has replace the stored ones
            io.byline.service.PolicyFactsService.ImportResult f = json ? ctx.policyFactsService().importFile(file) : null;
            if (f != null && f.changed()) {
                out.println("Facts " + f.facts() + ", do-not-engage accounts " + f.accounts() + ", quiet periods " + f.periods()
                        + ": policy version " + f.version() + ".");
            }
            if (!preview.hasChanges() && (f == null || !f.changed())) {
                out.println("The policy already matches " + file.getFileName() + "; nothing to change.");
                return 0;
            }
            // the findings stored with drafts and queued posts were made with the old policy: renew them now
            int[] shown = {-1};
            int rechecked = ctx.policyRecheckService().recheckAll(25, (done, total) -> {
                int pct = (int) (100 * done / Math.max(1, total));
                if (pct / 10 != shown[0] / 10) {
                    shown[0] = pct;
                    err.print("\rRe-checking posts not yet published: " + done + " of " + total + " (" + pct + " %)");
                    err.flush();
                }
            });
            if (shown[0] >= 0) err.println();
            out.println("Re-checked " + rechecked + (rechecked == 1 ? " post" : " posts")
                    + " not yet published against the new policy.");
            return 0;
        } catch (ValidationException e) {
            err.println("byline import: " + String.join("; ", e.fieldErrors().values()) + "; nothing was imported.");
            return 1;
        } catch (StorageException e) {
            return Exit.report("import", e, err, Exit.USAGE);
        }
    }

    static String describe(PolicyTransferService.ImportError e) {
        String where = e.line() > 0 && !e.message().contains("(line ") ? "line " + e.line()
                + (e.column() > 0 ? ", column " + e.column() : "") + ": " : "";
        return where + e.message();
    }

    static String summary(PolicyTransferService.ImportPreview p) {
        return p.added().size() + " added, " + p.changed().size() + " changed, " + p.removed().size() + " removed, "
                + p.unchanged() + " unchanged; allowed phrases +" + p.allowAdded().size() + " -" + p.allowRemoved().size()
                + "; internal domains +" + p.domainsAdded().size() + " -" + p.domainsRemoved().size() + ".";
    }
}
