package io.byline.ui.risks;

import io.byline.domain.Platform;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.service.RiskService.Risk;
import io.byline.testing.PostFixture;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Risks screen's logic without the toolkit: what is listed, the filters, the counts, a link's narrowing, actions. */
class RisksViewModelTest {
    @TempDir Path dir;

    private static RisksViewModel model(PostFixture f, String user) {
        f.as(user);
        RisksViewModel m = new RisksViewModel(f.ctx.riskService(), f.ctx.allowProposalService(), f.ctx.executiveService(),
                new ImmediateTaskRunner(), ZoneOffset.UTC);
        m.load();
        return m;
    }

    /** Two posts: a blocking codename and a phone number (WARN) for Sari, a forward-looking figure (WARN) for Daniel. */
    private static void seed(PostFixture f) {
        f.submitted("Project Komodo ships soon; call +62 812 3456 7890 for details.");
        long id = f.draft("Q4 revenue will grow 20% next year.", List.of(f.account(f.daniel, Platform.X).id()),
                PostFixture.START.plus(java.time.Duration.ofDays(5))).post().id();
        f.ctx.draftService().submit(id, null);
    }

    @Test
    void listsEveryOpenFindingWithCountsAndFilters() {
        try (PostFixture f = new PostFixture(dir)) {
            seed(f);
            RisksViewModel m = model(f, "maya");
            int all = m.filtered().size();
            assertTrue(all >= 3, m.all().toString());
            assertEquals(all, m.blocksProperty().get() + m.warningsProperty().get()
                    + (int) m.filtered().stream().filter(r -> r.severity() == Severity.INFO).count());
            assertTrue(m.categories().contains("codename"), m.categories().toString());

            m.severityProperty().set(Severity.BLOCK);
            assertTrue(m.filtered().stream().allMatch(r -> r.severity() == Severity.BLOCK));
            assertEquals(m.filtered().size(), m.blocksProperty().get());
            assertEquals(0, m.warningsProperty().get(), "counts follow the filters");
            m.severityProperty().set(null);

            m.executiveProperty().set("Daniel Hartono");
            assertTrue(m.filtered().stream().allMatch(r -> r.executiveName().equals("Daniel Hartono")));
            assertTrue(m.filtered().size() >= 1);
            m.executiveProperty().set(null);

            m.searchProperty().set("KOMODO");
            assertTrue(m.filtered().stream().allMatch(r -> r.context().contains("Komodo")), m.filtered().toString());
            m.searchProperty().set("");
            assertEquals(all, m.filtered().size());
        }
    }

    @Test
    void aLinkFromTheDashboardShowsOnlyWhatItAsksFor() {
        try (PostFixture f = new PostFixture(dir)) {
            seed(f);
            RisksViewModel m = model(f, "maya");
            m.showOnly(null, RuleIds.LEXICON, null);
            assertTrue(m.filtered().stream().allMatch(r -> r.rule().equals(RuleIds.LEXICON)));
            assertTrue(m.filtered().size() >= 1);
            assertEquals(RuleIds.LEXICON, m.ruleProperty().get());
        }
    }

    @Test
    void acknowledgingAWarningTakesItOffTheList() {
        try (PostFixture f = new PostFixture(dir)) {
            seed(f);
            RisksViewModel m = model(f, "maya");
            Risk warning = m.all().stream().filter(r -> r.severity() == Severity.WARN && r.canAcknowledge()).findFirst().orElseThrow();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<io.byline.service.RiskService.BulkResult> done = new AtomicReference<>();
            m.acknowledge(List.of(warning), done::set, failure::set);
            assertNull(failure.get());
            assertEquals(1, done.get().done());
            assertTrue(m.all().stream().noneMatch(r -> r.fingerprint().equals(warning.fingerprint())), "reloaded without it");
        }
    }

    @Test
    void aWriterSeesOnlyTheirOwnPosts() {
        try (PostFixture f = new PostFixture(dir)) {
            seed(f);
            assertEquals("risks.subtitle.all", RisksViewModel.subtitleKey(f.as("maya")));
            assertEquals("risks.subtitle.own", RisksViewModel.subtitleKey(f.as("rina")));
        }
    }
}
