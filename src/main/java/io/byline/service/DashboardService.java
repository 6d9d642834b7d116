package io.byline.service;

import io.byline.domain.DashboardFigures;
import io.byline.domain.DashboardFigures.Count;
import io.byline.domain.DashboardFigures.DueCount;
import io.byline.domain.DashboardFigures.FindingCount;
import io.byline.domain.DashboardFigures.Overrides;
import io.byline.domain.DashboardFigures.PostCount;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.DashboardFigures.Turnaround;
import io.byline.domain.DashboardFigures.Window;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.store.DashboardQueries;
import io.byline.store.Transactor;
import io.byline.store.Tx;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Dashboard's figures: aggregates computed by the store in one read transaction (grouped rows, never every
 * post), finished here (weeks, local days, medians) and handed out chart by chart. For approvers, legal, admins and
 * executives.
 */
public final class DashboardService {
    /** How many weeks the findings chart covers: the ones before, this week and the next. */
    public static final int WEEKS = 12;
    /** How far back the posts chart looks (by publish time; everything scheduled later is included). */
    public static final Duration POSTS_WINDOW = Duration.ofDays(90);
    /** How far back approval turnaround looks. */
    public static final Duration TURNAROUND_WINDOW = Duration.ofDays(90);
    /** How many days ahead "due" looks, today included. */
    public static final int DUE_DAYS = 7;
    /** States of posts still on their way out: what can be "due". */
    public static final Set<PostState> OPEN = EnumSet.of(PostState.DRAFT, PostState.IN_REVIEW,
            PostState.CHANGES_REQUESTED, PostState.APPROVED, PostState.SCHEDULED);

    private final Transactor db;
    private final DashboardQueries queries;
    private final Session session;
    private final Clock clock;

    public DashboardService(Transactor db, DashboardQueries queries, Session session, Clock clock) {
        this.db = db;
        this.queries = queries;
        this.session = session;
        this.clock = clock;
    }

    /** The most posts a drill-down lists. */
    public static final int DRILL_LIMIT = DashboardQueries.DRILL_LIMIT;

    /** Who may open the Dashboard. */
    public static final Set<Role> READERS = EnumSet.of(Role.APPROVER, Role.LEGAL, Role.ADMIN, Role.EXECUTIVE);

