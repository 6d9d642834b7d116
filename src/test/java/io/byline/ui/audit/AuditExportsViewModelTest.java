package io.byline.ui.audit;

import io.byline.domain.AuditFilter;
import io.byline.testing.PostFixture;
import io.byline.ui.common.I18n;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Audit screen's exports without the toolkit: each ends in an outcome the screen can word, and reloads the log. */
class AuditExportsViewModelTest {
    @TempDir Path dir;

    private static AuditExportsViewModel model(PostFixture f, AtomicInteger reloads) {
        f.as("admin");
        return new AuditExportsViewModel(f.ctx.auditService(), f.ctx.evidenceService(), f.ctx.workspaceService(),
                new ImmediateTaskRunner(), reloads::incrementAndGet);
    }

    private static void wordedInBothLanguages(AuditExportsViewModel.Outcome o) {
        for (Locale l : I18n.LANGUAGES) {
            String s = I18n.of(l).text(o.key(), o.args().toArray());
            assertFalse(s.startsWith("!") || s.contains("{"), s);
        }
    }

    @Test
    void exportingTheLogWritesTheFileSaysHowManyAndReloads() throws Exception {
        try (PostFixture f = new PostFixture(dir.resolve("ws"))) {
            AtomicInteger reloads = new AtomicInteger();
            AuditExportsViewModel m = model(f, reloads);
            Path file = dir.resolve("audit.csv");
            m.export(file, AuditFilter.ALL);
            AuditExportsViewModel.Outcome o = m.outcomeProperty().get();
            assertFalse(o.failed(), String.valueOf(o.error()));
            assertEquals("audit.export.done", o.key());
            long lines = Files.readAllLines(file).size();
            assertEquals(lines - 1, (long) o.args().get(0), "the count is the rows written under the header");
            assertEquals(1, reloads.get());
            wordedInBothLanguages(o);
        }
    }

    @Test
    void aCheckpointAndAnEvidenceBundleAreWrittenAndWorded() throws Exception {
        try (PostFixture f = new PostFixture(dir.resolve("ws"))) {
            long post = f.submitted("Our Surabaya team shipped on time.");
            AtomicInteger reloads = new AtomicInteger();
            AuditExportsViewModel m = model(f, reloads);
            m.checkpoint(dir.resolve("checkpoint.txt"));
            assertEquals("audit.checkpoint.done", m.outcomeProperty().get().key());
            assertTrue(Files.size(dir.resolve("checkpoint.txt")) > 0);
            wordedInBothLanguages(m.outcomeProperty().get());
            f.as("admin");
            m.evidence(post, dir.resolve("evidence.json"));
            assertEquals("audit.evidence.done", m.outcomeProperty().get().key(), String.valueOf(m.outcomeProperty().get().error()));
            assertTrue(Files.exists(dir.resolve("evidence.json")));
            wordedInBothLanguages(m.outcomeProperty().get());
            assertEquals(2, reloads.get());
        }
    }

    @Test
    void aFailedExportSaysWhyAndDoesNotReload() throws Exception {
        try (PostFixture f = new PostFixture(dir.resolve("ws"))) {
            AtomicInteger reloads = new AtomicInteger();
            AuditExportsViewModel m = model(f, reloads);
            Path notAFolder = Files.writeString(dir.resolve("file"), "x");
            m.export(notAFolder.resolve("audit.jsonl"), AuditFilter.ALL);
            AuditExportsViewModel.Outcome o = m.outcomeProperty().get();
            assertTrue(o.failed());
            assertNull(o.key());
            assertEquals(0, reloads.get());
        }
    }
}
