package io.byline.cli;

import io.byline.domain.StorageException;

import java.io.PrintStream;

/** The exit statuses the verbs share, and the one way a storage failure is reported and mapped to one. */
final class Exit {
    static final int OK = 0;
    /** The work failed (a file could not be written, the audit log does not verify …). */
    static final int FAILED = 1;
    /** Bad arguments, no such database, a file Byline refuses to write, or a database it cannot use. */
    static final int USAGE = 2;
    /** Another Byline has the database open (the same for every verb). */
    static final int LOCKED = 3;

    private Exit() {}

    /**
     * Prints {@code byline VERB: message} to {@code err} and returns the status: {@link #LOCKED} for a locked database,
     * {@link #USAGE} for a missing database, a refused target or an unusable file, else {@code otherwise}.
     */
    static int report(String verb, StorageException e, PrintStream err, int otherwise) {
        err.println("byline " + verb + ": " + e.getMessage());
        return switch (e.kind()) {
            case LOCKED -> LOCKED;
            case MISSING, REFUSED, UNUSABLE -> USAGE;
            default -> otherwise;
        };
    }
}
