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

    /** Loads the workspace's key, or creates it (owner-only) when it does not exist yet. */
    public static AuditKey loadOrCreate(Path keysDir, String workspaceId) {
        Path file = keysDir.resolve(workspaceId + ".key");
        try {
            if (Files.exists(file)) return new AuditKey(HexFormat.of().parseHex(Files.readString(file).strip()), file);
            Files.createDirectories(keysDir);
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
        Path file = keysDir.resolve(workspaceId + ".key");
        if (!Files.exists(file)) return java.util.Optional.empty();
        return java.util.Optional.of(loadOrCreate(keysDir, workspaceId));
    }

    private static void restrict(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
        }
    }
}
