package io.byline.store;

import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The Byline database: one SQLite file, opened once per process, guarded by a lock file so a
 * second Byline is refused. Every unit of work runs through {@link #write} ({@code BEGIN IMMEDIATE})
 * or {@link #read}; failures come out as {@link StorageException}s that say what to do.
 */
public final class Database implements Transactor, AutoCloseable {
    /** {@code PRAGMA application_id} of every Byline database: "BYLN". */
    public static final int APPLICATION_ID = 0x42594C4E;
    static final int BUSY_TIMEOUT_MS = 5000;
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection connection;
    private final ReentrantLock mutex = new ReentrantLock();
    private final boolean created;

    private Database(Path file, FileChannel lockChannel, FileLock lock, Connection connection, boolean created) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.connection = connection;
        this.created = created;
    }

    /** Opens (creating if needed) and migrates the database with the bundled migrations. */
    public static Database open(Path file, Path backupDir) {
        return open(file, backupDir, Migration.bundled());
    }

    /**
     * Opens the database: takes the single-instance lock, refuses a file that is not a usable Byline
     * database without writing to it, then applies the migrations it lacks (each in one transaction,
     * after a backup of an existing database).
     */
    public static Database open(Path file, Path backupDir, List<Migration> migrations) {
        Path db = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new StorageException(Kind.FAILED, "Cannot create the folder " + db.getParent() + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        FileLock fileLock;
        Path lockFile = db.resolveSibling(db.getFileName() + ".lock");
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            fileLock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            fileLock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(Kind.FAILED, "Cannot open the lock file " + lockFile + ": " + e.getMessage(), e);
        }
        if (fileLock == null) {
            closeQuietly(channel);
            throw new StorageException(Kind.LOCKED, "Another Byline already has the database " + db
                    + " open. Close it there first, or start Byline on another database with --db.");
        }
        Connection conn = null;
        try {
            DatabaseInfo info = DatabaseInfo.inspect(db);
            int latest = migrations.size();
            info.requireUsable(latest);
            conn = connect(db);
            Database database = new Database(db, channel, fileLock, conn, info.isNew());
            database.migrate(info.userVersion(), migrations, backupDir);
            return database;
        } catch (RuntimeException e) {
            closeQuietly(conn);
            releaseQuietly(fileLock);
            closeQuietly(channel);
            throw e;
        }
    }

    static Connection connect(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setOpenMode(SQLiteOpenMode.READWRITE);
        config.setOpenMode(SQLiteOpenMode.CREATE);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
        } catch (SQLException e) {
            throw translate(e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw nativeLibraryFailure(e);
        }
    }

    static StorageException nativeLibraryFailure(Throwable e) {
        return new StorageException(Kind.FAILED, "SQLite's native library could not be loaded (" + e
                + "). Its temporary folder may not allow running programs: start Byline with "
                + "-Dorg.sqlite.tmpdir=<a folder you own that allows execution>.", e);
    }

    private void migrate(int from, List<Migration> migrations, Path backupDir) {
        if (from >= migrations.size()) return;
        if (from > 0) {
            Path backup = backupDir.resolve(file.getFileName() + ".pre-v" + (from + 1) + "-"
                    + LocalDateTime.now().format(STAMP) + ".db");
            backupTo(backup);
            LOG.info(() -> "Backed up the database before upgrading it: " + backup);
        }
        for (Migration m : migrations) {
            if (m.version() <= from) continue;
            try {
                write(c -> {
                    try (Statement st = c.createStatement()) {
                        for (String sql : m.statements()) st.executeUpdate(sql);
                        st.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                        st.executeUpdate("PRAGMA user_version = " + m.version());
                    }
                    return null;
                });
            } catch (StorageException e) {
                throw new StorageException(e.kind() == Kind.FAILED ? Kind.UNUSABLE : e.kind(),
                        "Upgrading the database to version " + m.version() + " (" + m.name()
                                + ") failed; the database was left as it was and the upgrade will be tried again"
                                + " at the next start. " + e.getMessage(), e);
            }
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Whether this open created the database (it was missing or empty). */
    public boolean wasCreated() {
        return created;
    }

    /** Runs a unit of work in one write transaction ({@code BEGIN IMMEDIATE}): all of it is saved, or none. */
    public <T> T write(SqlWork<T> work) {
        mutex.lock();
        try {
            execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                if (e instanceof SQLException sql) throw translate(sql);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public <T> T inWrite(TxWork<T> work) {
        return write(c -> work.run(new Tx(c)));
    }

    @Override
    public <T> T inRead(TxWork<T> work) {
        return read(c -> work.run(new Tx(c)));
    }

    /** Runs reads in one consistent snapshot. */
    public <T> T read(SqlWork<T> work) {
        mutex.lock();
        try {
            execute("BEGIN");
            try {
                return work.run(connection);
            } finally {
                rollbackQuietly();
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Writes a consistent copy of the database to {@code target} through {@code VACUUM INTO}: first to a
     * temporary file beside it, which is checked, then moved into place. Never a file copy.
     */
    public void backupTo(Path target) {
        Path dest = target.toAbsolutePath().normalize();
        Path tmp = dest.resolveSibling(dest.getFileName() + ".tmp");
        mutex.lock();
        try {
            Files.createDirectories(dest.getParent());
            Files.deleteIfExists(tmp);
            try (var ps = connection.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toString());
                ps.executeUpdate();
            }
            DatabaseInfo info = DatabaseInfo.inspect(tmp);
            if (!info.integrityOk() || info.applicationId() != APPLICATION_ID) {
                throw new StorageException(Kind.FAILED, "The backup written to " + tmp + " did not verify; it was removed.");
            }
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw translate(e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new StorageException(Kind.FAILED, "Cannot write the backup " + dest + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        } finally {
            mutex.unlock();
        }
    }

    /** {@code PRAGMA integrity_check} result: "ok" when the file is sound. */
    public String integrityCheck() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    /** Limits the file to {@code pages} pages; used to test how a full disk is handled. */
    void limitPages(long pages) {
        mutex.lock();
        try (Statement st = connection.createStatement()) {
            st.executeQuery("PRAGMA max_page_count = " + pages).close();
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            mutex.unlock();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private void rollbackQuietly() {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("ROLLBACK");
        } catch (SQLException ignored) {
            // After SQLITE_FULL or a failed COMMIT, SQLite may already have rolled back: nothing is active.
        }
    }

    /** Turns a driver error into a message for the user. */
    public static StorageException translate(SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code & 0xFF : e.getErrorCode() & 0xFF;
        return switch (code) {
            case 13 -> new StorageException(Kind.DISK_FULL,
                    "Disk full — nothing was saved. Free some space on the disk and try again.", e);
            case 5, 6 -> new StorageException(Kind.BUSY,
                    "The database is busy: another program (perhaps an import) is writing to it. Nothing was saved; try again in a moment.", e);
            case 11, 26 -> new StorageException(Kind.UNUSABLE,
                    "The database file is damaged or is not a Byline database. Restore it from a backup.", e);
            default -> new StorageException(Kind.FAILED, "The database reported an error: " + e.getMessage(), e);
        };
    }

    @Override
    public void close() {
        mutex.lock();
        try {
            closeQuietly(connection);
            releaseQuietly(lock);
            closeQuietly(lockChannel);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Moves an unusable database aside, with its {@code -wal} and {@code -shm} files, so a fresh one can
     * be started or a backup restored in its place. Returns where the database file went.
     */
    public static Path moveAside(Path file) {
        Path db = file.toAbsolutePath().normalize();
        String suffix = ".unusable-" + LocalDateTime.now().format(STAMP);
        Path moved = db.resolveSibling(db.getFileName() + suffix);
        try {
            for (String ext : new String[] {"-wal", "-shm", ""}) {
                Path p = db.resolveSibling(db.getFileName() + ext);
                if (Files.exists(p)) {
                    Files.move(p, db.resolveSibling(db.getFileName() + suffix + ext), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new StorageException(Kind.FAILED, "Cannot move " + db + " aside: " + e.getMessage(), e);
        }
        return moved;
    }

    /**
     * Replaces the (closed) database at {@code target} with a verified copy of {@code backup}. The backup must
     * pass the integrity check and be of a version this Byline understands; the current file is moved aside first.
     */
    public static void restore(Path backup, Path target, int latestVersion) {
        DatabaseInfo info = DatabaseInfo.inspect(backup);
        if (info.isNew()) throw new StorageException(Kind.UNUSABLE, "The backup " + backup + " is empty.");
        info.requireUsable(latestVersion);
        Path dest = target.toAbsolutePath().normalize();
        Path tmp = dest.resolveSibling(dest.getFileName() + ".restore.tmp");
        try {
            Files.createDirectories(dest.getParent());
            Files.deleteIfExists(tmp);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup.toAbsolutePath());
                 var ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toString());
                ps.executeUpdate();
            }
            if (Files.exists(dest)) moveAside(dest);
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw translate(e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new StorageException(Kind.FAILED, "Cannot restore into " + dest + ": " + e.getMessage(), e);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    private static void releaseQuietly(FileLock l) {
        if (l == null) return;
        try {
            l.release();
        } catch (IOException e) {
            LOG.log(Level.FINE, "release failed", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.FINE, "delete failed", e);
        }
    }
}
