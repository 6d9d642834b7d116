package io.byline.service.dashboard;

import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.ContentHash;
import io.byline.domain.DashboardFigures;
import io.byline.domain.DashboardFigures.Count;
import io.byline.domain.DashboardFigures.DueCount;
import io.byline.domain.DashboardFigures.FindingCount;
import io.byline.domain.DashboardFigures.PostCount;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.DashboardFigures.Turnaround;
import io.byline.domain.DashboardFigures.Window;
import io.byline.domain.DecisionKind;
import io.byline.domain.Executive;
import io.byline.domain.FindingDecision;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.service.DashboardService;
import io.byline.store.SqliteApprovalRepository;
import io.byline.store.SqlitePostRepository;
import io.byline.testing.PostFixture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Dashboard's figures agree with a straightforward count of what was put in: random workspaces (seeded) of posts in
 * every state around "now", with targets, findings (with and without a category), approvals (some voided),
 * overrides and acknowledgements, inserted through the repositories so the schema's triggers run; the expected
 * figures are counted in plain Java while inserting. Both ways of asking (all at once, handed out chart by chart) and
 * the lists behind the bars are checked.
 */
class DashboardAgreementTest {
    private static final String[] CATEGORIES = {"codename", "unreleased-product", "m-and-a", "financial"};
    private static final String[] RULES_WITHOUT_CATEGORY = {"length", "internal-link", "disclosure"};
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @TempDir Path dir;

    @Test
    void figuresAgreeWithAStraightforwardCountOnRandomWorkspaces() {
        for (long seed : new long[] {1, 2, 3}) {
            Path here = dir.resolve("seed-" + seed);
            try (PostFixture f = new PostFixture(here)) {
                Expected expected = generate(f, 400, new Random(seed));
                f.as("andi");
                DashboardService d = f.ctx.dashboardService();
                DashboardFigures all = d.figures(JAKARTA);
                Window w = d.window(JAKARTA);
                expected.check(all, w, "seed " + seed + ", one read");
                Handed handed = new Handed();
                d.figures(w, handed);
                assertEquals(List.of("posts", "due", "turnaround", "findings", "overrides"), handed.order, "the order charts are laid out");
                expected.check(new DashboardFigures(handed.posts, handed.findings, handed.turnaround, handed.overrides.byRule(),
                        handed.overrides.byUser(), handed.due, w), w, "seed " + seed + ", chart by chart");
                expected.checkDrillDowns(d, all, "seed " + seed);
            }
        }
    }

    /** The charts' figures as the service hands them out, one by one. */
    private static final class Handed implements DashboardService.Charts {
        final List<String> order = new ArrayList<>();
        List<PostCount> posts;
        List<DueCount> due;
        List<Turnaround> turnaround;
        List<FindingCount> findings;
        DashboardFigures.Overrides overrides;

        @Override
        public void posts(List<PostCount> p) {
            order.add("posts");
            posts = p;
        }

        @Override
        public void due(List<DueCount> d) {
            order.add("due");
            due = d;
        }

        @Override
        public void turnaround(List<Turnaround> t) {
            order.add("turnaround");
            turnaround = t;
        }

        @Override
        public void findings(List<FindingCount> f) {
            order.add("findings");
            findings = f;
        }

        @Override
        public void overrides(DashboardFigures.Overrides o) {
            order.add("overrides");
            overrides = o;
        }
    }

    /** What the figures must be, counted while the posts are made. */
    private static final class Expected {
        final Instant now;
        final Map<String, Long> posts = new TreeMap<>();
        final Map<String, Set<Long>> postsBehind = new HashMap<>();
        final Map<String, Long> findings = new TreeMap<>();
        final Map<String, List<Long>> turnaround = new TreeMap<>();
        final Map<String, Long> byRule = new TreeMap<>();
        final Map<String, Long> byUser = new TreeMap<>();
        final Map<String, Long> due = new TreeMap<>();
        final Map<String, Set<Long>> dueBehind = new HashMap<>();
        final Map<Long, String> userNames = new HashMap<>();

