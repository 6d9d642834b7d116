package io.byline.store;

import java.sql.Connection;

/**
 * An open transaction, handed to repositories. Services pass it along without seeing JDBC; only the
 * store reaches the connection inside.
 */
public final class Tx {
    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }
}