    /** The periods the charts cover, as of now, with days and weeks in {@code zone}. Reads nothing. */
    public Window window(ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 2);
        return new Window(now, firstWeek, WEEKS, now.minus(TURNAROUND_WINDOW), today, DUE_DAYS, zone);
    }

    /** Takes each chart's figures as {@link #figures(Window, Charts)} computes them. */
    public interface Charts {
        void posts(List<PostCount> posts);

        void due(List<DueCount> due);

        void turnaround(List<Turnaround> turnaround);

        void findings(List<FindingCount> findings);

        void overrides(Overrides overrides);
    }

    /** Every chart's figures, as of now, with days and weeks in {@code zone}, in one read. */
    public DashboardFigures figures(ZoneId zone) {
        Window w = window(zone);
        Collected c = new Collected();
        figures(w, c);
        return new DashboardFigures(c.posts, c.findings, c.turnaround, c.overrides.byRule(), c.overrides.byUser(), c.due, w);
    }

    private static final class Collected implements Charts {
        List<PostCount> posts;
        List<DueCount> due;
        List<Turnaround> turnaround;
        List<FindingCount> findings;
        Overrides overrides;

        @Override
        public void posts(List<PostCount> posts) {
            this.posts = posts;
        }

        @Override
        public void due(List<DueCount> due) {
            this.due = due;
        }

        @Override
        public void turnaround(List<Turnaround> turnaround) {
            this.turnaround = turnaround;
        }

        @Override
        public void findings(List<FindingCount> findings) {
            this.findings = findings;
        }

        @Override
        public void overrides(Overrides overrides) {
            this.overrides = overrides;
        }
    }

    /**
     * Every chart's figures for the window, in one read, handed to {@code into} chart by chart as each is computed (in
     * the order the screen lays them out), so a screen can draw a chart while the next is computed.
     */
    public void figures(Window w, Charts into) {
        requireReader();
        db.inRead(tx -> {
            into.posts(posts(tx, w));
            into.due(due(tx, w));
            into.turnaround(turnaround(tx, w));
            into.findings(findings(tx, w));
            into.overrides(overrides(tx));
            return null;
        });
    }

    private List<PostCount> posts(Tx tx, Window w) {
        return queries.postCounts(tx, w.computedAt().minus(POSTS_WINDOW));
    }

    /** Findings: UTC days folded into weeks (a day is the post's publish date in UTC). */
    private List<FindingCount> findings(Tx tx, Window w) {
        LocalDate endWeek = w.firstWeek().plusWeeks(w.weeks());
        Map<String, FindingCount> keyed = new LinkedHashMap<>();
        for (var d : queries.findingDays(tx, w.firstWeek().atStartOfDay(ZoneOffset.UTC).toInstant(),
                endWeek.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            LocalDate week = LocalDate.parse(d.day()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            String k = week + "|" + d.category() + "|" + d.severity();
            FindingCount prev = keyed.get(k);
            keyed.put(k, new FindingCount(week, d.category(), d.severity(), d.count() + (prev == null ? 0 : prev.findings())));
        }
        List<FindingCount> findings = new ArrayList<>(keyed.values());
        findings.sort(Comparator.comparing(FindingCount::weekStart).thenComparing(FindingCount::severity)
                .thenComparing(FindingCount::category));
        return findings;
    }

    /** Turnaround: per step, the median and the slowest time from submission to approval. */
    private List<Turnaround> turnaround(Tx tx, Window w) {
        List<Turnaround> out = new ArrayList<>();
        for (var t : queries.turnaround(tx, w.turnaroundSince())) {
            long[] d = t.nanos();
            if (d.length == 0) continue;
            Arrays.sort(d);
            out.add(new Turnaround(t.step(), t.stepName(), d.length, Duration.ofNanos(median(d)), Duration.ofNanos(d[d.length - 1])));
        }
        return out;
    }

    private Overrides overrides(Tx tx) {
        return new Overrides(queries.overridesByRule(tx), queries.overridesByUser(tx));
    }

    /** Due: UTC hours folded into local days. */
    private List<DueCount> due(Tx tx, Window w) {
        ZoneId zone = w.zone();
        Instant from = w.firstDueDay().atStartOfDay(zone).toInstant();
        Instant to = w.firstDueDay().plusDays(w.dueDays()).atStartOfDay(zone).toInstant();
        Map<String, DueCount> due = new TreeMap<>();
        for (var h : queries.dueHours(tx, from, to, OPEN)) {
            LocalDate day = LocalDateTime.parse(h.hour() + ":00").atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
            String k = day + "|" + h.state().ordinal();
            DueCount prev = due.get(k);
            due.put(k, new DueCount(day, h.state(), h.count() + (prev == null ? 0 : prev.posts())));
        }
        return new ArrayList<>(due.values());
    }

    /** The median of sorted durations (the mean of the two middle ones for an even count, rounded down). */
    static long median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) return 0;
        return n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1] + (sorted[n / 2] - sorted[n / 2 - 1]) / 2;
    }

    // ---- drill-downs ---------------------------------------------------------------------------------------------

    /** The posts of one executive on one platform in one state within the posts window, newest first. */
    public List<PostRow> posts(long executiveId, Platform platform, PostState state) {
        requireReader();
        Instant since = clock.instant().minus(POSTS_WINDOW);
        return db.inRead(tx -> queries.postsOf(tx, since, executiveId, platform, state));
    }

    /**
     * The posts publishing in [{@code fromDay}, {@code toDay}) (UTC days) with a finding of the severity and, unless
     * {@code category} is null, of the category.
     */
    public List<PostRow> findings(LocalDate fromDay, LocalDate toDay, String category, Severity severity) {
        requireReader();
        return db.inRead(tx -> queries.postsWithFindings(tx, fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay.atStartOfDay(ZoneOffset.UTC).toInstant(), category, Objects.requireNonNull(severity)));
    }

    /** The approvals of one step within the turnaround window, slowest first. */
    public List<PostRow> turnaround(int step, String stepName) {
        requireReader();
        Instant since = clock.instant().minus(TURNAROUND_WINDOW);
        return db.inRead(tx -> queries.approvalsOf(tx, since, step, stepName));
    }

    /** The overrides of a rule, with their reasons, newest first. */
    public List<PostRow> overridesOfRule(String rule) {
        requireReader();
        return db.inRead(tx -> queries.overrides(tx, Objects.requireNonNull(rule), null));
    }

    /** The overrides given by a user, with their reasons, newest first. */
    public List<PostRow> overridesBy(long userId) {
        requireReader();
        return db.inRead(tx -> queries.overrides(tx, null, userId));
    }

    /** Posts not yet final due on the day (in {@code zone}), optionally only in one state, soonest first. */
    public List<PostRow> due(LocalDate day, PostState state, ZoneId zone) {
        requireReader();
        Set<PostState> states = state == null ? OPEN : EnumSet.of(state);
        return db.inRead(tx -> queries.due(tx, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                states));
    }

    private void requireReader() {
        if (session.user().isPresent()) session.requireAny(READERS.toArray(Role[]::new));
    }
}
