package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.ValidationException;
import io.byline.service.PublishService;
import io.byline.service.PublishService.ProblemCode;
import io.byline.testing.PostFixture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishGateTest {
    @TempDir
    Path dir;

    private static Set<ProblemCode> codes(PublishService.GateResult g) {
        return Set.copyOf(g.problems().stream().map(PublishService.GateProblem::code).toList());
    }

    @Test
    void anUnapprovedPostIsRefusedWithReasons() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Not yet approved");
            f.as("andi");
            f.ctx.reviewService().approve(id);
            f.as("rina");
            PublishService.PublishResult r = f.ctx.publishService().publish(id, null);
            assertFalse(r.done());
            assertEquals(Set.of(ProblemCode.STATE, ProblemCode.STEP_UNSIGNED), codes(r.gate()));
            assertEquals(PostState.IN_REVIEW, r.post().state());
            assertTrue(f.ctx.publishService().handover(id).texts().isEmpty());
            f.as("admin");
            assertEquals(1, f.ctx.auditService().list(null, "post.publish-refused", null, null, null, null, 10).size());
        }
    }

    @Test
    void anApprovedPostIsHandedOverAndPublishedWithItsLiveUrl() {
        try (PostFixture f = new PostFixture(dir)) {
            long x = f.account(f.sari, Platform.X).id();
            long li = f.account(f.sari, Platform.LINKEDIN).id();
            long id = f.draft("Shared", List.of(x, li), PostFixture.START.plus(Duration.ofDays(3))).post().id();
            f.ctx.draftService().save(id, "Shared", Map.of(Platform.LINKEDIN, "Longer LinkedIn words"));
            f.ctx.draftService().submit(id, null);
            f.approveAll(id);
            f.as("rina");
            PublishService.Handover h = f.ctx.publishService().handover(id);
            assertTrue(h.gate().ok(), h.gate().problems().toString());
            assertEquals(Map.of(Platform.X, "Shared", Platform.LINKEDIN, "Longer LinkedIn words"),
                    Map.of(h.texts().get(0).platform(), h.texts().get(0).text(), h.texts().get(1).platform(), h.texts().get(1).text()));
            assertEquals(PostState.SCHEDULED, f.ctx.publishService().markScheduled(id).post().state());
            assertEquals(List.of("liveUrl"), assertThrows(ValidationException.class,
                    () -> f.ctx.publishService().publish(id, "javascript:alert(1)")).fields());
            assertEquals("publish.error.urlHost", assertThrows(ValidationException.class,
                    () -> f.ctx.publishService().publish(id, "https://evil.example/status/1")).fieldErrors().get("liveUrl"));
            PublishService.PublishResult r = f.ctx.publishService().publish(id, "https://x.com/sariwijaya/status/1234567890");
            assertTrue(r.done());
            assertEquals(PostState.PUBLISHED, r.post().state());
            assertEquals("https://x.com/sariwijaya/status/1234567890", r.post().liveUrl());
            assertThrows(ValidationException.class, () -> f.ctx.draftService().save(id, "after the fact", Map.of()));
            assertEquals("https://www.linkedin.com/posts/1",
                    f.ctx.publishService().setLiveUrl(id, "https://www.linkedin.com/posts/1").liveUrl());
            assertTrue(f.ctx.auditService().verify().ok());
        }
    }

    @Test
    void aTermAddedToThePolicyAfterApprovalStopsPublishing() throws SQLException {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Meet Garuda Express, our new delivery service.");
            f.approveAll(id);
            f.as("rina");
            assertTrue(f.ctx.publishService().gate(id).ok());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.ctx.database().file());
                 Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO policy_term (term, category, severity, created_at, updated_at)"
                        + " VALUES ('Garuda Express', 'unreleased-product', 'BLOCK', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z')");
            }
            PublishService.PublishResult r = f.ctx.publishService().publish(id, null);
            assertFalse(r.done());
            assertEquals(Set.of(ProblemCode.BLOCK_FINDING), codes(r.gate()));
            assertEquals("lexicon", r.gate().problems().get(0).args().get(0));
            assertEquals(PostState.APPROVED, f.ctx.draftService().get(id).post().state());
            // an override by legal clears it
            String fp = r.gate().findings().get(0).fingerprint();
            f.as("maya");
            f.ctx.reviewService().override(id, fp, "Launch moved up; comms confirmed it is public");
            f.as("rina");
            assertTrue(f.ctx.publishService().publish(id, null).done());
        }
    }

    @Test
    void textChangedBehindTheAppsBackIsRefused() throws SQLException {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("The approved words.");
            f.approveAll(id);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.ctx.database().file());
                 Statement st = c.createStatement()) {
                st.executeUpdate("DROP TRIGGER post_version_no_update");
                st.executeUpdate("UPDATE post_version SET text = 'Words nobody approved.' WHERE post_id = " + id);
            }
            f.as("rina");
            PublishService.PublishResult r = f.ctx.publishService().publish(id, null);
            assertFalse(r.done());
            assertTrue(codes(r.gate()).contains(ProblemCode.HASH_MISMATCH));
        }
    }

    @Test
    void theDatabaseRefusesPublishingWithoutAStandingApproval() throws SQLException {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Sneaky");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.ctx.database().file());
                 Statement st = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class,
                        () -> st.executeUpdate("UPDATE post SET state = 'PUBLISHED' WHERE id = " + id));
                assertTrue(e.getMessage().contains("standing approval"), e.getMessage());
            }
        }
    }

    @Test
    void anImageSwappedAfterApprovalVoidsTheApprovals() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("With a picture");
            f.as("rina");
            f.ctx.draftService().attachMedia(id, "a.png", DraftServiceTest.PNG, "Our team");
            f.approveAll(id);
            f.as("rina");
            long media = f.ctx.draftService().get(id).media().get(0).id();
            f.ctx.draftService().setAltText(media, "Our whole team at the plant");
            assertEquals(PostState.IN_REVIEW, f.ctx.draftService().get(id).post().state());
            assertFalse(f.ctx.publishService().gate(id).ok());
        }
    }

    @Test
    void aStoredPolicyEntryThatDoesNotCompileFailsClosed() throws SQLException {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Nothing risky here.");
            f.approveAll(id);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.ctx.database().file());
                 Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO policy_term (pattern, category, severity, created_at, updated_at)"
                        + " VALUES ('(unclosed', 'broken', 'WARN', '2026-06-01T00:00:00Z', '2026-06-03T00:00:00Z')");
            }
            f.as("rina");
            PublishService.GateResult g = f.ctx.publishService().gate(id);
            assertFalse(g.ok());
            assertEquals("policy.invalid", g.problems().get(0).args().get(0));
        }
    }

    @Test
    void evasionIsCaughtThroughTheValidationPipeline() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.draft("Big news: Pr0ject K0m0do is coming").post().id();
            var block = f.ctx.draftService().get(id).findings().stream().filter(x -> x.rule().equals("lexicon")).findFirst().orElseThrow();
            assertEquals(io.byline.domain.Severity.BLOCK, block.severity());
            assertEquals("Pr0ject K0m0do", "Big news: Pr0ject K0m0do is coming".substring(block.start(), block.end()));
        }
    }
}
