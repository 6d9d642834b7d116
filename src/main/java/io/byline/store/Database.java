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
    private final Lock lock;
    private final Connection connection;
    /**
     * One unit of work at a time on the connection, in the order they asked for it (fair): a screen's reads, asked for
     * when it opens, are not overtaken by the badge counts the window starts just after them.
     */
    private final ReentrantLock mutex = new ReentrantLock(true);
    private final boolean created;
    private boolean closed;

    private Database(Path file, Lock lock, Connection connection, boolean created) {
        this.file = file;
        this.lock = lock;
        this.connection = connection;
        this.created = created;
        SafeFiles.protectDatabase(file);
    }

    /** How a database is opened. */
    public enum Mode {
        /** The app: takes the single-instance lock; creates a missing database; upgrades an older one. */
        CREATE,
        /** A headless command that changes the workspace: takes the lock; the database must exist; upgrades it. */
        EXISTING,
        /**
         * A headless command that only reads (and records what it did): no single-instance lock, so it works while the
         * app has the workspace open (writes still serialise through SQLite); the database must exist and be of this
         * Byline's version; it is never upgraded.
         */
        SHARED
    }

    /** Opens (creating if needed) and migrates the database with the bundled migrations. */
    public static Database open(Path file, Path backupDir) {
        return open(file, backupDir, Migration.bundled());
    }

    public static Database open(Path file, Path backupDir, List<Migration> migrations) {
        return open(file, backupDir, migrations, Mode.CREATE);
    }

    /**
     * Opens the database at its real path (symbolic links followed, so two names of one file share one lock): takes the
     * single-instance lock (not in {@link Mode#SHARED}), refuses a file that is not a usable Byline database without
     * writing to it, then applies the migrations it lacks (each in one transaction, after a backup of an existing
     * database).
     */
    public static Database open(Path file, Path backupDir, List<Migration> migrations, Mode mode) {
        Path db = realPath(file);
        if (mode != Mode.CREATE) requireExists(db);
        if (mode == Mode.SHARED) return openShared(db, migrations.size());
        Lock lock = Lock.acquire(db);
        try {
            return openLocked(db, lock, backupDir, migrations);
        } catch (RuntimeException | Error e) {
            lock.release();
            throw e;
        }
    }

    /** The path SQLite and the lock use: the real file, after refusing names the driver would read as URL options. */
    static Path realPath(Path file) {
        Path db = SafeFiles.real(file);
        jdbcUrl(db);
        return db;
    }

    /** Refuses (kind {@code MISSING}, "no such database") a database that does not exist; headless commands never create one. */
    public static void requireExists(Path file) {
        Path db = SafeFiles.real(file);
        if (!Files.exists(db) && !Files.exists(db.resolveSibling(db.getFileName() + "-wal"))) {
            throw new StorageException(Kind.MISSING, "There is no such database: " + db + ". Nothing was created;"
                    + " check the name given with --db (or BYLINE_HOME), or open Byline to start a new workspace there.");
        }
    }

    private static Database openShared(Path db, int latest) {
        DatabaseInfo info = DatabaseInfo.inspect(db);
        info.requireUsable(latest);
        if (info.isNew()) {
            throw new StorageException(Kind.UNUSABLE, "The file " + db + " is not a Byline workspace yet. Byline has not"
                    + " changed it. Open Byline on it to start a workspace there.");
        }
        if (info.userVersion() < latest) {
            throw new StorageException(Kind.UNUSABLE, "The database " + db + " was written by an older Byline (schema version "
                    + info.userVersion() + "). This command does not upgrade it: open it once in Byline (or run a command"
                    + " that changes it, such as import), then try again.");
        }
        return new Database(db, null, connect(db), false);
    }

    /** Opens a database whose lock this process already holds; on failure the caller releases the lock. */
    static Database openLocked(Path db, Lock lock, Path backupDir, List<Migration> migrations) {
        Connection conn = null;
        try {
            RestoreJournal.recover(db);
            DatabaseInfo info = DatabaseInfo.inspect(db);
            info.requireUsable(migrations.size());
            conn = connect(db);
            if (info.isNew()) SafeFiles.makePrivate(db);
            Database database = new Database(db, lock, conn, info.isNew());
            try {
                database.migrate(info.userVersion(), migrations, backupDir);
            } catch (RuntimeException | Error e) {
                SafeFiles.releaseDatabase(db);
                throw e;
            }
            return database;
        } catch (RuntimeException | Error e) {
            closeQuietly(conn);
            throw e;
        }
    }

    /** The single-instance lock: an OS lock on {@code <db>.lock}, released by the OS when the process dies. */
    record Lock(FileChannel channel, FileLock lock) {
        static Lock acquire(Path db) {
            try {
                SafeFiles.createPrivateDirectories(db.getParent());
            } catch (IOException e) {
                throw new StorageException(Kind.FAILED, "Cannot create the folder " + db.getParent() + ": " + e.getMessage(), e);
            }
            Path lockFile = db.resolveSibling(db.getFileName() + ".lock");
            FileChannel channel = null;
            FileLock fileLock;
            try {
                boolean made = !Files.exists(lockFile);
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (made) SafeFiles.makePrivate(lockFile);
                fileLock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                fileLock = null;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StorageException(Kind.FAILED, "Cannot open the lock file " + lockFile + ": " + e.getMessage(), e);
            }
            if (fileLock == null) {
                closeQuietly(channel);
                throw new StorageException(Kind.LOCKED, inUse(db));
            }
            return new Lock(channel, fileLock);
        }

        void release() {
            releaseQuietly(lock);
            closeQuietly(channel);
        }
    }

    /** The one message for a database another Byline holds, whatever the verb or window that met it. */
    public static String inUse(Path db) {
        return "Another Byline already has the database " + db + " open. Close it there first, or start Byline on"
                + " another database with --db.";
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
            return DriverManager.getConnection(jdbcUrl(db), config.toProperties());
        } catch (SQLException e) {
            throw translate(e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw nativeLibraryFailure(e);
        }
    }

    /** The driver's URL for a file whose name {@link #realPath} accepted (no '?' the driver would parse). */
    static String jdbcUrl(Path db) {
        String name = db.toAbsolutePath().toString();
        if (name.indexOf('?') >= 0 || name.indexOf('#') >= 0) {
            throw new StorageException(Kind.UNUSABLE, "Byline cannot use the database " + name + ": its name contains"
                    + " '?' or '#', which the SQLite driver would read as options. Byline has not changed it. Rename the"
                    + " file or its folder.");
        }
        return "jdbc:sqlite:" + name;
    }

    /**
     * The start-up failure when SQLite's native library cannot be loaded: usually because the driver extracts it
     * to a temporary folder that does not allow running programs (mounted {@code noexec}, read-only, missing).
     */
    static StorageException nativeLibraryFailure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String folder = System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir"));
        return new StorageException(Kind.FAILED, "SQLite's native library could not be loaded from the temporary folder "
                + folder + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + "). That folder may be missing,"
                + " read-only, or not allow running programs (noexec): start Byline with"
                + " -Dorg.sqlite.tmpdir=<a folder you own that allows execution>.", e);
    }

    /** Whether a driver error is really the native library failing to load (the driver reports it as an SQLException). */
    static boolean isNativeLibraryFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsatisfiedLinkError || t.getClass().getName().equals("org.sqlite.NativeLibraryNotFoundException")) {
                return true;
            }
        }
        return false;
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
        mutex.lock();
        try {
            SafeFiles.writeFile(target, tmp -> {
                // the temporary file is empty and owner-only: VACUUM INTO fills it (it accepts an empty file)
                try (var ps = connection.prepareStatement("VACUUM INTO ?")) {
                    ps.setString(1, tmp.toString());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw translate(e);
                }
                DatabaseInfo info = DatabaseInfo.inspect(tmp);
                if (!info.integrityOk() || info.applicationId() != APPLICATION_ID || info.problem() != null) {
                    throw new StorageException(Kind.FAILED, "The backup written to " + tmp + " did not verify; it was removed.");
                }
                return null;
            });
        } finally {
            mutex.unlock();
        }
    }

    /** Flushes a finished file (never the live database) to the disk before it is moved into place. */
    static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
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

    /** Sets how long a write waits for another writer; tests shorten it. */
    void busyTimeout(int millis) {
        mutex.lock();
        try (Statement st = connection.createStatement()) {
            st.executeQuery("PRAGMA busy_timeout = " + millis).close();
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            mutex.unlock();
        }
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
        if (isNativeLibraryFailure(e)) return nativeLibraryFailure(e);
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

    /** Closes the connection, then releases the single-instance lock. Closing twice is harmless. */
    @Override
    public void close() {
        mutex.lock();
        try {
            if (closed) return;
            closed = true;
            closeQuietly(connection);
            SafeFiles.releaseDatabase(file);
            if (lock != null) lock.release();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Moves an unusable database aside, with its {@code -wal} and {@code -shm} files, so a fresh one can
     * be started or a backup restored in its place. Returns where the database file went.
     */
    public static Path moveAside(Path file) {
        Path db = SafeFiles.real(file);
        return moveAside(db, asideSuffix(db, ".unusable-"));
    }

    static Path moveAside(Path db, String suffix) {
        Path moved = db.resolveSibling(db.getFileName() + suffix);
        try {
            // the database first: while it is missing, its -wal and -shm beside it belong to the file moved aside
            // (RestoreJournal relies on this order)
            for (String ext : new String[] {"", "-wal", "-shm"}) {
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

    /** A suffix no file beside the database has yet (a rename would silently replace an earlier one). */
    static String asideSuffix(Path db, String why) {
        String base = why + LocalDateTime.now().format(STAMP);
        String suffix = base;
        for (int n = 2; Files.exists(db.resolveSibling(db.getFileName() + suffix))
                || Files.exists(db.resolveSibling(db.getFileName() + suffix + "-wal")); n++) {
            suffix = base + "-" + n;
        }
        return suffix;
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
}
