package io.byline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers for repositories: prepared statements only, errors translated for the user. */
final class Jdbc {
    private Jdbc() {}

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** "?, ?, ?" for an IN (…) list of n values. */
    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static <T> List<T> list(Tx tx, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw Database.translate(e);
        }
    }

    static <T> Optional<T> one(Tx tx, String sql, Row<T> row, Object... args) {
        List<T> all = list(tx, sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static long count(Tx tx, String sql, Object... args) {
        return one(tx, sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /** Runs an insert and returns the generated key. */
    static long insert(Tx tx, String sql, Object... args) {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw Database.translate(e);
        }
    }

    static int update(Tx tx, String sql, Object... args) {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Database.translate(e);
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int at = i + 1;
            if (a == null) ps.setNull(at, Types.NULL);
            else if (a instanceof Boolean b) ps.setInt(at, b ? 1 : 0);
            else if (a instanceof Instant t) ps.setString(at, timestamp(t));
            else if (a instanceof Enum<?> e) ps.setString(at, e.name());
            else if (a instanceof byte[] bytes) ps.setBytes(at, bytes);
            else ps.setObject(at, a);
        }
    }

    private static final java.time.format.DateTimeFormatter FIXED =
            new java.time.format.DateTimeFormatterBuilder().appendInstant(9).toFormatter(java.util.Locale.ROOT);

    /**
     * An instant as stored: ISO-8601 UTC with always nine fractional digits, so stored times sort and compare as
     * text ({@code Instant.toString()} drops a zero fraction, and "…:47Z" sorts after "…:47.120Z").
     */
    static String timestamp(Instant t) {
        return FIXED.format(t);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Instant.parse(s);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static boolean bool(ResultSet rs, String column) throws SQLException {
        return rs.getInt(column) != 0;
    }
}
