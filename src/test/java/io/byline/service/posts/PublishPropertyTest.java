package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.Approval;
import io.byline.domain.ApprovalStep;
import io.byline.domain.ContentHash;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PostDetail;
import io.byline.service.PublishService;
import io.byline.testing.PostFixture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random sequences of edits, autosaves, approvals, overrides, acknowledgements, reschedules, policy changes
 * and publish attempts. Whatever happens, nothing is published whose content differs from what every step of its
 * chain approved. Plain JUnit with fixed seeds (reproducible; no jqwik).
 */
class PublishPropertyTest {
    private static final long[] SEEDS = {1L, 42L, 20260601L, 777L};
    private static final int STEPS = 250;
    private static final String[] PHRASES = {"Our teams in Surabaya", "Project Komodo", "Nusa Pay", "Q4 revenue",
            "Garuda Express", "thank you", "🚀", "Makassar", ", and", "\n"};
    private static final String[] SAFE = {"Our teams in Surabaya", "thank you", "🚀", "Makassar", ", and", "\n", "Komodo dragon"};
    private static final String[] REVIEWERS = {"andi", "maya", "sari", "budi", "rina", "admin"};

    @TempDir
    Path dir;

    /** What the test saw approved: post → (hash → approvers' roles, text at that moment). */
    private record Signed(long postId, String hash, String text, Role role, long userId) {}

    @Test
    void nothingIsEverPublishedThatEveryStepDidNotApprove() throws Exception {
        for (long seed : SEEDS) run(seed);
    }

    private void run(long seed) throws Exception {
        Random r = new Random(seed);
        try (PostFixture f = new PostFixture(dir.resolve("seed-" + seed))) {
            long x = f.account(f.sari, Platform.X).id();
            long threads = f.account(f.sari, Platform.THREADS).id();
            List<Long> posts = new ArrayList<>();
            List<Signed> signed = new ArrayList<>();
            Map<Long, String> publishedHash = new HashMap<>();
            int published = 0;
            for (int step = 0; step < STEPS; step++) {
                int op = pick(r);
                try {
                    if (posts.size() == publishedHash.size() || (op == 0 && posts.size() - publishedHash.size() < 4)) {
                        List<Long> accounts = r.nextBoolean() ? List.of(x) : List.of(x, threads);
                        posts.add(f.draft(text(r), accounts, PostFixture.START.plus(Duration.ofDays(5 + r.nextInt(400)))).post().id());
                        continue;
                    }
                    long id = posts.get(r.nextInt(posts.size()));
                    switch (op) {
                        case 1, 2 -> {
                            f.as(r.nextInt(4) == 0 ? "andi" : "rina");
                            f.ctx.draftService().save(id, text(r), Map.of());
                        }
                        case 3 -> {
                            f.as("rina");
                            f.ctx.draftService().autosave(id, text(r), Map.of());
                        }
                        case 4 -> {
                            f.as("rina");
                            f.ctx.draftService().submit(id, "Reason given for the record");
                        }
                        case 5, 6, 7 -> {
                            var user = f.as(r.nextInt(5) == 0 ? REVIEWERS[r.nextInt(REVIEWERS.length)] : nextSigner(f, id));
                            PostVersion before = f.ctx.draftService().get(id).current();
                            var result = f.ctx.reviewService().approve(id);
                            signed.add(new Signed(id, result.approval().versionHash(), before.text(), result.approval().role(), user.id()));
                            assertEquals(before.hash(), result.approval().versionHash(), "an approval binds the version it saw");
                        }
                        case 8 -> {
                            f.as(r.nextBoolean() ? "maya" : "andi");
                            List<PostFinding> open = f.ctx.reviewService().findings(id).stream().filter(PostFinding::unresolved)
                                    .filter(p -> p.severity() == Severity.BLOCK).toList();
                            if (!open.isEmpty()) f.ctx.reviewService().override(id, open.get(0).fingerprint(), "Cleared for this seed run");
                        }
                        case 9 -> {
                            f.as("budi");
                            List<PostFinding> open = f.ctx.reviewService().findings(id).stream().filter(PostFinding::unresolved)
                                    .filter(p -> p.severity() == Severity.WARN).toList();
                            if (!open.isEmpty()) f.ctx.reviewService().acknowledge(id, open.get(0).fingerprint(), "seen");
                        }
                        case 10 -> {
                            f.as("rina");
                            f.ctx.reviewService().reschedule(id, PostFixture.START.plus(Duration.ofDays(3 + r.nextInt(400))));
                        }
                        case 11 -> addTerm(f, PHRASES[r.nextInt(PHRASES.length)]);
                        default -> {
                            f.as("rina");
                            if (r.nextInt(3) == 0) f.ctx.publishService().markScheduled(id);
                            PublishService.PublishResult res = f.ctx.publishService().publish(id, null);
                            if (res.done()) {
                                published++;
                                publishedHash.put(id, res.gate().versionHash());
                                checkPublished(f, id, signed);
                            } else {
                                assertTrue(!res.gate().problems().isEmpty());
                            }
                        }
                    }
                } catch (ValidationException | PermissionDeniedException expected) {
                    // refusals are part of the game; the invariant is checked on every success
                }
            }
            // published posts never change afterwards
            for (var e : publishedHash.entrySet()) {
                f.as("admin");
                PostDetail d = f.ctx.draftService().get(e.getKey());
                assertEquals(PostState.PUBLISHED, d.post().state());
                assertEquals(e.getValue(), d.current().hash());
            }
            assertTrue(f.ctx.auditService().verify().ok(), "audit chain intact for seed " + seed);
            assertEquals("ok", f.ctx.database().integrityCheck());
            System.out.println("seed " + seed + ": " + posts.size() + " posts, " + signed.size() + " approvals, " + published + " published");
        }
    }

