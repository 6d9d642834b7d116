package io.byline.store;

import io.byline.domain.DashboardFigures.Count;
import io.byline.domain.DashboardFigures.PostCount;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Severity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Dashboard's aggregates, each one SQL statement over indexed columns, kept to portable SQL ({@code count},
 * {@code GROUP BY}, {@code substr}, joins): timestamps are ISO-8601 text, so a day is the first 10 characters and an
 * hour the first 13. Medians and time zones are finished in Java by the service, which receives grouped rows, never
 * every post.
 */
public final class DashboardQueries {
    /** Rows behind one bar are capped at this many; the drill-down says so when it is reached. */
    public static final int DRILL_LIMIT = 500;

    private static final String ROW = "SELECT p.id, e.name, substr(coalesce(v.text, p.working_text, ''), 1, 140) AS words,"
            + " p.state, p.publish_at, e.time_zone FROM post p JOIN executive e ON e.id = p.executive_id"
            + " LEFT JOIN post_version v ON v.id = p.current_version_id";

    /** Findings of posts publishing on one UTC day. */
    public record DayCount(String day, String category, Severity severity, long count) {}

    /** Posts due in one UTC hour ({@code 2026-06-01T09}). */
    public record HourCount(String hour, PostState state, long count) {}

    /**
     * How long one approval step took: from the post's submission to each standing approval of the step.
     *
     * @param nanos one duration per approval, in nanoseconds, in no particular order
     */
    public record StepTimes(int step, String stepName, long[] nanos) {}

    /**
     * Posts publishing at or after {@code since}, per executive, platform and state. Posts are counted per executive,
     * account and state first (from the covering index on publish time and the targets' key), then named.
     */
    public List<PostCount> postCounts(Tx tx, Instant since) {
        return Jdbc.list(tx, "SELECT e.id, e.name, a.platform, x.state, sum(x.n) FROM"
                        + " (SELECT p.executive_id, t.account_id, p.state, count(*) AS n"
                        + "  FROM post p CROSS JOIN post_target t WHERE t.post_id = p.id AND p.publish_at >= ?"
                        + "  GROUP BY t.account_id, p.state, p.executive_id) x"
                        + " JOIN account a ON a.id = x.account_id JOIN executive e ON e.id = x.executive_id"
                        + " GROUP BY e.id, e.name, a.platform, x.state ORDER BY e.name, a.platform, x.state",
                rs -> new PostCount(rs.getLong(1), rs.getString(2), Platform.fromId(rs.getString(3)).orElseThrow(),
                        PostState.valueOf(rs.getString(4)), rs.getLong(5)), since);
    }

    /** Findings of posts publishing in [from, to), per UTC day, category (or rule) and severity. */
    public List<DayCount> findingDays(Tx tx, Instant from, Instant to) {
        return Jdbc.list(tx, "SELECT substr(p.publish_at, 1, 10) AS day, coalesce(f.category, f.rule) AS cat, f.severity,"
                        + " count(*) FROM post p JOIN post_finding f ON f.post_id = p.id"
                        + " WHERE p.publish_at >= ? AND p.publish_at < ?"
                        + " GROUP BY substr(p.publish_at, 1, 10), coalesce(f.category, f.rule), f.severity",
                rs -> new DayCount(rs.getString(1), rs.getString(2), Severity.valueOf(rs.getString(3)), rs.getLong(4)),
                from, to);
    }

    /**
     * Standing approvals given at or after {@code since} of posts with a known submission time, as durations per step
     * (by ordinal, then name). One read: the window's approvals from their covering index on time, each joined to its
     * post's submission time through the narrow index on (id, submitted_at); no timestamp becomes an object.
     */
    public List<StepTimes> turnaround(Tx tx, Instant since) {
        Map<StepKey, Durations> steps = new TreeMap<>();
        Jdbc.list(tx, "SELECT a.step_ordinal, a.step_name, p.submitted_at, a.at FROM approval a JOIN post p ON p.id = a.post_id"
                + " WHERE a.at >= ? AND a.voided_at IS NULL AND p.submitted_at IS NOT NULL AND p.submitted_at <= a.at", rs -> {
                    steps.computeIfAbsent(new StepKey(rs.getInt(1), rs.getString(2)), k -> new Durations())
                            .add(nanosBetween(rs.getString(3), rs.getString(4)));
                    return null;
                }, since);
        List<StepTimes> out = new ArrayList<>();
        steps.forEach((k, d) -> out.add(new StepTimes(k.step(), k.name(), Arrays.copyOf(d.nanos, d.size))));
        return out;
    }

