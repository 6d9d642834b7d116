package io.byline.store;

import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;

import org.sqlite.SQLiteConfig;

/** Restoring a backup over the database: checked, staged, then moved into place under the single-instance lock. */
public final class DatabaseRestore {
    private DatabaseRestore() {}

    /** A restored database, open, and where the database it replaced was moved (null when there was none). */
    public record Restored(Database database, Path previous) {}

    /**
     * Replaces the database at {@code target} with a copy of {@code backup} and opens it. Refused, with nothing
     * changed, while another Byline holds the database, or when the backup is not a sound Byline database of a version
     * this Byline understands. The copy is made through SQLite ({@code VACUUM INTO}) to a temporary file, opened and
     * upgraded there, handed to {@code prepare} with the name the current database will be moved to (it checks the
     * audit key and records the restore; throwing leaves everything as it was), and only then
     * moved into place; the current database, with its {@code -wal} and {@code -shm}, is first moved aside to
     * {@code <name>.replaced-<time>}. The single-instance lock is held throughout (and by the database returned). A
     * {@link RestoreJournal} names the file moved aside until the new one is in place, so a crash between the two moves
     * is undone at the next open instead of starting an empty workspace.
     */
    public static Restored restoreFrom(Path backup, Path target, Path backupDir, List<Migration> migrations,
                                       BiConsumer<Database, Path> prepare) {
        Path src = SafeFiles.real(backup);
        Path dest = Database.realPath(target);
        Database.Lock lock = Database.Lock.acquire(dest);
        Path tmp = dest.resolveSibling(dest.getFileName() + ".restore.tmp");
        Path previous = null;
        boolean movedAside = false;
        try {
            RestoreJournal.recover(dest);
            if (SafeFiles.companion(src, dest) != null) {
                throw new StorageException(Kind.UNUSABLE, "The backup " + src + " is the database itself (or one of its"
                        + " files), not a backup of it. Choose a backup file.");
            }
            DatabaseInfo info = DatabaseInfo.inspect(src);
            String why = !Files.exists(src) ? "there is no such file"
                    : !Files.isRegularFile(src) ? "it is not a file"
                    : !info.exists() ? "the file is empty"
                    : info.problemWith(migrations.size()).orElse(null);
            if (why != null) {
                throw new StorageException(Kind.UNUSABLE, "The backup " + src + " cannot be restored: " + why
                        + ". The current database was not changed.");
            }
            deleteStaged(tmp);
            boolean exists = Files.exists(dest) || Files.exists(dest.resolveSibling(dest.getFileName() + "-wal"));
            String asideSuffix = exists ? Database.asideSuffix(dest, ".replaced-") : null;
            previous = exists ? dest.resolveSibling(dest.getFileName() + asideSuffix) : null;
            SQLiteConfig readOnly = new SQLiteConfig();
            readOnly.setReadOnly(true);
            try (Connection c = DriverManager.getConnection(Database.jdbcUrl(src), readOnly.toProperties());
                 var ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toString());
                ps.executeUpdate();
            }
            try (Database staged = Database.open(tmp, backupDir, migrations)) {
                if (!"ok".equals(staged.integrityCheck())) {
                    throw new StorageException(Kind.UNUSABLE, "The backup " + src + " cannot be restored: it failed its"
                            + " integrity check. The current database was not changed.");
                }
                prepare.accept(staged, previous);
            }
            for (String ext : new String[] {"-wal", "-shm", ".lock"}) {
                Path p = tmp.resolveSibling(tmp.getFileName() + ext);
                if (ext.equals("-wal") && Files.exists(p) && Files.size(p) > 0) {
                    throw new StorageException(Kind.FAILED, "The restored copy " + tmp + " was not closed cleanly; the current database was not changed.");
                }
                Files.deleteIfExists(p);
            }
            Database.force(tmp);
            SafeFiles.makePrivate(tmp);
            if (exists) {
                RestoreJournal.begin(dest, previous);
                Database.moveAside(dest, asideSuffix);
                movedAside = true;
                betweenMoves.run();
            }
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            SafeFiles.forceDirectory(dest.getParent());
            RestoreJournal.end(dest);
            return new Restored(Database.openLocked(dest, lock, backupDir, migrations), previous);
        } catch (SQLException e) {
            undo(dest, tmp, previous, movedAside, lock);
            throw Database.translate(e);
        } catch (IOException e) {
            undo(dest, tmp, previous, movedAside, lock);
            throw new StorageException(Kind.FAILED, "Cannot restore into " + dest + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            undo(dest, tmp, previous, movedAside, lock);
            throw e;
        }
    }

    /** Fault injection for tests: runs after the current database was moved aside, before the new one is moved in. */
    static volatile Runnable betweenMoves = () -> { };

    /** After a failed restore: the staged copy removed, the replaced database put back if it had been moved. */
    private static void undo(Path dest, Path tmp, Path previous, boolean movedAside, Database.Lock lock) {
        try {
            if (movedAside) RestoreJournal.recover(dest);
            deleteStaged(tmp);
        } finally {
            lock.release();
        }
    }

    private static void deleteStaged(Path tmp) {
        for (String ext : new String[] {"", "-wal", "-shm", "-journal", ".lock"}) {
            SafeFiles.deleteQuietly(tmp.resolveSibling(tmp.getFileName() + ext));
        }
    }
}
