package io.byline.cli;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.service.AuditService;
import io.byline.store.AuditLog;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * {@code verify-audit}: checks the audit chain. Exit 0 when it holds, 1 naming the first bad entry, 2 on bad
 * arguments or an unreadable database. {@code --checkpoint FILE} also checks that the log still reaches a
 * checkpoint saved earlier; {@code --write-checkpoint FILE} saves one (last sequence and MAC) to keep elsewhere.
 */
public final class VerifyAuditCommand {
    private VerifyAuditCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args, Set.of("--db", "--checkpoint", "--write-checkpoint"), Set.of());
            if (!o.positional().isEmpty()) throw new IllegalArgumentException("unexpected " + o.positional().get(0));
        } catch (IllegalArgumentException e) {
            err.println("byline verify-audit: " + e.getMessage());
            return 2;
        }
        long cpSeq = -1;
        String cpMac = null;
        String cpWorkspace = null;
        Path cp = o.value("--checkpoint").map(Path::of).orElse(null);
        if (cp != null) {
            try (var reader = Files.newBufferedReader(cp, StandardCharsets.UTF_8)) {
                Properties p = new Properties();
                p.load(reader);
                cpSeq = Long.parseLong(p.getProperty("seq", "").strip());
                cpMac = p.getProperty("mac", "").strip();
                cpWorkspace = p.getProperty("workspace");
                if (cpSeq < 1) throw new IllegalArgumentException("bad seq");
                if (!cpMac.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("bad mac");
            } catch (IOException | IllegalArgumentException e) {
                err.println("byline verify-audit: cannot read the checkpoint " + cp + " (" + e.getMessage() + ")");
                return 2;
            }
        }
        try (AppContext ctx = AppContext.openExisting(DatabaseLocation.resolve(o.value("--db").orElse(null), System.getenv()), Database.Mode.SHARED)) {
            for (Path exposed : ctx.exposedKeys()) {
                err.println("byline verify-audit: warning: " + exposed + " can be read by other users of this computer;"
                        + " make it private (chmod go-rwx) so the audit key stays secret.");
            }
            String workspace = ctx.workspaceService().id();
            if (cpWorkspace != null && !cpWorkspace.strip().equals(workspace)) {
                err.println("byline verify-audit: the checkpoint " + cp + " belongs to workspace " + cpWorkspace.strip()
                        + ", not to this database's workspace " + workspace + ".");
                return 2;
            }
            AuditLog.Verification v = ctx.auditService().verify(cpSeq, cpMac);
            if (!v.ok()) {
                out.println("The audit log does NOT verify: " + v.problem() + ". First bad entry: " + v.firstBad() + ".");
                err.println("byline verify-audit: entry " + v.firstBad() + " " + v.kind().name().toLowerCase(java.util.Locale.ROOT));
                return 1;
            }
            out.println("The audit log verifies: " + v.entries() + " entries, last " + v.lastSeq() + "."
                    + (cp != null ? " It still reaches the checkpoint at entry " + cpSeq + "." : ""));
            if (o.value("--write-checkpoint").isPresent()) {
                Path target = Path.of(o.value("--write-checkpoint").get()).toAbsolutePath();
                AuditService.Checkpoint written = ctx.auditService().writeCheckpoint(target, workspace);
                out.println("Checkpoint written to " + target + " (entry " + written.seq() + ").");
            }
            return 0;
        } catch (StorageException e) {
            return Exit.report("verify-audit", e, err, Exit.USAGE);
        }
    }
}
