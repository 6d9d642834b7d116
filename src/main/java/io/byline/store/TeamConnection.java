package io.byline.store;

import java.util.Properties;

/**
 * How to reach a team workspace on PostgreSQL: the driver's URL (never with a password in it), the connection
 * properties (user, password, sslmode, …) and a name to show people and logs, which never includes the password.
 */
public record TeamConnection(String jdbcUrl, Properties properties, String display) {
    public TeamConnection {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + display);
        }
        Properties copy = new Properties();
        if (properties != null) copy.putAll(properties);
        properties = copy;
    }

    /** A copy of the connection properties (the record keeps its own). */
    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The display name: a connection is never printed with its password. */
    @Override
    public String toString() {
        return display;
    }
}
