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
 */
public record DatabaseLocation(Path home, Path database, boolean isDefault) {
    public static final String DEFAULT_FILE = "byline.db";

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
