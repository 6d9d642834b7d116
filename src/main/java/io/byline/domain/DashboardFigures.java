package io.byline.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the Dashboard shows: each list is one chart.
 *
 * @param posts           posts publishing in the window and later, per executive, platform and state (a post aimed
 *                        at two platforms counts on each)
 * @param findings        findings of posts published (or due) in each week, by category and severity
 * @param turnaround      per approval step: time from submission to that step's approval, median and slowest
 * @param overridesByRule overrides of blocking findings, per rule
 * @param overridesByUser overrides of blocking findings, per user who gave them
 * @param due             posts not yet final that are due in the next days, per day and state
 */
public record DashboardFigures(List<PostCount> posts, List<FindingCount> findings, List<Turnaround> turnaround,
                               List<Count> overridesByRule, List<Count> overridesByUser, List<DueCount> due,
                               Window window) {
    public DashboardFigures {
        posts = List.copyOf(posts);
        findings = List.copyOf(findings);
        turnaround = List.copyOf(turnaround);
        overridesByRule = List.copyOf(overridesByRule);
        overridesByUser = List.copyOf(overridesByUser);
        due = List.copyOf(due);
    }

    /** The periods the figures cover; days (due, and the first week's Monday) are days in {@code zone}. */
    public record Window(Instant computedAt, LocalDate firstWeek, int weeks, Instant turnaroundSince, LocalDate firstDueDay,
                         int dueDays, ZoneId zone) {}

    /** Overrides of blocking findings, per rule and per user who gave them. */
    public record Overrides(List<Count> byRule, List<Count> byUser) {
        public Overrides {
            byRule = List.copyOf(byRule);
            byUser = List.copyOf(byUser);
        }
    }

    public record PostCount(long executiveId, String executive, Platform platform, PostState state, long posts) {}

    /** {@code category}: the policy category of a lexicon finding, else the rule id. */
    public record FindingCount(LocalDate weekStart, String category, Severity severity, long findings) {}

    public record Turnaround(int step, String stepName, long approvals, Duration median, Duration slowest) {}

    /** {@code key}: the rule id or the user id, {@code label}: what to show. */
    public record Count(String key, String label, long count) {}

    public record DueCount(LocalDate day, PostState state, long posts) {}

    /**
     * One post behind a bar of a chart.
     *
     * @param timeZone   the executive's time zone id, in which the publish time is shown
     * @param turnaround for approval turnaround: submission to this approval, else null
     * @param note       for overrides: the reason given, else null
     */
    public record PostRow(long postId, String executive, String firstWords, PostState state, Instant publishAt,
                          String timeZone, Duration turnaround, String note) {}
}