    /** Operation codes with weights that let posts actually travel the whole chain now and then. */
    private static int pick(Random r) {
        int[] weights = {2, 4, 3, 2, 6, 12, 12, 12, 8, 8, 3, 1, 15};
        int total = 0;
        for (int w : weights) total += w;
        int n = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            n -= weights[i];
            if (n < 0) return i;
        }
        return weights.length - 1;
    }

    /** The demo user who can sign the step a post waits on (or anyone, when none waits). */
    private static String nextSigner(PostFixture f, long id) {
        f.as("admin");
        return f.ctx.reviewService().progress(id).current().map(st -> {
            Role role = st.missingRoles().iterator().next();
            return switch (role) {
                case APPROVER -> "andi";
                case LEGAL -> "maya";
                case EXECUTIVE -> "sari";
                case REVIEWER -> "budi";
                default -> "admin";
            };
        }).orElse("andi");
    }

    private static void checkPublished(PostFixture f, long id, List<Signed> signed) {
        f.as("admin");
        PostDetail d = f.ctx.draftService().get(id);
        PostVersion v = d.current();
        assertEquals(PostState.PUBLISHED, d.post().state());
        assertEquals(v.hash(), ContentHash.of(v.text(), v.variants(), v.accountIds(), v.media()), "stored text hashes to its hash");
        List<ApprovalStep> chain = f.ctx.reviewService().effectiveChain(id);
        assertTrue(d.progress().complete());
        for (Approval a : d.approvals()) {
            assertEquals(v.hash(), a.versionHash());
            assertEquals(v.id(), a.versionId());
        }
        // independently of the service's own bookkeeping: every step was signed, as the test saw it, on exactly this text
        for (ApprovalStep st : chain) {
            boolean ok = signed.stream().anyMatch(s -> s.postId() == id && s.hash().equals(v.hash()) && st.roles().contains(s.role())
                    && s.text().equals(v.text()));
            assertTrue(ok, "step " + st.name() + " of post " + id + " was not approved on the published text");
        }
        long distinctSigners = signed.stream().filter(s -> s.postId() == id && s.hash().equals(v.hash())).map(Signed::userId).distinct().count();
        assertTrue(distinctSigners >= chain.size());
        assertTrue(d.approvals().stream().noneMatch(a -> a.userId() == d.post().createdBy()));
    }

    private static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String[] from = r.nextInt(4) == 0 ? PHRASES : SAFE;
            sb.append(i > 0 ? " " : "").append(from[r.nextInt(from.length)]);
        }
        return sb.toString();
    }

    private static void addTerm(PostFixture f, String phrase) throws SQLException {
        if (phrase.isBlank() || phrase.startsWith(",") || phrase.equals("🚀")) return;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.ctx.database().file());
             PreparedStatement ps = c.prepareStatement("INSERT INTO policy_term (term, category, severity, created_at, updated_at)"
                     + " VALUES (?, 'random', 'BLOCK', ?, ?)")) {
            String now = Instant.now().toString();
            ps.setString(1, phrase);
            ps.setString(2, now);
            ps.setString(3, now);
            ps.executeUpdate();
        }
    }
}
