package io.byline.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on the database, run by {@link Database#write} or {@link Database#read}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
