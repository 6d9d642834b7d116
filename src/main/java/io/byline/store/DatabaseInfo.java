package io.byline.store;

import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;

/**
 * What a database file is, read without writing to it: its {@code application_id}, {@code user_version},
 * whether it has any tables and whether {@code quick_check} passes.
 *
 * @param problem null when the file could be read, else why not
 */
public record DatabaseInfo(Path file, boolean exists, int applicationId, int userVersion, int tables,
                           boolean integrityOk, String problem) {

    /**
     * A missing file, or an SQLite file with no tables, no id and no version: Byline may create its schema there. An
     * existing empty file is not new: Byline does not create one, so it is refused untouched.
     */
    public boolean isNew() {
        return problem == null && (!exists || (tables == 0 && applicationId == 0 && userVersion == 0));
    }

    /** Inspects the file through a read-only connection; never writes to it. */
    public static DatabaseInfo inspect(Path file) {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            // An empty file with a non-empty -wal is a database whose first writes were never checkpointed
            // (the process was killed): it must be read through SQLite, not taken as new.
            if (!Files.exists(file)) {
                return new DatabaseInfo(file, false, 0, 0, 0, true, null);
            }
            if (Files.size(file) == 0 && !(Files.exists(wal) && Files.size(wal) > 0)) {
                // Byline never leaves an empty file behind: someone else made it. It is not a database to write into.
                return new DatabaseInfo(file, true, 0, 0, 0, false, "the file is empty");
            }
        } catch (java.io.IOException e) {
            return new DatabaseInfo(file, true, 0, 0, 0, false, e.getMessage());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MS);
        try (Connection c = DriverManager.getConnection(Database.jdbcUrl(file), config.toProperties());
             Statement st = c.createStatement()) {
            int appId = intPragma(st, "PRAGMA application_id");
            int version = intPragma(st, "PRAGMA user_version");
            int tables;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                tables = rs.next() ? rs.getInt(1) : 0;
            }
            boolean ok;
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                ok = rs.next() && "ok".equals(rs.getString(1));
            }
            return new DatabaseInfo(file, true, appId, version, tables, ok, null);
        } catch (SQLException e) {
            if (Database.isNativeLibraryFailure(e)) throw Database.nativeLibraryFailure(e);
            return new DatabaseInfo(file, true, 0, 0, 0, false, e.getMessage());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw Database.nativeLibraryFailure(e);
        }
    }

    private static int intPragma(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Why Byline may not open this file, in a few words ("it is a database of another program"), or empty when it
     * may. Used for backups about to be restored; {@link #requireUsable} words it for the live database.
     */
    public java.util.Optional<String> problemWith(int latestVersion) {
        if (isNew()) return java.util.Optional.empty();
        if (problem != null) return java.util.Optional.of("it is not an SQLite database or is damaged (" + problem + ")");
        if (applicationId != Database.APPLICATION_ID) return java.util.Optional.of("it is a database of another program, not Byline");
        if (userVersion > latestVersion) {
            return java.util.Optional.of("it was written by a newer Byline (schema version " + userVersion
                    + "; this Byline knows up to " + latestVersion + ")");
        }
        if (!integrityOk) return java.util.Optional.of("it failed its integrity check");
        return java.util.Optional.empty();
    }

    /** Throws, with a message that says what to do, unless Byline may open and write to this file. */
    public void requireUsable(int latestVersion) {
        if (isNew()) return;
        if (problem != null) {
            throw new StorageException(Kind.UNUSABLE, "The file " + file + " is not a Byline database or is damaged ("
                    + problem + "). Byline has not changed it. Move it aside and start a new workspace, or restore a backup.");
        }
        if (applicationId != Database.APPLICATION_ID) {
            throw new StorageException(Kind.UNUSABLE, "The file " + file + " is a database of another program, not Byline."
                    + " Byline has not changed it. Choose another file with --db.");
        }
        if (userVersion > latestVersion) {
            throw new StorageException(Kind.UNUSABLE, "The database " + file + " was written by a newer Byline (schema version "
                    + userVersion + "; this Byline knows up to " + latestVersion + "). Byline has not changed it. Update Byline to open it.");
        }
        if (!integrityOk) {
            throw new StorageException(Kind.UNUSABLE, "The database " + file + " failed its integrity check."
                    + " Byline has not changed it. Restore it from a backup.");
        }
    }
}
