package io.byline.store;

import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way Byline writes a file: exports, backups, checkpoints, evidence bundles, the output of {@code check}.
 *
 * <ul>
 *   <li>The target is refused (kind {@code REFUSED}) when, after following symbolic links, it is an open database or
 *       one of its {@code -wal}, {@code -shm}, {@code -journal} or {@code .lock} files, lies inside (or is) a keys
 *       folder, or is one of the files the caller reads ({@code check}'s input and policy).</li>
 *   <li>The content goes to a temporary file in the target's folder, created owner-only, flushed to the disk and then
 *       moved over the target in one step: a failed write leaves the old file whole (RELIABILITY F3).</li>
 *   <li>Folders Byline creates are owner-only (0700), files 0600, on file systems that know POSIX permissions.</li>
 * </ul>
 */
public final class SafeFiles {
    private static final Logger LOG = Logger.getLogger(SafeFiles.class.getName());
    /** A database's companion files, named by appending these to its name ("" is the database itself). */
    static final List<String> COMPANIONS = List.of("", "-wal", "-shm", "-journal", ".lock");
    private static final Map<Path, Integer> OPEN_DATABASES = new ConcurrentHashMap<>();
    private static final Set<Path> KEY_FOLDERS = ConcurrentHashMap.newKeySet();

    private SafeFiles() {}

    // ------------------------------------------------------------------ what is protected

    /** Marks a database (its real path) as open in this process; every write is refused on it and its companions. */
    static void protectDatabase(Path realDb) {
        OPEN_DATABASES.merge(realDb, 1, Integer::sum);
    }

    /** Undoes one {@link #protectDatabase}. */
    static void releaseDatabase(Path realDb) {
        OPEN_DATABASES.computeIfPresent(realDb, (p, n) -> n <= 1 ? null : n - 1);
    }

    /** Marks a keys folder: nothing is ever written inside it (or over it) through this class. */
    public static void protectKeyFolder(Path keysDir) {
        KEY_FOLDERS.add(keysDir.toAbsolutePath().normalize());
        KEY_FOLDERS.add(real(keysDir));
    }

    /**
     * Protects a workspace that may be open in another process: its database (with its files) and its keys folder.
     * For commands that open no workspace themselves ({@code check}).
     */
    public static void protectWorkspace(DatabaseLocation location) {
        OPEN_DATABASES.putIfAbsent(real(location.database()), 1);
        protectKeyFolder(location.keys());
    }

    /**
     * Where a write to {@code path} would land: the path with every symbolic link followed, also for a file that does
     * not exist yet (its folder is resolved) and for a link whose target does not exist yet.
     */
    public static Path real(Path path) {
        Path p = path.toAbsolutePath().normalize();
        for (int hops = 0; hops < 40; hops++) {
            try {
                if (Files.exists(p)) return p.toRealPath();
                if (Files.isSymbolicLink(p)) {
                    Path link = Files.readSymbolicLink(p);
                    p = (p.getParent() == null ? link : p.getParent().resolve(link)).toAbsolutePath().normalize();
                    continue;
                }
            } catch (IOException e) {
                return p;
            }
            Path parent = p.getParent();
            return parent == null ? p : real(parent).resolve(p.getFileName());
        }
        throw new StorageException(Kind.REFUSED, "Refusing to write to " + path + ": too many symbolic links.");
    }

    /**
     * Refuses a target that is an open database or one of its files, lies in a keys folder, or is one of
     * {@code readFiles} (files this command reads: writing over them would destroy its own input).
     */
    public static void refuse(Path target, Path... readFiles) {
        String why = why(target, List.of(readFiles));
        if (why != null) {
            throw new StorageException(Kind.REFUSED, "Refusing to write to " + target.toAbsolutePath().normalize() + ": "
                    + why + ". Choose another file name.");
        }
    }

    private static String why(Path target, List<Path> readFiles) {
        Path t = real(target);
        for (Path db : OPEN_DATABASES.keySet()) {
            String which = companion(t, db);
            if (which != null) return which;
        }
        for (Path keys : KEY_FOLDERS) {
            if (t.startsWith(keys)) return t.equals(keys) ? "it is the folder of the audit keys" : "it is in the folder of the audit keys";
        }
        for (Path f : readFiles) {
            if (f != null && same(t, real(f))) return "it is a file this command reads (" + f + ")";
        }
        return null;
    }

    /** Which of the database's files {@code path} is ("the open database", "the open database's wal file"), or null. */
    static String companion(Path path, Path db) {
        Path t = real(path);
        Path d = real(db);
        for (String ext : COMPANIONS) {
            if (same(t, d.resolveSibling(d.getFileName() + ext))
                    || same(t, db.toAbsolutePath().normalize().resolveSibling(db.getFileName() + ext))) {
                return "it is the open database" + (ext.isEmpty() ? "" : "'s " + ext.substring(1) + " file");
            }
        }
        return null;
    }

    /** The same file: equal paths, or two names (hard links) of one existing file. */
    private static boolean same(Path a, Path b) {
        if (a.equals(b)) return true;
        if (!Files.exists(a) || !Files.exists(b)) return false;
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes a file's content to the temporary file (opened for writing, positioned at its start). */
    @FunctionalInterface
    public interface Content<T> {
        T write(Writer out) throws IOException;
    }

    /** Fills the temporary file (an empty, owner-only file) by its path, e.g. through SQLite's {@code VACUUM INTO}. */
    @FunctionalInterface
    public interface FileContent<T> {
        T write(Path tmp) throws IOException;
    }

    /** Writes UTF-8 text through a temporary file moved into place; see the class comment. */
    public static <T> T writeText(Path target, Content<T> content, Path... readFiles) {
        try (Output out = open(target, readFiles)) {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out.stream(), StandardCharsets.UTF_8.newEncoder()));
            T result;
            try {
                result = content.write(w);
                w.flush();
            } catch (IOException e) {
                throw out.failed(e);
            } catch (UncheckedIOException e) {
                throw out.failed(e.getCause());
            }
            out.commit();
            return result;
        }
    }

    /** Writes a file by its path (a backup); the temporary file is checked by the content, then moved into place. */
    public static <T> T writeFile(Path target, FileContent<T> content) {
        try (Output out = open(target)) {
            out.closeStream();
            T result;
            try {
                result = content.write(out.tmp);
            } catch (IOException e) {
                throw out.failed(e);
            }
            out.commit();
            return result;
        }
    }

    /**
     * Opens a file for a streaming write: the stream goes to a temporary file, {@link Output#commit} moves it into
     * place, closing without committing removes it (the target stays as it was).
     */
    public static Output open(Path target, Path... readFiles) {
        refuse(target, readFiles);
        Path dest = real(target);
        if (Files.isDirectory(dest)) {
            throw new StorageException(Kind.REFUSED, "Refusing to write to " + dest + ": it is a folder. Choose a file name.");
        }
        Path tmp = null;
        try {
            createPrivateDirectories(dest.getParent());
            tmp = Files.createTempFile(dest.getParent(), "." + dest.getFileName() + ".", ".tmp");
            makePrivate(tmp);
            FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new Output(target, dest, tmp, ch);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw writeFailure(dest, e);
        }
    }

    /** A file being written: to a temporary file until {@link #commit}. */
    public static final class Output implements AutoCloseable {
        private final Path target;
        private final Path dest;
        private final Path tmp;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean done;

        private Output(Path target, Path dest, Path tmp, FileChannel channel) {
            this.target = target;
            this.dest = dest;
            this.tmp = tmp;
            this.channel = channel;
            this.stream = Channels.newOutputStream(channel);
        }

        /** Where the bytes go until the commit. */
        public OutputStream stream() {
            return stream;
        }

        /** The file this output will replace. */
        public Path target() {
            return dest;
        }

        void closeStream() {
            try {
                channel.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Flushes the temporary file to the disk and moves it over the target (checked again first). */
        public void commit() {
            try {
                if (channel.isOpen()) {
                    stream.flush();
                    channel.force(true);
                    channel.close();
                } else {
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                }
                makePrivate(tmp);
                refuse(target); // the place may have changed (a link swapped in) while the content was written
                try {
                    Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
                forceDirectory(dest.getParent());
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Removes the temporary file and turns the failure into the user's message. */
        public StorageException failed(Throwable e) {
            close();
            if (e instanceof StorageException se) return se;
            return writeFailure(dest, e);
        }

        /** Without a commit: removes the temporary file; the target is left as it was. */
        @Override
        public void close() {
            if (done) return;
            done = true;
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
            deleteQuietly(tmp);
        }
    }

    static StorageException writeFailure(Path dest, Throwable e) {
        String msg = e.getMessage();
        boolean full = msg != null && (msg.contains("No space left") || msg.contains("not enough space"));
        return full ? new StorageException(Kind.DISK_FULL, "Disk full — the file " + dest
                + " was not written. Free some space on the disk and try again.", e)
                : new StorageException(Kind.FAILED, "Cannot write " + dest + ": " + msg, e);
    }

    // ------------------------------------------------------------------ privacy

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Creates the folder and any missing parents, each owner-only (0700); existing folders are left as they are. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) return;
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                if (POSIX) Files.createDirectory(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                else Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile by someone else: fine
            }
        }
        if (!Files.isDirectory(dir)) throw new FileSystemException(dir.toString(), null, "not a folder");
    }

    /** Makes a file owner-only (0600; a folder 0700), where the file system knows POSIX permissions. */
    public static void makePrivate(Path p) {
        if (!POSIX || p == null || !Files.exists(p)) return;
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "cannot restrict " + p, e);
        }
    }

    /** Whether users other than the owner may read (or list, or write) the file or folder. False where unknown. */
    public static boolean openToOthers(Path p) {
        if (!POSIX || p == null || !Files.exists(p)) return false;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            for (PosixFilePermission o : perms) {
                if (o != PosixFilePermission.OWNER_READ && o != PosixFilePermission.OWNER_WRITE
                        && o != PosixFilePermission.OWNER_EXECUTE) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Makes a rename durable; not every platform can open a folder, which is fine. */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "cannot sync folder " + dir, e);
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.FINE, "delete failed", e);
        }
    }
}
