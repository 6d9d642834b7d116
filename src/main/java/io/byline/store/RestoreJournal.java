package io.byline.store;

import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A note beside the database ({@code <db>.restoring}) naming where a restore moved the current database, kept from
 * just before that move until the restored copy is in place. If Byline dies in between, the next open (under the
 * single-instance lock) puts the replaced database back, so a crash never turns into a silently new, empty workspace.
 */
final class RestoreJournal {
    private static final Logger LOG = Logger.getLogger(RestoreJournal.class.getName());
    private static final Pattern ASIDE = Pattern.compile("\\.replaced-[0-9-]{15,24}");

    private RestoreJournal() {}

    static Path file(Path db) {
        return db.resolveSibling(db.getFileName() + ".restoring");
    }

    /** Records, durably, that {@code db} is about to be moved to {@code aside}. */
    static void begin(Path db, Path aside) {
        SafeFiles.writeText(file(db), out -> {
            out.write(aside.getFileName().toString());
            return null;
        });
    }

    /** The restored copy is in place: the note goes. */
    static void end(Path db) throws IOException {
        Files.deleteIfExists(file(db));
        SafeFiles.forceDirectory(db.getParent());
    }

    /**
     * Finishes an interrupted restore: when the database is missing and the file it was moved to is there, moves it
     * (and its {@code -wal} and {@code -shm}) back. The note is read as hostile: it may only name a sibling of the
     * database called {@code <db>.replaced-<time>}. Call with the single-instance lock held.
     */
    static void recover(Path db) {
        Path note = file(db);
        if (!Files.isRegularFile(note)) return;
        try {
            String name = Files.readString(note, StandardCharsets.UTF_8).strip();
            String prefix = db.getFileName().toString();
            if (!name.startsWith(prefix) || !ASIDE.matcher(name.substring(prefix.length())).matches()) {
                throw new StorageException(Kind.UNUSABLE, "The note " + note + " of an interrupted restore does not name a"
                        + " file Byline moved aside. Byline has not changed anything. Check the folder, then delete the note.");
            }
            Path aside = db.resolveSibling(name);
            if (!Files.exists(db) && Files.exists(aside)) {
                for (String ext : new String[] {"", "-wal", "-shm"}) {
                    Path from = aside.resolveSibling(aside.getFileName() + ext);
                    Path to = db.resolveSibling(db.getFileName() + ext);
                    if (Files.exists(from) && !Files.exists(to)) Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                }
                LOG.warning(() -> "A restore into " + db + " was interrupted; the database it was replacing was put back.");
            }
            for (String ext : new String[] {"", "-wal", "-shm", "-journal", ".lock"}) {
                SafeFiles.deleteQuietly(db.resolveSibling(db.getFileName() + ".restore.tmp" + ext));
            }
            Files.delete(note);
            SafeFiles.forceDirectory(db.getParent());
        } catch (IOException e) {
            throw new StorageException(Kind.FAILED, "An interrupted restore of " + db + " could not be undone: "
                    + e.getMessage() + ". Nothing else was changed.", e);
        }
    }
}
