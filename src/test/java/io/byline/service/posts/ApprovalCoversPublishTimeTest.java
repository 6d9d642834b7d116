package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.PostMove;
import io.byline.domain.PostState;
import io.byline.domain.Role;
import io.byline.service.ReviewService;
import io.byline.testing.PostFixture;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An approval covers the publish time as well as the text. */
class ApprovalCoversPublishTimeTest {
    @TempDir
    Path dir;

    private static Instant publishAt(PostFixture f, long id) {
        return f.ctx.draftService().get(id).post().publishAt();
    }

    @Test
    void aWriterMovingAnApprovedPostVoidsItsApprovalsAndReviewersSeeTheMove() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Our plant opens on Monday.");
            f.approveAll(id);
            assertEquals(PostState.APPROVED, f.ctx.draftService().get(id).post().state());
            Instant from = publishAt(f, id);
            Instant to = from.plus(Duration.ofDays(2));

            f.clock.advance(Duration.ofMinutes(5));
            f.as("rina");
            ReviewService.RescheduleResult r = f.ctx.reviewService().reschedule(id, to);
            assertEquals(3, r.approvalsVoided());
            assertEquals(PostState.IN_REVIEW, r.post().state());
            assertTrue(f.ctx.draftService().get(id).approvals().isEmpty(), "no approval counts any more");
            assertFalse(f.ctx.reviewService().progress(id).complete());
            assertFalse(f.ctx.publishService().gate(id).ok());

            f.as("andi");
            List<PostMove> seen = f.ctx.reviewService().movesSinceLastSeen(id);
            assertEquals(1, seen.size(), "shown to the reviewer as a change since they approved");
            assertEquals(from, seen.get(0).from());
            assertEquals(to, seen.get(0).to());
            assertEquals("Rina Kusuma", seen.get(0).userName());
            assertEquals(3, seen.get(0).approvalsVoided());
            assertTrue(f.ctx.reviewService().actions(id).canApprove(), "the chain restarts at its first step");
            f.ctx.reviewService().approve(id);
            assertTrue(f.ctx.reviewService().movesSinceLastSeen(id).isEmpty(), "seen once approved again");

            f.as("admin");
            AuditEvent e = f.ctx.auditService().list(AuditFilter.ALL.withType("post.reschedule"), 5).get(0);
            assertTrue(e.details().contains("\"approvalsVoided\":3"), e.details());
        }
    }

    @Test
    void aScheduledPostMovedByAnApproverWhoIsNotTheFinalSignerGoesBackToReview() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Scheduled, then moved.");
            f.approveAll(id);
            f.as("rina");
            f.ctx.publishService().markScheduled(id);
            f.clock.advance(Duration.ofMinutes(1));
            f.as("andi");
            ReviewService.RescheduleResult r = f.ctx.reviewService().reschedule(id, publishAt(f, id).plus(Duration.ofHours(3)));
            assertEquals(3, r.approvalsVoided());
            assertEquals(PostState.IN_REVIEW, r.post().state());
        }
    }

    @Test
    void theFinalApproverMovingItKeepsTheApprovals() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Sari signs last, so Sari may move it.");
            f.approveAll(id);
            f.clock.advance(Duration.ofMinutes(1));
            f.as("sari");
            assertTrue(f.ctx.reviewService().actions(id).canReschedule());
            Instant to = publishAt(f, id).plus(Duration.ofDays(1));
            ReviewService.RescheduleResult r = f.ctx.reviewService().reschedule(id, to);
            assertEquals(0, r.approvalsVoided());
            assertEquals(PostState.APPROVED, r.post().state());
            assertEquals(to, publishAt(f, id));
            assertEquals(3, f.ctx.draftService().get(id).approvals().size());
            assertTrue(f.ctx.publishService().gate(id).ok());
            assertEquals(1, f.ctx.reviewService().moves(id).size(), "the move is kept all the same");
        }
    }

    @Test
    void aWriterCannotMoveAnotherWritersPost() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Rina's post.");
            f.approveAll(id);
            f.as("admin");
            f.ctx.userService().create("tono", "Tono Wibowo", "another long password".toCharArray(), Set.of(Role.WRITER), null);
            f.ctx.authService().signIn("tono", "another long password".toCharArray()).orElseThrow();
            assertFalse(f.ctx.reviewService().actions(id).canReschedule());
            Instant before = publishAt(f, id);
            assertThrows(PermissionDeniedException.class,
                    () -> f.ctx.reviewService().reschedule(id, before.plus(Duration.ofDays(1))));
            assertEquals(before, publishAt(f, id));
            assertEquals(PostState.APPROVED, f.ctx.draftService().get(id).post().state());
            assertTrue(f.ctx.reviewService().moves(id).isEmpty());
            f.as("budi");
            assertThrows(PermissionDeniedException.class,
                    () -> f.ctx.reviewService().reschedule(id, before.plus(Duration.ofDays(1))), "a reviewer moves nothing");
        }
    }

    @Test
    void keepingTheSameTimeIsNotAMove() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Same time again.");
            f.approveAll(id);
            f.as("rina");
            assertEquals(0, f.ctx.reviewService().reschedule(id, publishAt(f, id)).approvalsVoided());
            assertEquals(PostState.APPROVED, f.ctx.draftService().get(id).post().state());
            assertTrue(f.ctx.reviewService().moves(id).isEmpty());
        }
    }
}
