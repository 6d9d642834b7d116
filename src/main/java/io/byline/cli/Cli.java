package io.byline.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headless commands: {@code java -jar byline.jar VERB [options]}. Each verb returns its exit status.
 * Global option: {@code --db FILE} (otherwise {@code BYLINE_HOME} or {@code ~/.byline}).
 */
public final class Cli {
    /** A headless command. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private record Verb(String summary, Command command) {}

    private static final Map<String, Verb> VERBS = new LinkedHashMap<>();

    static {
        register("check", "check --policy POLICY.json --input POSTS.jsonl [--output FINDINGS.jsonl] — validate posts against a policy", CheckCommand::run);
        register("backup", "backup FILE — write a verified copy of the database to FILE", BackupCommand::run);
        register("restore", RestoreCommand.USAGE, RestoreCommand::run);
        register("verify-audit", "verify-audit [--checkpoint FILE] [--write-checkpoint FILE] — check the audit chain", VerifyAuditCommand::run);
        register("export-audit", ExportAuditCommand.USAGE, ExportAuditCommand::run);
        register("import", PolicyImportCommand.USAGE, PolicyImportCommand::run);
        register("export", PolicyExportCommand.USAGE, PolicyExportCommand::run);
    }

    private Cli() {}

    static void register(String verb, String summary, Command command) {
        VERBS.put(verb, new Verb(summary, command));
    }

    /** Whether the arguments name a verb (so no window opens). */
    public static boolean isCommand(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) return true;
            if (VERBS.containsKey(a)) return true;
        }
        return false;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        String verb = null;
        for (String a : rest) {
            if (VERBS.containsKey(a)) {
                verb = a;
                break;
            }
        }
        if (verb == null) {
            usage(out);
            return rest.contains("--help") || rest.contains("-h") ? 0 : 2;
        }
        rest.remove(verb);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: java -jar byline.jar " + VERBS.get(verb).summary());
            return 0;
        }
        return VERBS.get(verb).command().run(rest.toArray(String[]::new), out, err);
    }

    static void usage(PrintStream out) {
        out.println("Byline — drafting, approval and risk review for executives' posts.");
        out.println();
        out.println("usage: java -jar byline.jar [--db FILE] [--empty]      open the app (--empty: a new default workspace without the demo)");
        out.println("       java -jar byline.jar VERB [--db FILE] [options]  run a command without a window");
        out.println();
        out.println("verbs:");
        for (var e : VERBS.entrySet()) out.println("  " + e.getValue().summary());
        out.println();
        out.println("The database is FILE with --db, else $BYLINE_HOME/byline.db, else ~/.byline/byline.db; a verb never creates it.");
        out.println("Exit status: " + Exit.OK + " done, " + Exit.FAILED + " failed, " + Exit.USAGE + " bad arguments, no such database"
                + " or a file Byline will not write, " + Exit.LOCKED + " another Byline has the database open.");
    }
}
