package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.Approval;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Capacity;
import io.byline.domain.DecisionKind;
import io.byline.domain.Notification;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.domain.WordDiff;
import io.byline.service.QueueFilter;
import io.byline.service.QueueItem;
import io.byline.service.ReviewService;
import io.byline.service.VersionDiff;
import io.byline.testing.PostFixture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewWorkflowTest {
    @TempDir
    Path dir;

    @Test
    void theOfficialChainIsDirectorThenLegalThenTheExecutive() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Thank you to every driver who delivered through the floods.");
            ReviewService r = f.ctx.reviewService();
            f.as("maya");
            assertThrows(PermissionDeniedException.class, () -> r.approve(id), "legal waits for the director");
            f.as("andi");
            ReviewService.ApproveResult first = r.approve(id);
            assertFalse(first.fullyApproved());
            assertEquals(Role.APPROVER, first.approval().role());
            assertEquals(first.post().currentVersionId(), first.approval().versionId());
            assertThrows(PermissionDeniedException.class, () -> r.approve(id), "one signature per person");
            f.as("sari");
            assertThrows(PermissionDeniedException.class, () -> r.approve(id), "the executive signs last");
            f.as("maya");
            r.approve(id);
            f.as("sari");
            ReviewService.ApproveResult last = r.approve(id);
            assertTrue(last.fullyApproved());
            assertEquals(PostState.APPROVED, last.post().state());
            assertTrue(r.progress(id).complete());
            f.as("rina");
            List<Notification> told = f.ctx.notificationService().unread();
            assertEquals("notification.post.approved", told.get(0).textKey());
            assertTrue(f.ctx.auditService().verify().ok());
        }
    }

    @Test
    void writersReviewersAndAdminsCannotSignTheDefaultChain() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Hello Makassar");
            for (String u : List.of("rina", "budi", "admin")) {
                f.as(u);
                assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().approve(id), u);
                assertFalse(f.ctx.reviewService().actions(id).canApprove(), u);
            }
            f.as("andi");
            ReviewService.Actions a = f.ctx.reviewService().actions(id);
            assertTrue(a.canApprove());
            assertEquals(Role.APPROVER, a.approveAs());
        }
    }

    @Test
    void nobodyApprovesAPostTheyWroteOrEdited() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.draft("Draft by the director").post().id();
            f.as("andi");
            f.ctx.draftService().save(id, "Draft edited by the director", Map.of());
            f.ctx.draftService().submit(id, null);
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().approve(id));
            assertEquals("workflow.error.ownPost", f.ctx.reviewService().actions(id).approveBlockKey());
            // autosaving into a post also makes you one of its writers
            long other = f.submitted("Another post");
            f.as("andi");
            assertThrows(ValidationException.class, () -> f.ctx.draftService().submit(other, null));
            f.ctx.draftService().autosave(other, "Another post, tweaked", Map.of());
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().approve(other));
        }
    }

    @Test
    void theDatabaseItselfRefusesAnApprovalByAnAuthorOrOfAnOldVersion() throws SQLException {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Trigger test");
            long rina = f.as("rina").id();
            long andi = f.as("andi").id();
            f.ctx.reviewService().approve(id);
            var current = f.ctx.draftService().get(id).current();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.ctx.database().file())) {
                SQLException self = assertThrows(SQLException.class, () -> insertApproval(c, id, current.id(), current.hash(), rina));
                assertTrue(self.getMessage().contains("cannot approve"), self.getMessage());
                SQLException badHash = assertThrows(SQLException.class, () -> insertApproval(c, id, current.id(), "0".repeat(64), andi));
                assertTrue(badHash.getMessage().contains("exact hash"), badHash.getMessage());
                SQLException delete = assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("DELETE FROM approval"));
                assertTrue(delete.getMessage().contains("cannot be deleted"));
                SQLException reassign = assertThrows(SQLException.class,
                        () -> c.createStatement().executeUpdate("UPDATE approval SET user_id = " + rina));
                assertTrue(reassign.getMessage().contains("only be voided"));
                SQLException edit = assertThrows(SQLException.class,
                        () -> c.createStatement().executeUpdate("UPDATE post_version SET text = 'changed'"));
                assertTrue(edit.getMessage().contains("cannot be changed"));
            }
        }
    }

    static void insertApproval(Connection c, long postId, long versionId, String hash, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approval (post_id, version_id, version_hash, step_ordinal,"
                + " step_name, role, user_id, at) VALUES (?, ?, ?, 1, 'x', 'APPROVER', ?, '2026-06-01T00:00:00Z')")) {
            ps.setLong(1, postId);
            ps.setLong(2, versionId);
            ps.setString(3, hash);
            ps.setLong(4, userId);
            ps.executeUpdate();
        }
    }

    @Test
    void anEditAfterApprovalVoidsEveryApprovalAndReviewersSeeTheDiff() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Our plant opens on Monday.");
            f.approveAll(id);
            assertEquals(PostState.APPROVED, f.ctx.draftService().get(id).post().state());
            f.as("rina");
            var saved = f.ctx.draftService().save(id, "Our plant opens on Tuesday.", Map.of());
            assertEquals(3, saved.approvalsVoided());
            assertEquals(PostState.IN_REVIEW, saved.post().state());
            assertTrue(f.ctx.draftService().get(id).approvals().isEmpty());
            assertFalse(f.ctx.reviewService().progress(id).complete());
            f.as("andi");
            assertEquals("notification.post.approvalVoided", f.ctx.notificationService().unread().get(0).textKey());
            VersionDiff since = f.ctx.reviewService().diffSinceLastSeen(id);
            assertEquals(List.of(new WordDiff.Segment(WordDiff.Op.EQUAL, "Our plant opens on "),
                    new WordDiff.Segment(WordDiff.Op.DELETE, "Monday"), new WordDiff.Segment(WordDiff.Op.INSERT, "Tuesday"),
                    new WordDiff.Segment(WordDiff.Op.EQUAL, ".")), since.text());
            f.ctx.reviewService().approve(id);
            assertFalse(f.ctx.reviewService().diffSinceLastSeen(id).changed());
            List<Approval> all = f.ctx.draftService().get(id).approvals();
            assertEquals(1, all.size());
        }
    }

    @Test
    void anyAndAllSteps() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("andi");
            f.ctx.chainService().saveChain(f.sari.id(), Capacity.OFFICIAL,
                    List.of(ApprovalStep.all("Director and legal together", Role.APPROVER, Role.LEGAL)));
            long all = f.submitted("Needs both");
            f.as("andi");
            assertFalse(f.ctx.reviewService().approve(all).fullyApproved());
            f.as("maya");
            assertTrue(f.ctx.reviewService().approve(all).fullyApproved());

            f.as("andi");
            f.ctx.chainService().saveChain(f.sari.id(), Capacity.OFFICIAL,
                    List.of(ApprovalStep.any("Director or legal", Role.APPROVER, Role.LEGAL)));
            long any = f.submitted("Needs one");
            f.as("maya");
            assertTrue(f.ctx.reviewService().approve(any).fullyApproved());
            f.as("andi");
            assertThrows(ValidationException.class, () -> f.ctx.reviewService().approve(any));
        }
    }

    @Test
    void onlyAnExecutiveSignsTheirOwnPosts() {
        try (PostFixture f = new PostFixture(dir)) {
            long danielPost = f.draft("Discipline and long-term investment.", f.official(f.daniel),
                    PostFixture.START.plus(Duration.ofDays(5))).post().id();
            f.ctx.draftService().submit(danielPost, null);
            f.as("andi");
            f.ctx.reviewService().approve(danielPost);
            f.as("maya");
            f.ctx.reviewService().approve(danielPost);
            f.as("sari");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().approve(danielPost));
            assertEquals("Executive", f.ctx.reviewService().progress(danielPost).current().orElseThrow().step().name());
        }
    }

    @Test
    void aPostForOfficialAndPersonalAccountsNeedsTheUnionOfBothChains() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("andi");
            f.ctx.chainService().saveChain(f.sari.id(), Capacity.PERSONAL, List.of(
                    ApprovalStep.any("Reviewer", Role.REVIEWER), ApprovalStep.any("Director", Role.APPROVER),
                    ApprovalStep.any("Executive", Role.EXECUTIVE)));
            long x = f.account(f.sari, Platform.X).id();
            long threads = f.account(f.sari, Platform.THREADS).id();
            long id = f.draft("Both capacities", List.of(x, threads), PostFixture.START.plus(Duration.ofDays(4))).post().id();
            List<ApprovalStep> chain = f.ctx.reviewService().effectiveChain(id);
            assertEquals(List.of(EnumSet.of(Role.REVIEWER), EnumSet.of(Role.APPROVER), EnumSet.of(Role.LEGAL),
                    EnumSet.of(Role.EXECUTIVE)), chain.stream().map(s -> EnumSet.copyOf(s.roles())).toList());
            assertEquals(3, f.ctx.chainService().chain(f.sari.id(), Capacity.OFFICIAL).steps().size());
            f.as("rina");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.chainService().saveChain(f.sari.id(), Capacity.OFFICIAL,
                    List.of(ApprovalStep.any("Anyone", Role.REVIEWER))));
        }
    }

    @Test
    void aBlockNeedsAnOverrideByLegalOrApproverAndAWarnAnAcknowledgement() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Project Komodo and Q4 revenue are on track.");
            f.as("andi");
            ValidationException blocked = assertThrows(ValidationException.class, () -> f.ctx.reviewService().approve(id));
            assertEquals("workflow.error.unresolvedFindings", blocked.fieldErrors().get("approval"));
            PostFinding block = f.ctx.reviewService().findings(id).stream().filter(x -> x.severity() == Severity.BLOCK).findFirst().orElseThrow();
            PostFinding warn = f.ctx.reviewService().findings(id).stream().filter(x -> x.severity() == Severity.WARN).findFirst().orElseThrow();
            f.as("budi");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().override(id, block.fingerprint(), "Cleared by legal team"));
            assertThrows(ValidationException.class, () -> f.ctx.reviewService().acknowledge(id, block.fingerprint(), "ok"),
                    "a BLOCK cannot be merely acknowledged");
            for (PostFinding w : f.ctx.reviewService().findings(id)) {
                if (w.severity() == Severity.WARN && w.unresolved()) {
                    f.ctx.reviewService().acknowledge(id, w.fingerprint(), "Figure is public since the AGM");
                }
            }
            assertTrue(f.ctx.reviewService().findings(id).stream().filter(x -> x.fingerprint().equals(warn.fingerprint()))
                    .noneMatch(PostFinding::unresolved));
            f.as("rina");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().override(id, block.fingerprint(), "I say it is fine"));
            f.as("maya");
            assertThrows(ValidationException.class, () -> f.ctx.reviewService().override(id, block.fingerprint(), "ok"), "reason too short");
            var d = f.ctx.reviewService().override(id, block.fingerprint(), "Codename was disclosed in the annual report");
            assertEquals(DecisionKind.OVERRIDE, d.kind());
            assertTrue(f.ctx.reviewService().findings(id).stream().noneMatch(PostFinding::unresolved));
            f.approveAll(id);
            assertEquals(PostState.APPROVED, f.ctx.draftService().get(id).post().state());
            // the audit log names the term's id, never the term
            f.as("admin");
            assertTrue(f.ctx.auditService().list(null, "finding.override", null, null, null, null, 10).stream()
                    .noneMatch(e -> e.details().contains("Komodo")));
        }
    }

    @Test
    void anOverrideCoversTheSameFindingAfterAnEditButNotANewOccurrence() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Project Komodo is public now.");
            String fp = f.finding(id, "lexicon").fingerprint();
            f.as("maya");
            f.ctx.reviewService().override(id, fp, "Announced publicly at the town hall");
            f.as("rina");
            f.ctx.draftService().save(id, "Project Komodo is public now. Really.", Map.of());
            assertTrue(f.ctx.reviewService().findings(id).stream().noneMatch(PostFinding::unresolved));
            f.ctx.draftService().save(id, "Project Komodo is public now. Project Komodo!", Map.of());
            assertEquals(1, f.ctx.reviewService().findings(id).stream().filter(PostFinding::unresolved).count());
        }
    }

    @Test
    void requestChangesRejectAndWithdraw() {
        try (PostFixture f = new PostFixture(dir)) {
            long a = f.submitted("First attempt");
            f.as("budi");
            assertThrows(ValidationException.class, () -> f.ctx.reviewService().requestChanges(a, "no"));
            assertEquals(PostState.CHANGES_REQUESTED, f.ctx.reviewService().requestChanges(a, "Please mention Makassar too").state());
            assertEquals("Please mention Makassar too", f.ctx.reviewService().comments(a).get(0).text());
            f.as("rina");
            assertEquals("notification.post.changesRequested", f.ctx.notificationService().unread().get(0).textKey());
            f.ctx.draftService().save(a, "First attempt, Makassar too", Map.of());
            assertEquals(PostState.IN_REVIEW, f.ctx.draftService().submit(a, null).state());

            f.as("budi");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().reject(a, "Off-message for this week"));
            f.as("maya");
            assertEquals(PostState.REJECTED, f.ctx.reviewService().reject(a, "Off-message for this week").state());
            assertThrows(ValidationException.class, () -> f.ctx.reviewService().approve(a));
            f.as("rina");
            assertThrows(ValidationException.class, () -> f.ctx.draftService().save(a, "revive", Map.of()));

            long b = f.submitted("Second attempt");
            f.as("budi");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().withdraw(b, "not mine"));
            f.as("rina");
            assertEquals(PostState.WITHDRAWN, f.ctx.reviewService().withdraw(b, "Superseded by the press release").state());
            assertThrows(ValidationException.class, () -> f.ctx.reviewService().withdraw(b, "again"));
        }
    }

    @Test
    void missedDeadlinesExpireAndTheAuthorIsTold() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Deadline test");
            Instant publishAt = f.ctx.draftService().get(id).post().publishAt();
            f.as("andi");
            f.ctx.reviewService().approve(id);
            assertTrue(f.ctx.queueService().needsAttention().isEmpty());
            f.clock.set(publishAt.minus(Duration.ofHours(5)));
            List<QueueItem> near = f.ctx.queueService().needsAttention();
            assertEquals(List.of(id), near.stream().map(QueueItem::postId).toList());
            assertEquals(0, f.ctx.reviewService().expireOverdue());
            f.clock.set(publishAt.minus(Duration.ofMinutes(59)));
            f.as("maya");
            assertEquals("workflow.error.deadlinePassed",
                    assertThrows(ValidationException.class, () -> f.ctx.reviewService().approve(id)).fieldErrors().get("approval"));
            assertEquals(1, f.ctx.reviewService().expireOverdue());
            assertEquals(PostState.EXPIRED, f.ctx.draftService().get(id).post().state());
            assertTrue(f.ctx.draftService().get(id).approvals().isEmpty());
            f.as("rina");
            Notification n = f.ctx.notificationService().unread().get(0);
            assertEquals("notification.post.expired", n.textKey());
            assertEquals(id, n.postId());
            assertEquals(List.of(String.valueOf(id), "Sari Wijaya", publishAt.toString()), n.args());
            f.ctx.notificationService().markAllRead();
            assertEquals(0, f.ctx.notificationService().unreadCount());
            // rescheduling reopens it as a draft
            var r = f.ctx.reviewService().reschedule(id, publishAt.plus(Duration.ofDays(3)));
            assertEquals(PostState.DRAFT, r.post().state());
            assertTrue(f.ctx.auditService().verify().ok());
        }
    }

    @Test
    void reschedulingIntoAnEmbargoVoidsApprovals() {
        try (PostFixture f = new PostFixture(dir)) {
            Instant afterEmbargo = Instant.parse("2027-04-01T03:00:00Z");
            long id = f.draft("Nusa Pay is live for everyone!", f.official(f.sari), afterEmbargo).post().id();
            f.ctx.draftService().submit(id, null);
            assertTrue(f.ctx.reviewService().findings(id).isEmpty(), "after the embargo the term is public");
            f.approveAll(id);
            f.as("rina");
            ReviewService.RescheduleResult moved = f.ctx.reviewService().reschedule(id, Instant.parse("2027-02-01T03:00:00Z"));
            assertEquals(3, moved.approvalsVoided());
            assertEquals(PostState.IN_REVIEW, moved.post().state());
            assertEquals(Severity.BLOCK, moved.newFindings().get(0).severity());
            // a reschedule that brings nothing new keeps approvals
            ReviewService.RescheduleResult back = f.ctx.reviewService().reschedule(id, afterEmbargo.plus(Duration.ofDays(1)));
            assertEquals(0, back.approvalsVoided());
            assertTrue(back.newFindings().isEmpty());
        }
    }

    @Test
    void waitingOnMeAndTheQueue() {
        try (PostFixture f = new PostFixture(dir)) {
            long clean = f.submitted("Happy Independence Day, Indonesia!");
            long risky = f.submitted("Merapi Capital talks are going well.");
            long danielPost = f.draft("Numbers after the call.", f.official(f.daniel), PostFixture.START.plus(Duration.ofDays(2)))
                    .post().id();
            f.as("andi");
            assertEquals(List.of(clean, risky), f.ctx.queueService().waitingOnMe().stream().map(QueueItem::postId).sorted().toList());
            f.ctx.reviewService().approve(clean);
            f.as("maya");
            assertEquals(List.of(clean), f.ctx.queueService().waitingOnMe().stream().map(QueueItem::postId).toList());

            var queue = f.ctx.queueService();
            assertEquals(3, queue.queue(QueueFilter.all()).size());
            assertEquals(List.of(danielPost), queue.queue(QueueFilter.all().withExecutive(f.daniel.id())).stream()
                    .map(QueueItem::postId).toList());
            QueueItem r = queue.queue(QueueFilter.all().withMinSeverity(Severity.BLOCK)).get(0);
            assertEquals(risky, r.postId());
            assertEquals(Severity.BLOCK, r.worstSeverity());
            assertEquals("m-and-a", r.worstFinding().category());
            assertEquals(1, r.unresolved());
            assertEquals("Communications director", r.waitingStep());
            assertEquals(List.of(clean), queue.queue(QueueFilter.all().withText("INDEPENDENCE")).stream().map(QueueItem::postId).toList());
            assertEquals(List.of(danielPost), queue.queue(QueueFilter.all().withStates(EnumSet.of(PostState.DRAFT)))
                    .stream().map(QueueItem::postId).toList());
            assertTrue(queue.queue(QueueFilter.all().withPlatform(Platform.MASTODON)).isEmpty());
            QueueItem c = queue.queue(QueueFilter.all().withText("independence")).get(0);
            assertNull(c.worstSeverity());
            assertEquals("Legal", c.waitingStep());
        }
    }

    @Test
    void theApprovalMarginIsConfigurable() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("rina");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().setApprovalMargin(Duration.ofHours(4)));
            f.as("andi");
            f.ctx.reviewService().setApprovalMargin(Duration.ofHours(4));
            assertEquals(Duration.ofHours(4), f.ctx.reviewService().approvalMargin());
            long id = f.submitted("Margin");
            var d = f.ctx.draftService().get(id);
            assertEquals(d.post().publishAt().minus(Duration.ofHours(4)), d.deadline());
        }
    }
}
