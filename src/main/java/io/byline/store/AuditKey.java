package io.byline.store;

import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret that chains the audit log. It lives outside the database file, in the Byline home's
 * {@code keys/} folder, one per workspace, readable by its owner only: someone who edits the database
 * cannot forge entries without it.
 */
public final class AuditKey {
    private final byte[] key;
    private final Path file;

    private AuditKey(byte[] key, Path file) {
        this.key = key.clone();
        this.file = file;
    }

    byte[] bytes() {
        return key.clone();
    }

    public Path file() {
        return file;
    }

    /** For tests and tools: a key held only in memory. */
    public static AuditKey of(byte[] key) {
        return new AuditKey(key, null);
    }

    /** What a workspace id is: a UUID in its canonical lower-case form, and nothing else. */
    private static final Pattern WORKSPACE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Refuses a workspace id read from a database unless it is a UUID: the id names the key file, so an id such as
     * {@code ../../tmp/x} or an absolute path would make Byline read a key someone else wrote and accept a log they
     * rewrote.
     */
    public static String requireWorkspaceId(String id, Path database) {
        if (id != null && WORKSPACE_ID.matcher(id).matches()) return id;
        throw new StorageException(Kind.UNUSABLE, "The database " + database + " names its workspace "
                + printable(id) + ", which is not a workspace id (a UUID). Byline refuses it: the audit key is found by"
                + " that id, so the file may have been edited to make a rewritten audit log pass. Nothing was read or"
                + " verified. Restore the database from a backup.");
    }

    /** A value from a hostile file, safe to put in a message: quoted, control characters escaped, at most 80 characters. */
    private static String printable(String v) {
        if (v == null) return "(none)";
        StringBuilder b = new StringBuilder("\"");
        v.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return b.append(v.codePointCount(0, v.length()) > 80 ? "…\"" : "\"").toString();
    }

    /** The key file of a workspace: always directly inside the keys folder, also after following links. */
    static Path keyFile(Path keysDir, String workspaceId) {
        requireWorkspaceId(workspaceId, keysDir);
        Path dir = keysDir.toAbsolutePath().normalize();
        Path file = dir.resolve(workspaceId + ".key");
        if (!dir.equals(file.getParent()) || !SafeFiles.real(file).getParent().equals(SafeFiles.real(dir))) {
            throw new StorageException(Kind.UNUSABLE, "The audit key " + file + " is not a file inside the keys folder "
                    + dir + " (a link points elsewhere). Byline refuses to use it. Put this workspace's own key file there.");
        }
        return file;
    }

    /** Loads the workspace's key, or creates it (owner-only) when it does not exist yet. */
    public static AuditKey loadOrCreate(Path keysDir, String workspaceId) {
        Path file = keyFile(keysDir, workspaceId);
        SafeFiles.protectKeyFolder(keysDir);
        try {
            if (Files.exists(file)) return new AuditKey(HexFormat.of().parseHex(Files.readString(file).strip()), file);
            SafeFiles.createPrivateDirectories(keysDir);
            restrict(keysDir, "rwx------");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path tmp = Files.createTempFile(keysDir, "key", ".tmp");
            restrict(tmp, "rw-------");
            Files.writeString(tmp, HexFormat.of().formatHex(key));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
                return loadOrCreate(keysDir, workspaceId);
            }
            return new AuditKey(key, file);
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException(Kind.FAILED, "Cannot read or create the audit key " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads an existing key; empty when the workspace has none in this home. */
    public static java.util.Optional<AuditKey> load(Path keysDir, String workspaceId) {
        Path file = keyFile(keysDir, workspaceId);
        if (!Files.exists(file)) return java.util.Optional.empty();
        return java.util.Optional.of(loadOrCreate(keysDir, workspaceId));
    }

    /** The keys folder and the workspace's key file, those of them that users other than the owner can read. */
    public static java.util.List<Path> exposed(Path keysDir, String workspaceId) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (Path p : new Path[] {keysDir, keyFile(keysDir, workspaceId)}) {
            if (SafeFiles.openToOthers(p)) out.add(p);
        }
        return out;
    }

    private static void restrict(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
        }
    }
}
