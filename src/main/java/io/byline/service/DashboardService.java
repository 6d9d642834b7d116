package io.byline.service;

import io.byline.domain.DashboardFigures;
import io.byline.domain.DashboardFigures.Count;
import io.byline.domain.DashboardFigures.DueCount;
import io.byline.domain.DashboardFigures.FindingCount;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.DashboardFigures.Turnaround;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.store.DashboardQueries;
import io.byline.store.Transactor;

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
 * post), finished here (weeks, local days, medians). For approvers, legal, admins and executives.
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

    /** Every chart's figures, as of now, with days and weeks in {@code zone}. */
    public DashboardFigures figures(ZoneId zone) {
        requireReader();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 2);
        LocalDate endWeek = firstWeek.plusWeeks(WEEKS);
        Instant turnaroundSince = now.minus(TURNAROUND_WINDOW);
        Instant dueFrom = today.atStartOfDay(zone).toInstant();
        Instant dueTo = today.plusDays(DUE_DAYS).atStartOfDay(zone).toInstant();
        return db.inRead(tx -> {
            var posts = queries.postCounts(tx, now.minus(POSTS_WINDOW));
            // findings: UTC days folded into weeks (a day is the post's publish date in UTC)
            Map<String, Long> byWeek = new TreeMap<>();
            Map<String, FindingCount> keyed = new LinkedHashMap<>();
            for (var d : queries.findingDays(tx, firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    endWeek.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                LocalDate week = LocalDate.parse(d.day()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                String k = week + "|" + d.category() + "|" + d.severity();
                FindingCount prev = keyed.get(k);
                keyed.put(k, new FindingCount(week, d.category(), d.severity(), d.count() + (prev == null ? 0 : prev.findings())));
                byWeek.merge(week.toString(), d.count(), Long::sum);
            }
            List<FindingCount> findings = new ArrayList<>(keyed.values());
            findings.sort(Comparator.comparing(FindingCount::weekStart).thenComparing(FindingCount::severity)
                    .thenComparing(FindingCount::category));
            // turnaround: durations per step, median and slowest
            Map<String, List<Duration>> perStep = new TreeMap<>();
            Map<String, Turnaround> labels = new LinkedHashMap<>();
            for (var a : queries.approvalsSince(tx, turnaroundSince)) {
                String k = String.format("%04d|%s", a.step(), a.stepName());
                perStep.computeIfAbsent(k, x -> new ArrayList<>()).add(Duration.between(a.submittedAt(), a.approvedAt()));
                labels.putIfAbsent(k, new Turnaround(a.step(), a.stepName(), 0, Duration.ZERO, Duration.ZERO));
            }
            List<Turnaround> turnaround = new ArrayList<>();
            perStep.forEach((k, ds) -> {
                ds.sort(null);
                Turnaround t = labels.get(k);
                turnaround.add(new Turnaround(t.step(), t.stepName(), ds.size(), median(ds), ds.get(ds.size() - 1)));
            });
            // due: UTC hours folded into local days
            Map<String, DueCount> due = new TreeMap<>();
            for (var h : queries.dueHours(tx, dueFrom, dueTo, OPEN)) {
                LocalDate day = LocalDateTime.parse(h.hour() + ":00").atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
                String k = day + "|" + h.state().ordinal();
                DueCount prev = due.get(k);
                due.put(k, new DueCount(day, h.state(), h.count() + (prev == null ? 0 : prev.posts())));
            }
            return new DashboardFigures(posts, findings, turnaround, queries.overridesByRule(tx), queries.overridesByUser(tx),
                    new ArrayList<>(due.values()), new DashboardFigures.Window(now, firstWeek, WEEKS, turnaroundSince, today, DUE_DAYS));
        });
    }

    /** The median of sorted durations (the mean of the two middle ones for an even count). */
    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        if (n == 0) return Duration.ZERO;
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
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