    private record StepKey(int step, String name) implements Comparable<StepKey> {
        @Override
        public int compareTo(StepKey o) {
            return step != o.step ? Integer.compare(step, o.step) : name.compareTo(o.name);
        }
    }

    /** A growing array of durations. */
    private static final class Durations {
        long[] nanos = new long[256];
        int size;

        void add(long d) {
            if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
            nanos[size++] = d;
        }
    }

    /** Overrides of blocking findings per rule, most first. */
    public List<Count> overridesByRule(Tx tx) {
        return Jdbc.list(tx, "SELECT rule, count(*) FROM finding_decision WHERE kind = 'OVERRIDE'"
                + " GROUP BY rule ORDER BY count(*) DESC, rule", rs -> new Count(rs.getString(1), rs.getString(1), rs.getLong(2)));
    }

    /** Overrides of blocking findings per user, most first. */
    public List<Count> overridesByUser(Tx tx) {
        return Jdbc.list(tx, "SELECT d.user_id, u.display_name, count(*) FROM finding_decision d"
                        + " JOIN app_user u ON u.id = d.user_id WHERE d.kind = 'OVERRIDE'"
                        + " GROUP BY d.user_id, u.display_name ORDER BY count(*) DESC, u.display_name",
                rs -> new Count(Long.toString(rs.getLong(1)), rs.getString(2), rs.getLong(3)));
    }

