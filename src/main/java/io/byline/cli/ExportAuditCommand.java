package io.byline.cli;

import io.byline.AppContext;
import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.domain.StorageException;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * {@code export-audit FILE}: writes the audit log (or the entries matching the filters) as JSON lines, or as CSV when
 * FILE ends in {@code .csv} or {@code --format csv} is given. Each entry keeps its MAC and the MAC it chains from.
 */
public final class ExportAuditCommand {
    static final String USAGE = "export-audit FILE [--format jsonl|csv] [--user NAME] [--type TYPE|PREFIX*]"
            + " [--entity TYPE[:ID]] [--from DATE] [--to DATE] — export the audit log";

    private ExportAuditCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        ExportFormat format;
        AuditFilter filter = AuditFilter.ALL;
        try {
            o = Options.parse(args, Set.of("--db", "--format", "--user", "--type", "--entity", "--from", "--to"), Set.of());
            if (o.positional().size() != 1) throw new IllegalArgumentException("name the file to write: " + USAGE);
            String name = o.positional().get(0);
            format = o.value("--format").map(f -> switch (f.toLowerCase(Locale.ROOT)) {
                case "csv" -> ExportFormat.CSV;
                case "jsonl", "json" -> ExportFormat.JSONL;
                default -> throw new IllegalArgumentException("--format must be jsonl or csv, not " + f);
            }).orElse(ExportFormat.forFile(name));
            if (o.value("--type").isPresent()) filter = filter.withType(o.value("--type").get());
            if (o.value("--entity").isPresent()) {
                String[] parts = o.value("--entity").get().split(":", 2);
                filter = filter.withEntity(parts[0], parts.length > 1 ? parts[1] : null);
            }
            Instant from = o.value("--from").map(v -> instant(v, false)).orElse(null);
            Instant to = o.value("--to").map(v -> instant(v, true)).orElse(null);
            filter = filter.withPeriod(from, to);
        } catch (IllegalArgumentException e) {
            err.println("byline export-audit: " + e.getMessage());
            return 2;
        }
        Path target = Path.of(o.positional().get(0)).toAbsolutePath();
        try (AppContext ctx = AppContext.openExisting(DatabaseLocation.resolve(o.value("--db").orElse(null), System.getenv()), Database.Mode.SHARED)) {
            if (o.value("--user").isPresent()) {
                String user = o.value("--user").get();
                Long id = ctx.auditService().actorIdFor(user).orElse(null);
                if (id == null) {
                    err.println("byline export-audit: there is no user " + user + ".");
                    return 2;
                }
                filter = filter.withActor(id);
            }
            long n = ctx.auditService().export(target, format, filter);
            out.println("Exported " + n + " audit entr" + (n == 1 ? "y" : "ies") + " to " + target + " (" + format.name().toLowerCase(Locale.ROOT) + ").");
            return 0;
        } catch (StorageException e) {
            return Exit.report("export-audit", e, err, Exit.FAILED);
        }
    }

    /** A date ({@code 2026-03-01}, UTC; as an end, the whole day is included) or an instant ({@code 2026-03-01T10:00:00Z}). */
    static Instant instant(String v, boolean end) {
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (end ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (2026-03-01) or instant (2026-03-01T10:00:00Z): " + v);
        }
    }
}
