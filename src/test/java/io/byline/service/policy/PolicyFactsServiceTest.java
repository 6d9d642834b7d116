package io.byline.service.policy;

import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyFactsService;
import io.byline.service.PolicyFactsService.EngageDraft;
import io.byline.service.PolicyFactsService.FactDraft;
import io.byline.service.PolicyFactsService.PeriodDraft;
import io.byline.service.PolicyService;
import io.byline.testing.PostFixture;
import io.byline.validation.FactRules;
import io.byline.validation.PolicyFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyFactsServiceTest {
    @TempDir
    Path dir;

    private static final FactDraft REVENUE = new FactDraft("h1-revenue", "revenue", "1.2e12", "idr", "H1 2026",
            "2026-07-30", "0.005");

    @Test
    void legalAddsAFactAndOpenDraftsAreCheckedAgainstIt() {
        try (PostFixture f = new PostFixture(dir)) {
            long post = f.draft("Pendapatan semester I kami mencapai Rp 1,2 triliun, terima kasih tim!").post().id();
            PolicyFactsService facts = f.ctx.policyFactsService();
            PolicyService policy = f.ctx.policyService();
            f.as("maya");
            long before = policy.version();
            PolicyFacts stored = facts.addFact(REVENUE);
            assertEquals(1, stored.facts().size());
            assertEquals("IDR", stored.facts().get(0).currency());
            assertEquals(before + 1, policy.version());
            assertTrue(f.ctx.policyRecheckService().recheckNeeded());
            f.ctx.policyRecheckService().recheckAll(25, null);
            // the draft publishes on 11 June, before the figure is disclosed on 30 July: embargoed
            PostFinding finding = f.finding(post, FactRules.EMBARGO);
            assertEquals("revenue", finding.category());
            assertEquals("h1-revenue", finding.termId());

            f.as("admin");
            // the evidence bundle names the fact the finding came from
            Path bundle = f.ctx.evidenceService().writePostBundle(post, dir.resolve("evidence.json")).json();
            String evidence = assertDoesNotThrow(() -> Files.readString(bundle));
            assertTrue(evidence.contains("\"rule\": \"fact.embargo\"") || evidence.contains("\"rule\":\"fact.embargo\""), evidence);
            assertTrue(evidence.contains("h1-revenue"), evidence);
            var audit = f.ctx.auditService().list(null, "policy.fact.add", null, null, null, null, 10);
            assertEquals(1, audit.size());
            assertTrue(audit.get(0).toString().contains("h1-revenue"));
            assertTrue(!audit.get(0).toString().contains("1.2e12") && !audit.get(0).toString().contains("1200000000000"));
        }
    }

    @Test
    void onlyLegalApproverAndAdminMayChangeThem() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyFactsService facts = f.ctx.policyFactsService();
            for (String u : List.of("rina", "budi", "sari")) {
                f.as(u);
                assertThrows(PermissionDeniedException.class, () -> facts.addFact(REVENUE), u);
                assertThrows(PermissionDeniedException.class, facts::current, u);
            }
            for (String u : List.of("maya", "andi", "admin")) {
                f.as(u);
                facts.addPeriod(new PeriodDraft("Q3 earnings " + u, "2026-10-15 00:00", "2026-10-30 10:00", Severity.BLOCK));
            }
            f.as("admin");
            assertEquals(3, facts.current().quietPeriods().size());
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyFactsService facts = f.ctx.policyFactsService();
            f.as("maya");
            ValidationException e = assertThrows(ValidationException.class, () -> facts.addFact(new FactDraft(" ", "margin",
                    "1,2 T", "Rupiah", "", "yesterday", "2")));
            assertEquals(java.util.Set.of("id", "metric", "value", "currency", "disclosedAt", "tolerance"), java.util.Set.copyOf(e.fields()));
            e = assertThrows(ValidationException.class, () -> facts.addPeriod(new PeriodDraft("Q3", "2026-10-30 10:00",
                    "2026-10-15 00:00", Severity.BLOCK)));
            assertEquals(List.of("to"), e.fields());
            e = assertThrows(ValidationException.class, () -> facts.addAccount(new EngageDraft("myspace", "rival corp", "", "", Severity.BLOCK)));
            assertEquals(java.util.Set.of("platform", "handle"), java.util.Set.copyOf(e.fields()));
            facts.addAccount(new EngageDraft("x", "@rivalcorp", "Rival Corp, RivalCo", "litigation", Severity.BLOCK));
            e = assertThrows(ValidationException.class, () -> facts.addAccount(new EngageDraft("x", "RIVALCORP", "", "", Severity.WARN)));
            assertEquals(List.of("handle"), e.fields());
            facts.addFact(REVENUE);
            assertThrows(ValidationException.class, () -> facts.addFact(REVENUE));
            PolicyFacts now = facts.current();
            assertEquals(1, now.facts().size());
            assertEquals(List.of("Rival Corp", "RivalCo"), now.doNotEngage().get(0).names());
            assertEquals(Platform.X, now.doNotEngage().get(0).platform());
        }
    }

    @Test
    void importReplacesThePartsTheFileHasAndExportWritesThemBack() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyFactsService facts = f.ctx.policyFactsService();
            f.as("andi");
            facts.addPeriod(new PeriodDraft("Old", "2026-01-01", "2026-01-10", Severity.WARN));
            Path file = dir.resolve("parts.json");
            Files.writeString(file, "{\"terms\": [], \"facts\": [{\"id\": \"q3-revenue\", \"metric\": \"revenue\", \"value\": \"1.2e12\","
                    + " \"currency\": \"IDR\", \"disclosedAt\": \"2026-10-30T00:00:00Z\"}],"
                    + " \"doNotEngage\": [{\"handle\": \"@rivalcorp\", \"severity\": \"BLOCK\"}]}");
            PolicyFactsService.ImportResult r = facts.importFile(file);
            assertEquals(1, r.facts());
            assertEquals(1, r.accounts());
            assertEquals(1, r.periods(), "the file has no quiet periods: the stored one stays");

            Files.writeString(file, "{\"terms\": [], \"quietPeriods\": [{\"label\": \"q\", \"from\": \"2026-10-30T00:00:00Z\","
                    + " \"to\": \"2026-10-15T00:00:00Z\", \"severity\": \"BLOCK\"}]}");
            ValidationException bad = assertThrows(ValidationException.class, () -> facts.importFile(file));
            assertTrue(bad.args("import").get(0).toString().contains("line 1"), bad.args("import").toString());
            assertEquals("Old", facts.current().quietPeriods().get(0).label());

            String json = f.ctx.policyTransferService().exportJson();
            assertTrue(json.contains("\"q3-revenue\"") && json.contains("\"@rivalcorp\"") && json.contains("\"Old\""), json);
        }
    }

    @Test
    void testBenchSaysWhichQueuedPostsANewPeriodWouldFlag() {
        try (PostFixture f = new PostFixture(dir)) {
            f.draft("Proud of the team in Surabaya today.");
            PolicyFactsService facts = f.ctx.policyFactsService();
            f.as("maya");
            String from = PolicyFactsService.format(PostFixture.START.plus(Duration.ofDays(9)));
            String to = PolicyFactsService.format(PostFixture.START.plus(Duration.ofDays(11)));
            io.byline.service.PolicyBenchService.BenchResult r = f.ctx.policyBenchService().testBench(
                    facts.candidate(facts.withPeriod(new PeriodDraft("Results", from, to, Severity.WARN))), null, null);
            assertTrue(r.queueNewlyFlagged() >= 1, r.toString());
            assertTrue(r.newlyFlagged().stream().anyMatch(x -> "period".equals(x.category())), r.toString());
            assertEquals(0, facts.current().quietPeriods().size(), "the bench saves nothing");
        }
    }
}
