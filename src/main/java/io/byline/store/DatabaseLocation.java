package io.byline.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Byline keeps its data. The home folder holds the default database, the audit key,
 * backups and preferences; the database may live elsewhere ({@code --db}).
 *
 * @param home      the Byline home folder
 * @param database  the database file
 * @param isDefault whether the database is the home's default one (a new default database is seeded with the demo)
 * @param team      for a team workspace on PostgreSQL, how to reach it (then {@code database} is null); null for a
 *                  workspace in a SQLite file
 */
public record DatabaseLocation(Path home, Path database, boolean isDefault, TeamConnection team) {
    public static final String DEFAULT_FILE = "byline.db";

    /** A workspace in a SQLite file. */
    public DatabaseLocation(Path home, Path database, boolean isDefault) {
        this(home, database, isDefault, null);
    }

    /** A team workspace on PostgreSQL; its audit key, backups and preferences stay in the home folder. */
    public static DatabaseLocation team(Path home, TeamConnection team) {
        return new DatabaseLocation(home, null, false, java.util.Objects.requireNonNull(team));
    }

    /** Whether the workspace is a team workspace on PostgreSQL. */
    public boolean isTeam() {
        return team != null;
    }

    /** What to call the workspace to the user: the database file, or the team server and database (no password). */
    public String describe() {
        return isTeam() ? team.display() : database.toString();
    }

    /**
     * Resolves the location: {@code --db} wins, then the {@code byline.home} system property, then the
     * {@code BYLINE_HOME} environment variable, then {@code ~/.byline}.
     */
    public static DatabaseLocation resolve(String dbOption, Map<String, String> env) {
        Path home = home(env);
        if (dbOption != null && !dbOption.isBlank()) {
            Path db = Path.of(dbOption).toAbsolutePath().normalize();
            return new DatabaseLocation(home, db, db.equals(home.resolve(DEFAULT_FILE)));
        }
        return new DatabaseLocation(home, home.resolve(DEFAULT_FILE), true);
    }

    public static Path home(Map<String, String> env) {
        String prop = System.getProperty("byline.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath().normalize();
        String var = env.get("BYLINE_HOME");
        if (var != null && !var.isBlank()) return Path.of(var).toAbsolutePath().normalize();
        return Path.of(System.getProperty("user.home"), ".byline").toAbsolutePath().normalize();
    }

    public Path backups() {
        return home.resolve("backups");
    }

    public Path keys() {
        return home.resolve("keys");
    }
}
