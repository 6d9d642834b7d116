package io.byline.ui.compose;

import io.byline.domain.Platform;
import io.byline.domain.Severity;
import io.byline.service.EvidenceService;
import io.byline.service.PolicyService.EntryDraft;
import io.byline.testing.PostFixture;
import io.byline.ui.common.I18n;
import io.byline.ui.common.ImmediateTaskRunner;
import io.byline.ui.queue.QueueViewModel;
import io.byline.ui.risks.RisksViewModel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same findings read the same on every screen: Compose, the Queue's detail, Risks and the evidence bundle pass
 * one post's findings through their own models, in both languages, and the texts are compared.
 */
class FindingTextsAgreementTest {
    /** 9 + 140 × 2 = 289 on X's weighted count, but 149 code points. */
    private static final String TEXT = "Bluebird " + "漢".repeat(140);
    private static final Locale ID = Locale.forLanguageTag("id");

    @TempDir Path dir;

    @Test
    void everyScreenWordsTheSameFindingsTheSameWay() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("admin");
            f.ctx.policyService().add(new EntryDraft(false, "Bluebird", "vendor", Severity.BLOCK, null, ""));
            long id = f.submitted(TEXT);

            for (Locale l : List.of(Locale.ENGLISH, ID)) {
                Set<String> compose = compose(f, id, l);
                Set<String> queue = queue(f, id, l);
                assertEquals(queue, compose, "Compose and Queue in " + l);
                assertEquals(2, queue.size(), queue.toString());
                queue.forEach(m -> assertFalse(m.contains("{") || m.startsWith("!"), m));

                // Risks has no post text at hand: the length finding names the platform without a count
                Set<String> risks = risks(f, id, l);
                Set<String> expected = queue.stream().map(m -> m.replaceFirst(": [0-9]+ .*", ""))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected, risks, "Risks in " + l);
            }
            assertTrue(queue(f, id, Locale.ENGLISH).contains("Confidential term (vendor)"));
            assertTrue(queue(f, id, Locale.ENGLISH).contains("Too long for X: 289 of 280"), "X counts its own way, not code points");
            assertTrue(risks(f, id, Locale.ENGLISH).contains("Confidential term (vendor)"), "the category fills the placeholder");
            assertEquals(queue(f, id, Locale.ENGLISH), evidence(f, id), "the evidence bundle words findings in English");
        }
    }

    @Test
    void queuePreviewCountsLikeCompose() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted(TEXT);
            QueueViewModel.Detail d = detail(f, id);
            assertEquals(289, d.length(Platform.X).count());
            assertEquals(280, d.length(Platform.X).limit());
        }
    }

    @Test
    void risksShowThePublishTimeInTheExecutivesZone() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted(TEXT);
            f.as("maya");
            RisksViewModel m = new RisksViewModel(f.ctx.riskService(), f.ctx.allowProposalService(), f.ctx.executiveService(),
                    new ImmediateTaskRunner(), ZoneOffset.UTC);
            m.load();
            var r = m.all().stream().filter(x -> x.postId() == id).findFirst().orElseThrow();
            assertEquals(io.byline.ui.common.PublishTimes.brief(r.publishAt(), java.time.ZoneId.of("Asia/Jakarta"), Locale.ENGLISH),
                    m.publishTime(r, Locale.ENGLISH));
            assertTrue(m.publishTime(r, Locale.ENGLISH).endsWith(" WIB"), m.publishTime(r, Locale.ENGLISH));
        }
    }

    private static Set<String> compose(PostFixture f, long id, Locale l) {
        f.as("rina");
        ManualDebouncer checks = new ManualDebouncer();
        ComposeViewModel vm = new ComposeViewModel(f.ctx.draftService(), f.ctx.executiveService(), f.ctx.reviewService(), f.ctx.queueService(),
                new ControlledTaskRunner(), f.clock, I18n.of(l), checks, new ManualDebouncer());
        vm.load();
        vm.open(id);
        if (checks.pending()) checks.fire();
        assertEquals(289, vm.counters().stream().filter(c -> c.platform() == Platform.X).findFirst().orElseThrow().count());
        return vm.findings().stream().map(FindingViewModel::message).collect(Collectors.toCollection(TreeSet::new));
    }

    private static QueueViewModel.Detail detail(PostFixture f, long id) {
        f.as("andi");
        QueueViewModel m = new QueueViewModel(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.publishService(), f.ctx.draftService(),
                f.ctx.executiveService(), f.ctx.session(), new ImmediateTaskRunner(), f.clock);
        m.start();
        m.viewProperty().set(QueueViewModel.View.OPEN);
        m.selectedProperty().set(m.items().stream().filter(i -> i.postId() == id).findFirst().orElseThrow());
        return m.detailProperty().get();
    }

    private static Set<String> queue(PostFixture f, long id, Locale l) {
        QueueViewModel.Detail d = detail(f, id);
        return d.post().findings().stream().map(x -> d.message(x, l)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> risks(PostFixture f, long id, Locale l) {
        f.as("maya");
        RisksViewModel m = new RisksViewModel(f.ctx.riskService(), f.ctx.allowProposalService(), f.ctx.executiveService(), new ImmediateTaskRunner(), ZoneOffset.UTC);
        m.load();
        return m.all().stream().filter(r -> r.postId() == id).map(r -> RisksViewModel.message(r, l))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> evidence(PostFixture f, long id) throws Exception {
        f.as("maya");
        EvidenceService.Files files = f.ctx.evidenceService().writePostBundle(id, dir.resolve("evidence/e.json"));
        JsonObject bundle = JsonParser.parseString(Files.readString(files.json())).getAsJsonObject();
        Set<String> out = new TreeSet<>();
        for (JsonElement s : bundle.getAsJsonArray("sections")) {
            JsonObject o = s.getAsJsonObject();
            if (!o.get("key").getAsString().equals("findings")) continue;
            for (JsonElement x : o.getAsJsonArray("data")) out.add(x.getAsJsonObject().get("message").getAsString());
        }
        return out;
    }
}
