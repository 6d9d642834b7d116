package io.byline.service.policy;

import io.byline.service.PolicyTransferService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;
import io.byline.service.PolicyService;
import io.byline.service.PolicyTransferService.ImportPreview;
import io.byline.service.PolicyTransferService.ImportWarning;
import io.byline.store.json.PolicyJson;
import io.byline.testing.PostFixture;
import io.byline.ui.common.I18n;
import io.byline.validation.PolicyTerm;
import io.byline.validation.TermMerge;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terms equal after the matcher's normalisation are one term: an import merges them, with a warning. */
class EqualTermsMergeTest {
    @TempDir
    Path dir;

    @Test
    void aJsonFileWithEqualTermsMergesThemKeepingTheFirstTextAndTheStricterSeverity() throws Exception {
        String json = "{\"terms\": [\n"
                + "  {\"term\": \"Zenfi Daxsar\", \"category\": \"codename\", \"severity\": \"WARN\", \"embargoUntil\": \"2030-01-01T00:00:00Z\"},\n"
                + "  {\"term\": \"Beta\", \"category\": \"codename\", \"severity\": \"INFO\"},\n"
                + "  {\"term\": \"Zenfidaxsar\", \"category\": \"other\", \"severity\": \"BLOCK\", \"embargoUntil\": \"2031-01-01T00:00:00Z\"}\n"
                + "]}";
        PolicyJson.Read read = PolicyJson.parseMerging(json);
        List<PolicyTerm> terms = read.compiled().policy().terms();
        assertEquals(List.of("Zenfi Daxsar", "Beta"), terms.stream().map(PolicyTerm::term).toList());
        assertEquals(Severity.BLOCK, terms.get(0).severity(), "the stricter severity wins");
        assertEquals("codename", terms.get(0).category());
        assertEquals(Instant.parse("2031-01-01T00:00:00Z"), terms.get(0).embargoUntil(), "the later lift");
        TermMerge.Merge m = read.merges().get(0);
        assertEquals(List.of(2, 0, 4, 2), List.of(m.keptLine(), m.kept(), m.droppedLine(), m.dropped()));
        assertEquals("Line 4 \"Zenfidaxsar\" is the same term as line 2 \"Zenfi Daxsar\" after normalisation: merged into one,"
                + " BLOCK (the stricter severity)", m.warning().english());
        assertEquals(read.compiled().policy(), PolicyJson.parse(json), "parse merges the same way");
    }

    @Test
    void theImportPreviewWarnsInBothLanguagesAndTheMergedTermIsImportedOnce() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            int before = p.entries(false).size();
            ImportPreview preview = f.ctx.policyTransferService().previewCsv("terms.csv", "term,category,severity\n"
                    + "Project Titan,codename,WARN\nNusantara Link,codename,INFO\nproject-titan,codename,BLOCK\n", false);
            assertTrue(preview.ok(), preview.errors().toString());
            assertEquals(List.of("Project Titan", "Nusantara Link"), preview.added().stream().map(PolicyEntry::term).toList());
            assertEquals(Severity.BLOCK, preview.added().get(0).severity());
            ImportWarning w = preview.warnings().get(0);
            assertEquals("policy.warning.mergedTerms", w.key());
            assertEquals(List.of(4, "project-titan", 2, "Project Titan", "BLOCK"), w.args());
            assertEquals(w.message(), I18n.of(Locale.ENGLISH).text(w.key(), w.args().toArray()));
            assertEquals("Baris 4 \"project-titan\" adalah istilah yang sama dengan baris 2 \"Project Titan\" setelah dinormalkan:"
                    + " digabung menjadi satu, BLOCK (tingkat yang lebih ketat)",
                    I18n.of(Locale.forLanguageTag("id")).text(w.key(), w.args().toArray()));
            f.ctx.policyTransferService().apply(preview);
            assertEquals(before + 2, p.entries(false).size());
        }
    }

    @Test
    void aFileTermEqualToAStoredOneUpdatesItInsteadOfFailingTheImport() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            PolicyEntry komodo = p.entries(false).stream().filter(e -> "Project Komodo".equals(e.term())).findFirst().orElseThrow();
            ImportPreview preview = f.ctx.policyTransferService().previewJson("p.json",
                    "{\"terms\": [{\"term\": \"Pr0ject-Komodo\", \"category\": \"codename\", \"severity\": \"WARN\"}]}", false);
            assertTrue(preview.ok(), preview.errors().toString());
            assertTrue(preview.added().isEmpty());
            assertEquals(komodo.id(), preview.changed().get(0).before().id());
            assertNull(preview.warnings().isEmpty() ? null : preview.warnings());
        }
    }
}
