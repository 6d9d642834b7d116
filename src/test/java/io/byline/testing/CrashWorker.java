package io.byline.testing;

import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.service.AuditService;
import io.byline.service.Session;
import io.byline.service.WorkspaceService;
import io.byline.store.AuditLog;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;
import io.byline.store.SettingsRepository;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * The child process of the fault tests: it opens a workspace, does what it is told, prints markers on standard output
 * and waits to be killed. Usage: {@code CrashWorker MODE HOME DB [ARG]}.
 */
public final class CrashWorker {
    private CrashWorker() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        DatabaseLocation location = new DatabaseLocation(Path.of(args[1]), Path.of(args[2]), false);
        if (mode.equals("hold-lock")) {
            try (Database db = Database.open(location.database(), location.backups())) {
                say("LOCKED");
                Thread.sleep(120_000);
            }
            return;
        }
        SettingsRepository settings = new SettingsRepository();
        // Only the store and the audit service: a child JVM starts fast when it loads no more than the fault needs.
        try (Lean ctx = Lean.open(location)) {
            switch (mode) {
                case "big-transaction" -> {
                    ctx.database().inWrite(tx -> {
                        settings.put(tx, "committed", "yes");
                        return ctx.auditService().record(tx, "test.committed", "test", 1, Map.of());
                    });
                    say("COMMITTED");
                    ctx.database().inWrite(tx -> {
                        String big = "x".repeat(8000);
                        for (int i = 0; i < 1500; i++) {
                            settings.put(tx, "big" + i, big);
                            ctx.auditService().record(tx, "test.big", "test", i, Map.of("i", i));
                        }
                        say("IN-TRANSACTION");
                        sleep(120_000);
                        return null;
                    });
                }
                case "stream" -> {
                    Random random = new Random(Long.parseLong(args[3]));
                    for (int i = 1; ; i++) {
                        int n = i;
                        ctx.database().inWrite(tx -> {
                            settings.put(tx, "tick", Integer.toString(n));
                            settings.put(tx, "tick.payload." + (n % 50), "p".repeat(random.nextInt(3000)));
                            return ctx.auditService().record(tx, "test.tick", "test", n, Map.of("n", n));
                        });
                        if (i == 1) say("STARTED");
                    }
                }
                case "backup-loop" -> {
                    Path target = Path.of(args[3]);
                    say("STARTED");
                    while (true) ctx.database().backupTo(target);
                }
                case "export-loop" -> {
                    Path target = Path.of(args[3]);
                    say("STARTED");
                    while (true) ctx.auditService().export(target, ExportFormat.JSONL, AuditFilter.ALL);
                }
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    /** The database with its audit log, as AppContext wires them, without the rest of the application. */
    private record Lean(Database database, AuditService auditService) implements AutoCloseable {
        static Lean open(DatabaseLocation location) {
            Database db = Database.open(location.database(), location.backups());
            String workspace = WorkspaceService.ensureId(db, new SettingsRepository());
            AuditLog log = AuditLog.forWorkspace(db, location.keys(), workspace);
            return new Lean(db, new AuditService(db, log, new Session()));
        }

        @Override
        public void close() {
            database.close();
        }
    }

    private static void say(String marker) {
        System.out.println(marker);
        System.out.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
