package io.byline.service.policy;

import io.byline.service.PolicyBenchService;
import io.byline.service.PolicyTransferService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyService;
import io.byline.service.PolicyService.EntryDraft;
import io.byline.testing.PostFixture;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServiceTest {
    @TempDir
    Path dir;

    static EntryDraft term(String text, String category, Severity s) {
        return new EntryDraft(false, text, category, s, null, "");
    }

    static EntryDraft pattern(String regex) {
        return new EntryDraft(true, regex, "part-number", Severity.WARN, null, "");
    }

    @Test
    void onlyLegalApproverAndAdminSeeOrChangeTheTerms() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            for (String who : List.of("rina", "budi", "sari")) {
                f.as(who);
                assertFalse(p.canManage(), who);
                assertThrows(PermissionDeniedException.class, () -> p.entries(false), who);
                assertThrows(PermissionDeniedException.class, p::state, who);
                assertThrows(PermissionDeniedException.class, f.ctx.policyTransferService()::exportJson, who);
                assertThrows(PermissionDeniedException.class, () -> p.add(term("Secret Thing", "codename", Severity.BLOCK)), who);
                assertThrows(PermissionDeniedException.class, () -> f.ctx.policyBenchService().testPattern("a+", "aaa"), who);
                assertThrows(PermissionDeniedException.class, () -> f.ctx.policyTransferService().previewJson("x.json", "{\"terms\":[]}", false), who);
                assertEquals(5, p.summary().terms(), "anyone sees the size, never the list");
            }
            for (String who : List.of("maya", "andi", "admin")) {
                f.as(who);
                assertTrue(p.canManage(), who);
                assertEquals(5, p.entries(false).size(), who);
            }
        }
    }

    @Test
    void addingEditingAndRetiringBumpTheVersionAndAuditIdsNeverText() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            long v0 = p.version();
            PolicyEntry e = p.add(new EntryDraft(false, "  Project Rinjani ", "Codename", Severity.BLOCK,
                    Instant.parse("2027-01-01T00:00:00Z"), "volcano"));
            assertEquals("Project Rinjani", e.term());
            assertEquals("codename", e.category());
            assertEquals(v0 + 1, p.version());
            PolicyEntry edited = p.edit(e.id(), new EntryDraft(false, "Project Rinjani", "codename", Severity.WARN, null, ""));
            assertEquals(Severity.WARN, edited.severity());
            p.setRetired(e.id(), true);
            assertEquals(v0 + 3, p.version());
            assertTrue(p.entries(false).stream().noneMatch(x -> x.id() == e.id()));
            assertTrue(p.entries(true).stream().anyMatch(x -> x.id() == e.id() && x.retired()));
            f.as("admin");
            List<AuditEvent> events = f.ctx.auditService().list(AuditFilter.ALL.withType("policy.*"), 100);
            assertEquals(3, events.size());
            for (AuditEvent ev : events) {
                assertEquals(String.valueOf(e.id()), ev.entityId());
                assertFalse(ev.details().contains("Rinjani"), ev.details());
                assertFalse(ev.details().contains("volcano"), ev.details());
            }
        }
    }

    @Test
    void badEntriesAreRefusedWithAClearMessageOnTheField() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("andi");
            long v0 = p.version();
            assertEquals("policy.error.empty", field(() -> p.add(term("   ", "codename", Severity.BLOCK)), "text"));
            assertEquals("policy.error.category", field(() -> p.add(term("Thing", " ", Severity.BLOCK)), "category"));
            assertEquals("policy.error.duplicate", field(() -> p.add(term("project   KOMODO", "codename", Severity.BLOCK)), "text"));
            assertEquals("policy.error.duplicate", field(() -> p.add(term("Prôject Komodo", "codename", Severity.BLOCK)), "text"));
            assertEquals("policy.error.catastrophic", field(() -> p.add(pattern("(a+)+$")), "text"));
            ValidationException syntax = assertThrows(ValidationException.class, () -> p.add(pattern("AX-[0-9")));
            assertEquals("policy.error.invalidRegexAt", syntax.fieldErrors().get("text"), "the syntax error itself, translatable");
            assertEquals(List.of("Unclosed character class", 6), syntax.args("text"), "the JDK's detail and where");
            assertEquals("policy.error.matchesEmpty", field(() -> p.add(pattern("x*")), "text"));
            assertEquals("policy.error.severity", field(() -> p.add(term("Thing", "codename", null)), "severity"));
            assertEquals(v0, p.version(), "nothing was saved");
            assertEquals(5, p.entries(false).size());
        }
    }

    @Test
    void thePatternTesterFindsMatchesAndStopsCatastrophicPatterns() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            PolicyBenchService.PatternTest ok = f.ctx.policyBenchService().testPattern("\\bNSA-[0-9]{4}\\b", "parts NSA-1234 and NSA-99 and nsa-4321");
            assertTrue(ok.ok());
            assertEquals(2, ok.matches().size());
            assertEquals(6, ok.matches().get(0)[0]);
            PolicyBenchService.PatternTest bad = f.ctx.policyBenchService().testPattern("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!");
            assertEquals("policy.error.catastrophic", bad.errorKey());
            PolicyBenchService.PatternTest broken = f.ctx.policyBenchService().testPattern("(unclosed", "x");
            assertEquals("policy.error.badRegex", broken.errorKey());
            assertNotNull(broken.detail());
            assertEquals("invalid regex: Unclosed group near index 9", broken.detail());
            assertEquals("policy.error.invalidRegexAt", broken.detailKey());
            assertEquals(List.of("Unclosed group", 9), broken.detailArgs());
        }
    }

    @Test
    void embargoesAreListedByLiftDateAndMarkedLiftedByTheClock() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            p.add(new EntryDraft(false, "Garuda Card", "unreleased-product", Severity.BLOCK,
                    Instant.parse("2026-12-01T00:00:00Z"), ""));
            List<PolicyEntry> emb = p.embargoes();
            assertEquals(List.of("Garuda Card", "Nusa Pay"), emb.stream().map(PolicyEntry::term).toList());
            assertFalse(p.lifted(emb.get(0)));
            f.clock.set(Instant.parse("2026-12-02T00:00:00Z"));
            assertTrue(p.lifted(emb.get(0)));
            assertFalse(p.lifted(emb.get(1)));
        }
    }

    @Test
    void exportThenImportIsANoOpAndTheJsonHasTheStoredIds() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("admin");
            String json = f.ctx.policyTransferService().exportJson();
            assertTrue(json.contains("\"Project Komodo\""));
            assertTrue(json.contains("\"embargoUntil\": \"2027-03-01T01:00:00Z\""));
            PolicyTransferService.ImportPreview same = f.ctx.policyTransferService().previewJson("p.json", json, true);
            assertTrue(same.ok(), same.errors().toString());
            assertFalse(same.hasChanges());
            assertEquals(5, same.unchanged());
        }
    }

    static String field(Runnable r, String field) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        assertTrue(e.fieldErrors().containsKey(field), e.fieldErrors().toString());
        return e.fieldErrors().get(field);
    }

    static Instant days(int n) {
        return PostFixture.START.plus(Duration.ofDays(n));
    }
}
