package io.byline.bench;

import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.DecisionKind;
import io.byline.domain.Executive;
import io.byline.domain.FindingDecision;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.service.DashboardService;
import io.byline.store.Database;
import io.byline.store.SqliteApprovalRepository;
import io.byline.store.SqliteExecutiveRepository;
import io.byline.store.SqlitePostRepository;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The baseline: the same figures computed the obvious way, by loading every post (and, per post, its targets,
 * approvals and decisions) through the repositories and aggregating in Java. Approval turnaround is measured from the
 * post's last update before the approval, since the domain's Post does not carry the submission time; the work
 * done (one approvals query per post) is what counts here.
 */
public final class NaiveDashboard {
    private final SqlitePostRepository posts = new SqlitePostRepository();
    private final SqliteApprovalRepository approvals = new SqliteApprovalRepository();
    private final SqliteExecutiveRepository executives = new SqliteExecutiveRepository();

    /** Returns a checksum of everything computed, so nothing is optimised away. */
    public long figures(Database db, Instant now, ZoneId zone) {
        return db.inRead(tx -> {
            long check = 0;
            List<Post> all = posts.posts(tx, Set.of());
            Map<Long, Account> accounts = new HashMap<>();
            for (Account a : executives.allAccounts(tx, true)) accounts.put(a.id(), a);
            Map<Long, Executive> execs = new HashMap<>();
            for (Executive e : executives.all(tx, true)) execs.put(e.id(), e);
            Map<String, Long> byExecPlatformState = new HashMap<>();
            Map<Long, Post> byId = new HashMap<>();
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(DashboardService.WEEKS - 2);
            Instant from = firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = firstWeek.plusWeeks(DashboardService.WEEKS).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant since = now.minus(DashboardService.TURNAROUND_WINDOW);
            Instant dueFrom = today.atStartOfDay(zone).toInstant();
            Instant dueTo = today.plusDays(DashboardService.DUE_DAYS).atStartOfDay(zone).toInstant();
            Map<Integer, List<Duration>> turnaround = new TreeMap<>();
            Map<String, Long> overridesByRule = new HashMap<>();
            Map<Long, Long> overridesByUser = new HashMap<>();
            Map<String, Long> due = new HashMap<>();
            for (Post p : all) {
                byId.put(p.id(), p);
                for (Long t : posts.targets(tx, p.id())) {
                    Account a = accounts.get(t);
                    byExecPlatformState.merge(execs.get(p.executiveId()).name() + a.platform() + p.state(), 1L, Long::sum);
                }
                for (Approval a : approvals.approvals(tx, p.id(), false)) {
                    if (a.at().isBefore(since)) continue;
                    turnaround.computeIfAbsent(a.stepOrdinal(), k -> new ArrayList<>()).add(Duration.between(p.createdAt(), a.at()));
                }
                for (FindingDecision d : posts.decisions(tx, p.id())) {
                    if (d.kind() != DecisionKind.OVERRIDE) continue;
                    overridesByRule.merge(d.rule(), 1L, Long::sum);
                    overridesByUser.merge(d.userId(), 1L, Long::sum);
                }
                if (DashboardService.OPEN.contains(p.state()) && !p.publishAt().isBefore(dueFrom) && p.publishAt().isBefore(dueTo)) {
                    due.merge(LocalDate.ofInstant(p.publishAt(), zone) + "|" + p.state(), 1L, Long::sum);
                }
            }
            Map<String, Long> findings = new HashMap<>();
            for (PostFinding f : posts.findings(tx, null)) {
                Post p = byId.get(f.postId());
                if (p == null || p.publishAt().isBefore(from) || !p.publishAt().isBefore(to)) continue;
                LocalDate week = LocalDate.ofInstant(p.publishAt(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                findings.merge(week + "|" + (f.category() == null ? f.rule() : f.category()) + "|" + f.severity(), 1L, Long::sum);
            }
            for (List<Duration> ds : turnaround.values()) {
                ds.sort(null);
                check += ds.get(ds.size() / 2).toMinutes() + ds.get(ds.size() - 1).toMinutes();
            }
            check += byExecPlatformState.values().stream().mapToLong(Long::longValue).sum();
            check += findings.size() + overridesByRule.size() + overridesByUser.size() + due.size();
            return check + (all.isEmpty() ? 0 : all.get(0).state() == PostState.DRAFT ? 1 : 0);
        });
    }
}
