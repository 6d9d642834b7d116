package io.byline.bench;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.DecisionKind;
import io.byline.domain.Executive;
import io.byline.domain.FindingDecision;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.ContentHash;
import io.byline.domain.User;
import io.byline.service.DemoWorkspace;
import io.byline.service.PasswordHasher;
import io.byline.store.DatabaseLocation;
import io.byline.store.SqliteApprovalRepository;
import io.byline.store.SqlitePostRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A demo workspace with many generated posts, for measuring the Dashboard: posts over two years (and the next week)
 * for both demo executives, each with a version, targets, a state drawn from a realistic mix, approvals for the
 * approved ones, findings for about a third and overrides for some blocking ones. Everything is inserted through the
 * repositories (so the schema's triggers run) in one transaction; a seeded random makes it the same every time.
 */
public final class WorkspaceGenerator {
    private static final String[] WORDS = ("proud team customers launch quarter growth Jakarta Surabaya partners thank "
            + "everyone today week results new office opening students future investment people community story").split(" ");
    private static final String[] CATEGORIES = {"codename", "unreleased-product", "m-and-a", "financial", "part-number"};

    private WorkspaceGenerator() {}

    /** The workspace for {@code posts} posts under {@code root}, generated unless it exists already. */
    public static DatabaseLocation ensure(Path root, int posts) {
        Path dir = root.resolve("workspace-" + posts);
        DatabaseLocation location = new DatabaseLocation(dir.resolve("home"), dir.resolve("home").resolve("byline.db"), true);
        if (Files.exists(dir.resolve("complete"))) return location;
        try {
            if (Files.exists(dir)) deleteTree(dir);
            long t0 = System.nanoTime();
            try (AppContext ctx = AppContext.open(location, true, new PasswordHasher(1_000))) {
                generate(ctx, posts, Instant.now().truncatedTo(ChronoUnit.MILLIS), 42);
            }
            System.out.printf("generated %,d posts in %.1f s at %s%n", posts, (System.nanoTime() - t0) / 1e9, dir);
            Files.writeString(dir.resolve("complete"), Integer.toString(posts));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return location;
    }

    /** Inserts {@code count} posts into the demo workspace of {@code ctx}, in one transaction. */
    public static void generate(AppContext ctx, int count, Instant now, long seed) {
        Random rnd = new Random(seed);
        var admin = ctx.authService().signIn("admin", DemoWorkspace.PASSWORD.toCharArray()).orElseThrow();
        List<User> users = ctx.userService().list();
        long rina = id(users, "rina");
        long maya = id(users, "maya");
        long[] signers = {id(users, "andi"), maya, id(users, "sari")};
        Role[] roles = {Role.APPROVER, Role.LEGAL, Role.EXECUTIVE};
        String[] steps = {"Communications director", "Legal", "Executive"};
        List<Executive> execs = ctx.executiveService().list(false);
        List<List<Account>> accounts = new ArrayList<>();
        for (Executive e : execs) accounts.add(ctx.executiveService().accounts(e.id(), false));
        ctx.authService().signOut();
        if (admin == null) throw new IllegalStateException();
        SqlitePostRepository posts = new SqlitePostRepository();
        SqliteApprovalRepository approvals = new SqliteApprovalRepository();
        ctx.database().inWrite(tx -> {
            for (int i = 0; i < count; i++) {
                int e = rnd.nextInt(execs.size());
                List<Account> mine = accounts.get(e);
                List<Long> targets = new ArrayList<>();
                targets.add(mine.get(rnd.nextInt(mine.size())).id());
                if (rnd.nextInt(4) == 0) {
                    long other = mine.get(rnd.nextInt(mine.size())).id();
                    if (!targets.contains(other)) targets.add(other);
                }
                Instant created = now.minus(Duration.ofMinutes(rnd.nextInt(720 * 24 * 60))).plus(Duration.ofDays(7));
                Instant publishAt = created.plus(Duration.ofHours(24 + rnd.nextInt(14 * 24)));
                long postId = posts.insertPost(tx, execs.get(e).id(), publishAt, rina, created);
                posts.replaceTargets(tx, postId, targets);
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 12 + rnd.nextInt(30); w++) text.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
                String hash = ContentHash.of(text.toString(), Map.of(), targets, List.of());
                long versionId = posts.insertVersion(tx, new PostVersion(0, postId, 1, text.toString(), Map.<Platform, String>of(),
                        targets, List.of(), hash, rina, null, created, null));
                posts.setCurrentVersion(tx, postId, versionId, created);
                List<PostFinding> findings = new ArrayList<>();
                if (rnd.nextInt(3) == 0) {
                    for (int k = 0; k < 1 + rnd.nextInt(2); k++) {
                        Severity s = Severity.values()[rnd.nextInt(3)];
                        findings.add(new PostFinding(postId, Platform.X, "lexicon", s, 0, 5, CATEGORIES[rnd.nextInt(CATEGORIES.length)],
                                Integer.toString(1 + rnd.nextInt(5)), "finding.lexicon", "fp-" + postId + "-" + k, null));
                    }
                    posts.replaceFindings(tx, postId, findings);
                }
                PostState state = state(rnd);
                if (state == PostState.DRAFT) continue;
                Instant submitted = created.plus(Duration.ofMinutes(10 + rnd.nextInt(600)));
                posts.setState(tx, postId, PostState.IN_REVIEW, submitted);
                for (PostFinding f : findings) {
                    if (f.severity() == Severity.BLOCK && rnd.nextInt(3) == 0) {
                        posts.insertDecision(tx, new FindingDecision(0, postId, f.fingerprint(), f.rule(), f.termId(), f.severity(),
                                DecisionKind.OVERRIDE, "Cleared with legal: already public.", maya, null, versionId,
                                submitted.plus(Duration.ofMinutes(20))));
                    }
                }
                int signed = switch (state) {
                    case APPROVED, SCHEDULED, PUBLISHED -> 3;
                    case IN_REVIEW, EXPIRED -> rnd.nextInt(3);
                    default -> 0;
                };
                Instant at = submitted;
                for (int s = 0; s < signed; s++) {
                    at = at.plus(Duration.ofMinutes(15 + rnd.nextInt(s == 1 ? 48 * 60 : 8 * 60)));
                    approvals.insertApproval(tx, new Approval(0, postId, versionId, hash, s + 1, steps[s], roles[s], signers[s],
                            null, at, null, null));
                }
                if (state == PostState.PUBLISHED) posts.setPublished(tx, postId, null, publishAt);
                else if (state != PostState.IN_REVIEW) posts.setState(tx, postId, state, at.plus(Duration.ofMinutes(1)));
            }
            return null;
        });
    }

    private static PostState state(Random rnd) {
        int r = rnd.nextInt(100);
        if (r < 15) return PostState.DRAFT;
        if (r < 25) return PostState.IN_REVIEW;
        if (r < 30) return PostState.CHANGES_REQUESTED;
        if (r < 40) return PostState.APPROVED;
        if (r < 50) return PostState.SCHEDULED;
        if (r < 90) return PostState.PUBLISHED;
        if (r < 93) return PostState.REJECTED;
        if (r < 98) return PostState.EXPIRED;
        return PostState.WITHDRAWN;
    }

    private static long id(List<User> users, String name) {
        return users.stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow().id();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
