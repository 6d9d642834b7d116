package io.byline.service.policy;

import io.byline.service.PolicyBenchService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.AllowProposal;
import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyService;
import io.byline.service.PolicyService.EntryDraft;
import io.byline.service.RiskService;
import io.byline.service.RiskService.Risk;
import io.byline.service.RiskService.RiskRef;
import io.byline.testing.PostFixture;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskServiceTest {
    @TempDir
    Path dir;

    @Test
    void theListShowsEveryOpenFindingWithItsContextAndWhoMayActOnIt() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Big news: Project Komodo is on track and Q4 revenue looks strong.");
            f.as("maya");
            List<Risk> risks = f.ctx.riskService().openRisks();
            assertEquals(3, risks.size(), "the codename, the financial term and forward-looking wording: " + risks);
            Risk block = risks.get(0);
            assertEquals(Severity.BLOCK, block.severity());
            assertEquals("Project Komodo", block.matched());
            assertEquals("Big news: ", block.before());
            assertTrue(block.after().startsWith(" is on track"));
            assertEquals("Sari Wijaya", block.executiveName());
            assertEquals(Platform.X, block.platform());
            assertEquals(PostState.IN_REVIEW, block.state());
            assertTrue(block.canOverride());
            assertFalse(block.canAcknowledge());
            assertTrue(risks.get(1).canAcknowledge());
            f.as("budi");
            Risk asReviewer = f.ctx.riskService().openRisks().get(0);
            assertFalse(asReviewer.canOverride(), "a reviewer cannot override a BLOCK");
            f.as("rina");
            List<Risk> own = f.ctx.riskService().openRisks();
            assertEquals(3, own.size(), "the writer sees her own post's risks");
            assertTrue(own.stream().noneMatch(r -> r.canOverride() || r.canAcknowledge()), "but may not clear them");
            assertEquals(id, own.get(0).postId());
        }
    }

    @Test
    void executivesSeeOnlyTheirOwnPostsRisks() {
        try (PostFixture f = new PostFixture(dir)) {
            f.submitted("Project Komodo for Sari");
            f.draft("Project Komodo for Daniel", List.of(f.account(f.daniel, Platform.X).id()), PostFixture.START.plusSeconds(864_000));
            f.as("admin");
            assertEquals(2, f.ctx.riskService().openRisks().size());
            f.as("sari");
            List<Risk> mine = f.ctx.riskService().openRisks();
            assertEquals(1, mine.size());
            assertEquals("Sari Wijaya", mine.get(0).executiveName());
        }
    }

    @Test
    void overridesAndAcknowledgementsFromTheRisksListUseTheReviewFlow() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Project Komodo and Q4 revenue, both in one post.");
            RiskService risks = f.ctx.riskService();
            f.as("maya");
            List<Risk> open = risks.openRisks();
            Risk block = open.get(0);
            Risk warn = open.get(1);
            List<RiskRef> warnings = open.stream().filter(x -> x.severity() == Severity.WARN).map(RiskRef::of).toList();
            assertThrows(ValidationException.class, () -> risks.override(List.of(RiskRef.of(block)), "too short"));
            f.as("budi");
            assertThrows(PermissionDeniedException.class,
                    () -> risks.override(List.of(RiskRef.of(block)), "The codename was announced last week."));
            f.as("rina");
            RiskService.BulkResult refused = risks.acknowledge(List.of(RiskRef.of(warn)), "");
            assertEquals(0, refused.done());
            assertTrue(refused.failures().get(0).error() instanceof PermissionDeniedException, "an author cannot clear findings");
            f.as("maya");
            RiskService.BulkResult r = risks.override(List.of(RiskRef.of(block)), "The codename was announced last week.");
            assertEquals(1, r.done());
            f.as("budi");
            assertEquals(warnings.size(), risks.acknowledge(warnings, "fine after the call").done());
            assertTrue(risks.openRisks().isEmpty());
            assertTrue(f.ctx.reviewService().findings(id).stream().allMatch(x -> x.decision() != null));
            f.as("admin");
            assertEquals(1, f.ctx.auditService().list(AuditFilter.ALL.withType("finding.override"), 10).size());
            assertEquals(warnings.size(), f.ctx.auditService().list(AuditFilter.ALL.withType("finding.acknowledge"), 10).size());
        }
    }

    @Test
    void manyFlaggedPostsAreReadInChunksAndTheBadgeAgreesWithTheList() {
        try (PostFixture f = new PostFixture(dir)) {
            int n = 620; // more than one chunk of bulk reads
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) ids.add(f.draft("Update " + i + ": Project Komodo is on track.").post().id());
            f.as("maya");
            RiskService risks = f.ctx.riskService();
            List<Risk> open = risks.openRisks();
            assertEquals(n, open.stream().filter(r -> "Project Komodo".equals(r.matched())).count());
            assertEquals(open.stream().filter(r -> r.severity() != Severity.INFO).count(), risks.openCount());
            assertEquals(new java.util.HashSet<>(ids), open.stream().map(Risk::postId).collect(java.util.stream.Collectors.toSet()));
            risks.override(List.of(RiskRef.of(open.get(0))), "Announced at the press event this morning.");
            assertEquals(open.size() - 1, risks.openRisks().size());
            assertEquals(risks.openRisks().stream().filter(r -> r.severity() != Severity.INFO).count(), risks.openCount(),
                    "an override leaves the badge and the list in step");
            f.as("rina");
            assertEquals(open.size() - 1, risks.openRisks().size(), "the author sees the risks of her own posts");
        }
    }

    @Test
    void bulkActionsReportWhatCouldNotBeDone() {
        try (PostFixture f = new PostFixture(dir)) {
            f.submitted("Project Komodo again.");
            f.submitted("Merapi Capital and Q4 revenue.");
            f.as("andi");
            List<Risk> open = f.ctx.riskService().openRisks();
            assertEquals(4, open.size(), "two BLOCK terms, the financial term and forward-looking wording");
            RiskService.BulkResult r = f.ctx.riskService().override(open.stream().map(RiskRef::of).toList(),
                    "Cleared with legal in the weekly review.");
            assertEquals(4, r.done());
            assertTrue(r.failures().isEmpty());
            RiskService.BulkResult again = f.ctx.riskService().override(open.stream().map(RiskRef::of).toList(),
                    "Cleared with legal in the weekly review.");
            assertEquals(4, again.done(), "a second override is recorded, not refused");
        }
    }

    @Test
    void aFalsePositiveBecomesAProposalThatLegalApplies() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("maya");
            f.ctx.policyService().add(new EntryDraft(false, "Bromo", "codename", Severity.BLOCK, null, ""));
            f.submitted("Sunrise at Mount Bromo was lovely.");
            RiskService risks = f.ctx.riskService();
            f.as("rina");
            Risk r = risks.openRisks().get(0);
            assertEquals("Bromo", r.matched());
            assertEquals("risks.proposal.error.mustContain",
                    assertThrows(ValidationException.class, () -> risks.markFalsePositive(RiskRef.of(r), "Mount Semeru", ""))
                            .fieldErrors().get("phrase"));
            long proposal = risks.markFalsePositive(RiskRef.of(r), "Mount  Bromo", "It is a mountain, not the codename.");
            PolicyService policy = f.ctx.policyService();
            f.as("andi");
            AllowProposal p = f.ctx.allowProposalService().proposals(true).get(0);
            assertEquals(proposal, p.id());
            assertEquals("Mount Bromo", p.phrase());
            assertEquals("Rina Kusuma", p.proposedByName());
            assertThrows(PermissionDeniedException.class, () -> f.ctx.allowProposalService().applyProposal(proposal), "approvers do not apply");
            f.as("budi");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.allowProposalService().applyProposal(proposal));
            f.as("maya");
            long v = policy.version();
            f.ctx.allowProposalService().applyProposal(proposal);
            assertEquals(v + 1, policy.version());
            assertTrue(policy.state().allow().contains("Mount Bromo"));
            assertTrue(f.ctx.allowProposalService().proposals(true).isEmpty());
            assertEquals(AllowProposal.Status.APPLIED, f.ctx.allowProposalService().proposals(false).get(0).status());
            assertThrows(ValidationException.class, () -> f.ctx.allowProposalService().applyProposal(proposal), "decided once");
            assertTrue(f.ctx.policyRecheckService().recheckNeeded());
            f.ctx.policyRecheckService().recheckAll(10, null);
            assertFalse(f.ctx.policyRecheckService().recheckNeeded());
            assertTrue(risks.openRisks().isEmpty(), "the allowed phrase drops the hit");
            f.as("admin");
            for (AuditEvent e : f.ctx.auditService().list(AuditFilter.ALL.withType("policy.allow.*"), 10)) {
                assertFalse(e.details().contains("Bromo"), e.details());
            }
        }
    }

    @Test
    void aPolicyChangeReachesOpenPostsOnlyWhenTheyAreRechecked() {
        try (PostFixture f = new PostFixture(dir)) {
            f.submitted("Launching the Garuda Card soon.");
            PolicyService policy = f.ctx.policyService();
            f.as("maya");
            assertFalse(f.ctx.policyRecheckService().recheckNeeded());
            assertTrue(f.ctx.riskService().openRisks().isEmpty());
            policy.add(new EntryDraft(false, "Garuda Card", "unreleased-product", Severity.BLOCK, null, ""));
            assertTrue(f.ctx.policyRecheckService().recheckNeeded());
            List<Long> open = f.ctx.policyRecheckService().openPostIds();
            assertEquals(1, open.size());
            assertEquals(1, f.ctx.policyRecheckService().recheckBatch(open));
            f.ctx.policyRecheckService().markRechecked(policy.version());
            assertFalse(f.ctx.policyRecheckService().recheckNeeded());
            assertEquals("Garuda Card", f.ctx.riskService().openRisks().get(0).matched());
        }
    }

    @Test
    void aTermPastItsEmbargoStopsFlaggingWithoutAnyoneTouchingIt() {
        try (PostFixture f = new PostFixture(dir)) {
            long x = f.account(f.sari, Platform.X).id();
            long early = f.draft("Nusa Pay is coming.", List.of(x), Instant.parse("2027-02-20T00:00:00Z")).post().id();
            long late = f.draft("Nusa Pay is here.", List.of(x), Instant.parse("2027-03-05T00:00:00Z")).post().id();
            PolicyService policy = f.ctx.policyService();
            f.as("maya");
            List<Risk> risks = f.ctx.riskService().openRisks();
            assertEquals(List.of(early), risks.stream().map(Risk::postId).toList(), "after the lift date it never flags");
            assertFalse(f.ctx.policyRecheckService().recheckNeeded());
            f.clock.set(Instant.parse("2027-03-01T00:59:59Z"));
            assertFalse(f.ctx.policyRecheckService().recheckNeeded(), "not lifted yet");
            f.clock.set(Instant.parse("2027-03-01T01:00:00Z"));
            assertTrue(f.ctx.policyRecheckService().recheckNeeded(), "the lift is noticed by the clock alone");
            f.ctx.policyRecheckService().recheckAll(5, null);
            assertTrue(f.ctx.riskService().openRisks().isEmpty(), "re-checked at now, past the embargo");
            assertFalse(f.ctx.policyRecheckService().recheckNeeded());
            assertTrue(late > early);
        }
    }

    @Test
    void theTestBenchCountsQueueAndArchiveAndGivesExamples() {
        try (PostFixture f = new PostFixture(dir)) {
            long queued = f.submitted("Our teams in Surabaya did great work.");
            long archived = f.submitted("Visiting Surabaya next week with Project Komodo news.");
            f.as("maya");
            f.ctx.reviewService().override(archived, f.ctx.reviewService().findings(archived).get(0).fingerprint(),
                    "Announced at the press event already.");
            f.approveAll(archived);
            f.as("rina");
            assertTrue(f.ctx.publishService().publish(archived, null).done());
            PolicyService policy = f.ctx.policyService();
            f.as("maya");
            PolicyService.Candidate add = policy.candidate(null, new EntryDraft(false, "Surabaya", "customer", Severity.WARN, null, ""));
            long[] last = new long[2];
            PolicyBenchService.BenchResult r = f.ctx.policyBenchService().testBench(add, (d, t) -> { last[0] = d; last[1] = t; }, () -> false);
            assertEquals(2, r.postsChecked());
            assertEquals(last[1], last[0]);
            assertEquals(1, r.queueNewlyFlagged());
            assertEquals(1, r.archiveNewlyFlagged());
            assertEquals(0, r.queueCleared());
            assertEquals(2, r.newlyFlagged().size());
            PolicyBenchService.BenchExample ex = r.newlyFlagged().stream().filter(e -> e.postId() == queued).findFirst().orElseThrow();
            assertEquals("Sari Wijaya", ex.executive());
            assertTrue(ex.snippet().contains("Surabaya"));
            assertFalse(ex.published());

            long komodo = policy.entries(false).stream().filter(e -> "Project Komodo".equals(e.term())).findFirst().orElseThrow().id();
            PolicyBenchService.BenchResult retire = f.ctx.policyBenchService().testBench(policy.candidateRetire(komodo), null, () -> false);
            assertEquals(1, retire.archiveCleared());
            assertEquals(0, retire.queueCleared());
            PolicyBenchService.BenchResult cancelled = f.ctx.policyBenchService().testBench(add, null, () -> true);
            assertTrue(cancelled.cancelled());
            assertEquals(5, policy.entries(false).size(), "the bench changes nothing");
        }
    }
}
