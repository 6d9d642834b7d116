package io.byline.ui.policy;

import io.byline.service.PolicyTransferService;
import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;
import io.byline.testing.PostFixture;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Policy screen's logic without the toolkit: filters, the entry editor, field errors, import and export. */
class PolicyViewModelTest {
    @TempDir Path dir;

    private static PolicyViewModel model(PostFixture f) {
        f.as("admin");
        PolicyViewModel m = new PolicyViewModel(f.ctx.policyService(), f.ctx.policyTransferService(), f.ctx.policyBenchService(),
                f.ctx.allowProposalService(), new ImmediateTaskRunner());
        m.load();
        return m;
    }

    private static List<String> visible(PolicyViewModel m) {
        return m.visible().stream().map(PolicyEntry::text).toList();
    }

    @Test
    void filtersBySearchCategoryAndSeverityIgnoringCaseAndWidth() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyViewModel m = model(f);
            assertEquals(5, m.visible().size(), "the demo policy");
            m.searchProperty().set("ＫＯＭＯＤＯ"); // full-width letters fold to ASCII
            assertEquals(List.of("Project Komodo"), visible(m));
            m.searchProperty().set("");
            m.severityFilterProperty().set(Severity.WARN);
            assertEquals(2, m.visible().size(), visible(m).toString());
            m.categoryFilterProperty().set("financial");
            assertEquals(List.of("Q4 revenue"), visible(m));
            assertTrue(m.categories().contains("codename"));
        }
    }

    @Test
    void aNewEntryIsSavedAndShownAndABadOneGetsFieldErrors() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyViewModel m = model(f);
            m.newEntry(false);
            assertEquals(Severity.BLOCK, m.severityProperty().get(), "terms start as blocking");
            m.textProperty().set("");
            m.categoryProperty().set("codename");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            m.save(e -> { }, failure::set);
            assertNull(failure.get(), "a field problem is not a failure");
            assertFalse(m.errors().isEmpty(), "an empty term is refused with a field error");
            m.textProperty().set("Project Rinjani");
            AtomicReference<PolicyEntry> saved = new AtomicReference<>();
            m.save(saved::set, failure::set);
            assertNotNull(saved.get(), String.valueOf(failure.get()));
            assertTrue(m.errors().isEmpty());
            assertTrue(visible(m).contains("Project Rinjani"));
            assertEquals(saved.get().id(), m.editingProperty().get().id(), "the saved entry stays in the editor");
        }
    }

    @Test
    void exportThenImportPreviewsTheSamePolicyWithNothingToChange() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyViewModel m = model(f);
            Path file = dir.resolve("policy.json");
            AtomicReference<Integer> written = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            m.exportTo(file, written::set, failure::set);
            assertNull(failure.get());
            assertEquals(5, written.get());
            assertTrue(Files.size(file) > 0);
            AtomicReference<io.byline.service.PolicyTransferService.ImportPreview> preview = new AtomicReference<>();
            m.previewImport(file, preview::set, failure::set);
            assertNull(failure.get());
            assertTrue(preview.get().ok());
            assertFalse(preview.get().hasChanges(), "the policy's own export changes nothing");
            m.previewImport(dir.resolve("missing.json"), preview::set, failure::set);
            assertNull(failure.get());
            assertFalse(preview.get().ok(), "a missing file previews as a problem to show, nothing to apply");
        }
    }
}