        Expected(Instant now) {
            this.now = now;
        }

        void check(DashboardFigures fig, Window w, String what) {
            assertFalse(posts.isEmpty() || findings.isEmpty() || turnaround.isEmpty() || byRule.isEmpty() || due.isEmpty(),
                    "the random workspace exercises every chart");
            Map<String, Long> gotPosts = new TreeMap<>();
            for (PostCount c : fig.posts()) gotPosts.merge(c.executiveId() + "|" + c.platform() + "|" + c.state(), c.posts(), Long::sum);
            assertEquals(posts, gotPosts, what + ": posts");

            Map<String, Long> gotFindings = new TreeMap<>();
            for (FindingCount c : fig.findings()) {
                gotFindings.merge(c.weekStart() + "|" + c.category() + "|" + c.severity(), c.findings(), Long::sum);
            }
            assertEquals(findings, gotFindings, what + ": findings");

            Map<String, String> gotTurnaround = new TreeMap<>();
            for (Turnaround t : fig.turnaround()) {
                gotTurnaround.put(t.step() + "|" + t.stepName(), t.approvals() + " " + t.median() + " " + t.slowest());
            }
            Map<String, String> wantTurnaround = new TreeMap<>();
            turnaround.forEach((k, ds) -> {
                List<Long> sorted = ds.stream().sorted().toList();
                int n = sorted.size();
                long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
                wantTurnaround.put(k, n + " " + Duration.ofNanos(median) + " " + Duration.ofNanos(sorted.get(n - 1)));
            });
            assertEquals(wantTurnaround, gotTurnaround, what + ": turnaround");
            assertEquals(fig.turnaround().stream().sorted(Comparator.comparingInt(Turnaround::step)
                    .thenComparing(Turnaround::stepName)).toList(), fig.turnaround(), what + ": steps in order");

            Map<String, Long> gotRules = new TreeMap<>();
            for (Count c : fig.overridesByRule()) gotRules.put(c.key(), c.count());
            assertEquals(byRule, gotRules, what + ": overrides by rule");
            Map<String, Long> gotUsers = new TreeMap<>();
            for (Count c : fig.overridesByUser()) {
                gotUsers.put(c.key(), c.count());
                assertEquals(userNames.get(Long.parseLong(c.key())), c.label());
            }
            assertEquals(byUser, gotUsers, what + ": overrides by user");

            Map<String, Long> gotDue = new TreeMap<>();
            for (DueCount c : fig.due()) gotDue.merge(c.day() + "|" + c.state(), c.posts(), Long::sum);
            assertEquals(due, gotDue, what + ": due");
            assertEquals(w.firstWeek(), fig.window().firstWeek());
        }

        void checkDrillDowns(DashboardService d, DashboardFigures fig, String what) {
            for (PostCount c : fig.posts()) {
                Set<Long> want = postsBehind.get(c.executiveId() + "|" + c.platform() + "|" + c.state());
                assertEquals(want, ids(d.posts(c.executiveId(), c.platform(), c.state())), what + ": posts behind " + c);
            }
            for (DueCount c : fig.due()) {
                assertEquals(dueBehind.get(c.day() + "|" + c.state()), ids(d.due(c.day(), c.state(), JAKARTA)),
                        what + ": due behind " + c);
            }
            for (Count c : fig.overridesByRule()) assertEquals(c.count(), d.overridesOfRule(c.key()).size(), what);
            for (Turnaround t : fig.turnaround()) assertEquals(t.approvals(), d.turnaround(t.step(), t.stepName()).size(), what);
        }

        private static Set<Long> ids(List<PostRow> rows) {
            Set<Long> out = new TreeSet<>();
            for (PostRow r : rows) out.add(r.postId());
            return out;
        }
    }