    /** Posts in the states publishing in [from, to), per UTC hour and state. */
    public List<HourCount> dueHours(Tx tx, Instant from, Instant to, Set<PostState> states) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        args.addAll(states);
        return Jdbc.list(tx, "SELECT substr(publish_at, 1, 13), state, count(*) FROM post"
                        + " WHERE publish_at >= ? AND publish_at < ? AND state IN (" + Jdbc.placeholders(states.size()) + ")"
                        + " GROUP BY substr(publish_at, 1, 13), state",
                rs -> new HourCount(rs.getString(1), PostState.valueOf(rs.getString(2)), rs.getLong(3)), args.toArray());
    }

    // ---- drill-downs: the posts behind one bar ------------------------------------------------------------------

    public List<PostRow> postsOf(Tx tx, Instant since, long executiveId, Platform platform, PostState state) {
        return Jdbc.list(tx, ROW + " WHERE p.publish_at >= ? AND p.executive_id = ? AND p.state = ? AND EXISTS (SELECT 1 FROM post_target t"
                        + " JOIN account a ON a.id = t.account_id WHERE t.post_id = p.id AND a.platform = ?)"
                        + " ORDER BY p.publish_at DESC, p.id DESC LIMIT " + DRILL_LIMIT,
                rs -> row(rs, null, null), since, executiveId, state, platform.id());
    }

    public List<PostRow> postsWithFindings(Tx tx, Instant from, Instant to, String category, Severity severity) {
        return Jdbc.list(tx, ROW + " WHERE p.publish_at >= ? AND p.publish_at < ? AND EXISTS (SELECT 1 FROM post_finding f"
                        + " WHERE f.post_id = p.id AND (? IS NULL OR coalesce(f.category, f.rule) = ?) AND f.severity = ?)"
                        + " ORDER BY p.publish_at DESC, p.id DESC LIMIT " + DRILL_LIMIT,
                rs -> row(rs, null, null), from, to, category, category, severity);
    }

    /** Approvals of one step since {@code since}, slowest first. */
    public List<PostRow> approvalsOf(Tx tx, Instant since, int step, String stepName) {
        List<PostRow> out = Jdbc.list(tx, ROW.replace("SELECT p.id,", "SELECT p.submitted_at, a.at AS approved_at, p.id,")
                        + " JOIN approval a ON a.post_id = p.id"
                        + " WHERE a.at >= ? AND a.voided_at IS NULL AND a.step_ordinal = ? AND a.step_name = ?"
                        + " AND p.submitted_at IS NOT NULL AND p.submitted_at <= a.at",
                rs -> row(rs, Duration.between(Instant.parse(rs.getString("submitted_at")),
                        Instant.parse(rs.getString("approved_at"))), null), since, step, stepName);
        out.sort((a, b) -> b.turnaround().compareTo(a.turnaround()));
        return out.size() > DRILL_LIMIT ? List.copyOf(out.subList(0, DRILL_LIMIT)) : out;
    }

    /** Overrides for a rule, or by a user (one of the two is null), newest first, with their reasons. */
    public List<PostRow> overrides(Tx tx, String rule, Long userId) {
        return Jdbc.list(tx, ROW.replace("SELECT p.id,", "SELECT d.reason, p.id,")
                        + " JOIN finding_decision d ON d.post_id = p.id WHERE d.kind = 'OVERRIDE'"
                        + (rule != null ? " AND d.rule = ?" : " AND d.user_id = ?")
                        + " ORDER BY d.at DESC, d.id DESC LIMIT " + DRILL_LIMIT,
                rs -> row(rs, null, rs.getString("reason")), rule != null ? rule : userId);
    }

    public List<PostRow> due(Tx tx, Instant from, Instant to, Set<PostState> states) {
        List<Object> args = new ArrayList<>(List.of(from, to));
        args.addAll(states);
        return Jdbc.list(tx, ROW + " WHERE p.publish_at >= ? AND p.publish_at < ? AND p.state IN (" + Jdbc.placeholders(states.size())
                + ") ORDER BY p.publish_at, p.id LIMIT " + DRILL_LIMIT, rs -> row(rs, null, null), args.toArray());
    }

    /** Nanoseconds from one stored timestamp to a later one, without making objects of them in the usual case. */
    static long nanosBetween(String from, String to) {
        if (fixed(from) && fixed(to)) {
            try {
                return (epochSecond(to) - epochSecond(from)) * 1_000_000_000L + digits(to, 20, 29) - digits(from, 20, 29);
            } catch (NumberFormatException e) {
                // not digits where they should be: the parser says what is wrong
            }
        }
        return Duration.between(Instant.parse(from), Instant.parse(to)).toNanos();
    }

    /** Whether a timestamp has the form {@link Jdbc#timestamp} writes: {@code 2026-06-01T09:30:00.123456789Z}. */
    private static boolean fixed(String s) {
        return s.length() == 30 && s.charAt(4) == '-' && s.charAt(10) == 'T' && s.charAt(19) == '.' && s.charAt(29) == 'Z';
    }

    /** Seconds since the epoch of a fixed-form timestamp (days from the civil date, as in {@code LocalDate.toEpochDay}). */
    private static long epochSecond(String s) {
        long y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (m < 1 || m > 12 || d < 1 || d > 31) throw new NumberFormatException(s);
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        long days = era * 146_097 + doe - 719_468;
        return days * 86_400 + digits(s, 11, 13) * 3_600L + digits(s, 14, 16) * 60L + digits(s, 17, 19);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) throw new NumberFormatException(s);
            v = v * 10 + d;
        }
        return v;
    }

    private static PostRow row(ResultSet rs, Duration turnaround, String note) throws SQLException {
        return new PostRow(rs.getLong("id"), rs.getString("name"), firstWords(rs.getString("words")),
                PostState.valueOf(rs.getString("state")), Instant.parse(rs.getString("publish_at")), rs.getString("time_zone"),
                turnaround, note);
    }

    static String firstWords(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 79).strip() + "…";
    }
}
