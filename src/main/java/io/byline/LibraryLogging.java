package io.byline;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The libraries Byline uses log through SLF4J to {@code java.util.logging}, whose default handler prints every
 * record with its stack trace on standard error. Byline reports the faults those records describe itself, in
 * words with what to do (SQLite's native library, a team server that cannot be reached), so a library's own
 * records would only bury that message under a stack trace: only what Byline cannot explain stays visible.
 */
final class LibraryLogging {
    /** Held so the levels set here are not lost: {@code java.util.logging} keeps its loggers weakly. */
    private static final Logger[] QUIETED = {
            quiet("org.sqlite", Level.OFF),
            quiet("com.zaxxer.hikari", Level.WARNING),
            quiet("org.postgresql", Level.WARNING),
    };

    private LibraryLogging() {}

    /** Applies the levels; called once at start-up, before any connection is opened. */
    static void quietLibraries() {
        assert QUIETED.length > 0;
    }

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }
}