    /** Inserts {@code count} random posts around the fixture's "now" and counts what the charts must show. */
    private static Expected generate(PostFixture f, int count, Random rnd) {
        Instant now = f.clock.instant();
        Expected x = new Expected(now);
        LocalDate today = LocalDate.ofInstant(now, JAKARTA);
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(DashboardService.WEEKS - 2);
        Instant findingsFrom = firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant findingsTo = firstWeek.plusWeeks(DashboardService.WEEKS).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant postsSince = now.minus(DashboardService.POSTS_WINDOW);
        Instant approvalsSince = now.minus(DashboardService.TURNAROUND_WINDOW);
        Instant dueFrom = today.atStartOfDay(JAKARTA).toInstant();
        Instant dueTo = today.plusDays(DashboardService.DUE_DAYS).atStartOfDay(JAKARTA).toInstant();

        f.as("admin");
        List<User> users = f.ctx.userService().list();
        long rina = id(users, "rina");
        long[] deciders = {id(users, "maya"), id(users, "andi")};
        for (User u : users) x.userNames.put(u.id(), u.displayName());
        long[] signers = {id(users, "andi"), id(users, "maya"), id(users, "sari")};
        Role[] roles = {Role.APPROVER, Role.LEGAL, Role.EXECUTIVE};
        String[] steps = {"Communications director", "Legal", "Executive"};
        List<Executive> execs = f.ctx.executiveService().list(false);
        Map<Long, List<Account>> accounts = new HashMap<>();
        for (Executive e : execs) accounts.put(e.id(), f.ctx.executiveService().accounts(e.id(), false));
        SqlitePostRepository posts = new SqlitePostRepository();
        SqliteApprovalRepository approvals = new SqliteApprovalRepository();
        PostState[] states = PostState.values();

        f.ctx.database().inWrite(tx -> {
            for (int i = 0; i < count; i++) {
                Executive e = execs.get(rnd.nextInt(execs.size()));
                List<Account> mine = accounts.get(e.id());
                Set<Long> targets = new HashSet<>();
                for (int k = 0, n = 1 + rnd.nextInt(2); k < n; k++) targets.add(mine.get(rnd.nextInt(mine.size())).id());
                List<Long> targetList = new ArrayList<>(targets);
                // created within the last 200 days; publishing from one hour to 30 days later (some still ahead)
                Instant created = now.minus(Duration.ofMinutes(rnd.nextInt(200 * 24 * 60))).plusNanos(rnd.nextInt(1_000_000) * 1000L);
                Instant publishAt = created.plus(Duration.ofMinutes(60 + rnd.nextInt(30 * 24 * 60)));
                long postId = posts.insertPost(tx, e.id(), publishAt, rina, created);
                posts.replaceTargets(tx, postId, targetList);
                String text = "Post " + i + " about the quarter.";
                String hash = ContentHash.of(text, Map.of(), targetList, List.of());
                long versionId = posts.insertVersion(tx, new PostVersion(0, postId, 1, text, Map.<Platform, String>of(), targetList,
                        List.of(), hash, rina, null, created, null));
                posts.setCurrentVersion(tx, postId, versionId, created);
                List<PostFinding> fs = new ArrayList<>();
                for (int k = 0, n = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0; k < n; k++) {
                    Severity s = Severity.values()[rnd.nextInt(3)];
                    boolean lexicon = rnd.nextInt(3) > 0;
                    String rule = lexicon ? "lexicon" : RULES_WITHOUT_CATEGORY[rnd.nextInt(RULES_WITHOUT_CATEGORY.length)];
                    String category = lexicon ? CATEGORIES[rnd.nextInt(CATEGORIES.length)] : null;
                    fs.add(new PostFinding(postId, Platform.X, rule, s, 0, 4, category, lexicon ? "t" + k : null, null,
                            "fp-" + postId + "-" + k, null));
                }
                if (!fs.isEmpty()) posts.replaceFindings(tx, postId, fs);
                if (!publishAt.isBefore(findingsFrom) && publishAt.isBefore(findingsTo)) {
                    LocalDate week = LocalDate.ofInstant(publishAt, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    for (PostFinding pf : fs) {
                        x.findings.merge(week + "|" + (pf.category() == null ? pf.rule() : pf.category()) + "|" + pf.severity(), 1L, Long::sum);
                    }
                }

                PostState state = states[rnd.nextInt(states.length)];
                if (state != PostState.DRAFT) {
                    Instant submitted = created.plus(Duration.ofMinutes(5 + rnd.nextInt(600)));
                    posts.setState(tx, postId, PostState.IN_REVIEW, submitted);
                    for (PostFinding pf : fs) {
                        if (pf.severity() == Severity.INFO || rnd.nextInt(2) == 0) continue;
                        DecisionKind kind = pf.severity() == Severity.BLOCK || rnd.nextBoolean() ? DecisionKind.OVERRIDE : DecisionKind.ACKNOWLEDGE;
                        long by = deciders[rnd.nextInt(deciders.length)];
                        posts.insertDecision(tx, new FindingDecision(0, postId, pf.fingerprint(), pf.rule(), pf.termId(), pf.severity(),
                                kind, "Cleared with legal: already public.", by, null, versionId, submitted.plus(Duration.ofMinutes(20))));
                        if (kind == DecisionKind.OVERRIDE) {
                            x.byRule.merge(pf.rule(), 1L, Long::sum);
                            x.byUser.merge(Long.toString(by), 1L, Long::sum);
                        }
                    }
                    int signed = switch (state) {
                        case APPROVED, SCHEDULED, PUBLISHED -> 3;
                        case IN_REVIEW, EXPIRED, REJECTED, WITHDRAWN, CHANGES_REQUESTED -> rnd.nextInt(3);
                        default -> 0;
                    };
                    Instant at = submitted;
                    List<Instant> given = new ArrayList<>();
                    for (int s = 0; s < signed; s++) {
                        at = at.plus(Duration.ofMinutes(1 + rnd.nextInt(s == 1 ? 48 * 60 : 8 * 60))).plusNanos(rnd.nextInt(1000));
                        approvals.insertApproval(tx, new Approval(0, postId, versionId, hash, s + 1, steps[s], roles[s], signers[s],
                                null, at, null, null));
                        given.add(at);
                    }
                    boolean voided = state == PostState.EXPIRED || state == PostState.WITHDRAWN && rnd.nextBoolean();
                    if (voided && signed > 0) approvals.voidApprovals(tx, postId, "expired", at.plus(Duration.ofMinutes(1)));
                    else {
                        for (int s = 0; s < given.size(); s++) {
                            if (given.get(s).isBefore(approvalsSince)) continue;
                            x.turnaround.computeIfAbsent((s + 1) + "|" + steps[s], k -> new ArrayList<>())
                                    .add(Duration.between(submitted, given.get(s)).toNanos());
                        }
                    }
                    if (state == PostState.PUBLISHED) posts.setPublished(tx, postId, null, publishAt);
                    else if (state != PostState.IN_REVIEW) posts.setState(tx, postId, state, at.plus(Duration.ofMinutes(1)));
                }
                if (!publishAt.isBefore(postsSince)) {
                    for (long t : targetList) {
                        Platform p = mine.stream().filter(a -> a.id() == t).findFirst().orElseThrow().platform();
                        String k = e.id() + "|" + p + "|" + state;
                        x.posts.merge(k, 1L, Long::sum);
                        x.postsBehind.computeIfAbsent(k, z -> new TreeSet<>()).add(postId);
                    }
                }
                if (DashboardService.OPEN.contains(state) && !publishAt.isBefore(dueFrom) && publishAt.isBefore(dueTo)) {
                    String k = LocalDate.ofInstant(publishAt, JAKARTA) + "|" + state;
                    x.due.merge(k, 1L, Long::sum);
                    x.dueBehind.computeIfAbsent(k, z -> new TreeSet<>()).add(postId);
                }
            }
            return null;
        });
        return x;
    }

    private static long id(List<User> users, String name) {
        return users.stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow().id();
    }
}
