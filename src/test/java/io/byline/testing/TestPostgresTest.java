package io.byline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The embedded server starts on this machine (as root too) and hands each test a database of its own. */
class TestPostgresTest {
    @Test
    void eachTestGetsItsOwnEmptyDatabase() throws Exception {
        String a = TestPostgres.freshDatabase();
        String b = TestPostgres.freshDatabase();
        assertNotEquals(a, b);
        try (Connection c = DriverManager.getConnection(a, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x int)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        try (Connection c = DriverManager.getConnection(b, "postgres", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")) {
            r.next();
            assertEquals(0, r.getInt(1), "the second database does not see the first one's table");
        }
    }
}
