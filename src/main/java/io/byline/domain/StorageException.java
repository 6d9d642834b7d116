package io.byline.domain;

/**
 * The store could not do what was asked. The message is written for the user: what happened
 * and what to do. Nothing of the failed unit of work was saved.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so the UI can choose its wording and whether a retry makes sense. */
    public enum Kind {
        /** The disk is full; nothing was saved; retry once space is freed. */
        DISK_FULL,
        /** Another program held the database too long; retry. */
        BUSY,
        /** The file is not a Byline database, is damaged, or is from a newer Byline. */
        UNUSABLE,
        /** Another Byline has this database open. */
        LOCKED,
        /** A file Byline was asked to write is one it must not write over (the open database, an audit key, its own input). */
        REFUSED,
        /** The database named does not exist (a headless command never creates one). */
        MISSING,
        /** Any other failure of the database or the file system. */
        FAILED
    }

    private final Kind kind;

    public StorageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StorageException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.DISK_FULL || kind == Kind.BUSY;
    }
}
