package io.byline.ui.compose;

import io.byline.AppContext;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.StorageException;
import io.byline.domain.WordDiff;
import io.byline.service.PostDetail;
import io.byline.testing.TestWorkspace;
import io.byline.ui.common.I18n;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Compose view model without the toolkit: same-thread runner, debouncers fired by hand, a real workspace. */
class ComposeViewModelTest {
    @TempDir Path dir;
    private AppContext ctx;
    private ControlledTaskRunner runner;
    private ManualDebouncer checks;
    private ManualDebouncer autosave;
    private ComposeViewModel vm;

    @BeforeEach
    void open() {
        ctx = TestWorkspace.demo(dir);
        TestWorkspace.signIn(ctx, "rina");
        runner = new ControlledTaskRunner();
        checks = new ManualDebouncer();
        autosave = new ManualDebouncer();
        vm = new ComposeViewModel(ctx.draftService(), ctx.executiveService(), ctx.reviewService(), ctx.queueService(), runner, ctx.clock(),
                I18n.of(Locale.ENGLISH), checks, autosave);
        vm.load();
        Executive sari = vm.executives().stream().filter(e -> e.name().equals("Sari Wijaya")).findFirst().orElseThrow();
        vm.executiveProperty().set(sari);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private void type(String text) {
        vm.textProperty().set(text);
    }

    @Test
    void newDraftTargetsEveryActiveAccountOfTheExecutive() {
        assertEquals(List.of(Platform.X, Platform.LINKEDIN, Platform.THREADS, Platform.BLUESKY), vm.platforms());
        assertEquals(Platform.X, vm.activePlatformProperty().get());
        assertNotNull(vm.publishDateProperty().get());
        assertTrue(vm.zoneLabelProperty().get().contains("Asia/Jakarta"), vm.zoneLabelProperty().get());
    }

    @Test
    void checksWaitForAPauseInTypingThenListTheFinding() {
        type("Excited that Project Komodo ships soon");
        assertTrue(checks.pending());
        assertTrue(vm.findings().isEmpty(), "nothing is checked before the pause");
        checks.fire();
        FindingViewModel f = vm.findings().stream().filter(x -> x.rule().equals("lexicon")).findFirst().orElseThrow();
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(13, f.start());
        assertEquals(27, f.end());
        assertEquals("Project Komodo", f.matched());
        assertFalse(f.message().contains("Komodo"), "the message never repeats the term");
        assertTrue(vm.upToDate());
    }

    @Test
    void typingAgainRestartsTheWaitSoOneCheckRunsPerPause() {
        type("P");
        type("Pr");
        type("Project Komodo");
        assertEquals(3, checks.requests());
        runner.hold();
        checks.fire();
        assertEquals(1, runner.queued(), "one check for the pause, not one per keystroke");
        runner.runAll();
        assertEquals(1, vm.findings().size());
    }

    @Test
    void aResultForOlderTextIsDroppedWhenNewerTextExists() {
        runner.hold();
        type("Project Komodo is on track");
        checks.fire();                 // check 1 starts (older text)
        type("All on track");          // the writer deletes the term
        checks.fire();                 // check 2 starts (newer text)
        assertEquals(2, runner.queued());
        runner.runNewest();            // the newer check finishes first: clean
        assertTrue(vm.findings().isEmpty());
        runner.runOldest();            // the older, slower check finishes last
        assertTrue(vm.findings().isEmpty(), "the old result must not paint over the newer text");
        assertEquals(1, vm.droppedResults());
        assertTrue(vm.upToDate());
    }

    @Test
    void aResultArrivingAfterAnEditIsDroppedEvenBeforeTheNextCheck() {
        runner.hold();
        type("Project Komodo");
        checks.fire();
        type("Project Komodo, dragons");   // edited while the check ran
        runner.runAll();
        assertTrue(vm.findings().isEmpty());
        assertFalse(vm.upToDate());
        assertEquals(1, vm.droppedResults());
        runner.release();
        checks.fire();
        assertEquals(1, vm.findings().size());
    }

    @Test
    void countersCountTheWayEachPlatformDoes() {
        type("Hello https://example.com/a/very/long/path/that/is/long 👋🏽");
        CounterViewModel x = counter(Platform.X);
        assertEquals(6 + 23 + 1 + 2, x.count(), "X: a link is 23, an emoji with skin tone is 2");
        CounterViewModel bsky = counter(Platform.BLUESKY);
        assertEquals(6 + "https://example.com/a/very/long/path/that/is/long".length() + 1 + 1, bsky.count(),
                "Bluesky: graphemes");
        CounterViewModel li = counter(Platform.LINKEDIN);
        assertEquals(6 + 49 + 1 + 2, li.count(), "LinkedIn: code points");
        assertEquals(CounterViewModel.Level.OK, x.level());
    }

    @Test
    void countersWarnNearTheLimitAndMarkTheOverflow() {
        type("a".repeat(265));
        assertEquals(CounterViewModel.Level.NEAR, counter(Platform.X).level());
        assertEquals(-1, vm.overflowStartProperty().get());
        type("a".repeat(290));
        assertEquals(CounterViewModel.Level.OVER, counter(Platform.X).level());
        assertEquals(CounterViewModel.Level.OK, counter(Platform.LINKEDIN).level());
        assertEquals(280, vm.overflowStartProperty().get());
        vm.activePlatformProperty().set(Platform.LINKEDIN);
        assertEquals(-1, vm.overflowStartProperty().get());
    }

    @Test
    void aVariantStartsFromTheSharedTextAndCountsOnItsOwn() {
        type("Shared words");
        vm.activePlatformProperty().set(Platform.LINKEDIN);
        vm.setVariant(true);
        assertEquals("Shared words", vm.textProperty().get());
        type("Shared words, with more detail for LinkedIn readers");
        assertEquals("Shared words", vm.sharedText());
        assertEquals("Shared words, with more detail for LinkedIn readers", vm.textFor(Platform.LINKEDIN));
        assertTrue(counter(Platform.LINKEDIN).variant());
        vm.activePlatformProperty().set(Platform.X);
        assertEquals("Shared words", vm.textProperty().get());
    }

    @Test
    void threadModeSplitsAndChecksEachPart() {
        String sentence = "Our teams in Surabaya and Makassar worked through the night to keep deliveries moving. ";
        type(sentence.repeat(6) + "Project Komodo is next.");
        vm.threadModeProperty().set(true);
        checks.fire();
        List<ThreadPartViewModel> parts = vm.threadParts();
        assertTrue(parts.size() >= 2, "parts: " + parts.size());
        for (ThreadPartViewModel p : parts) {
            assertTrue(p.count() <= 280, "part " + p.number() + " counts " + p.count());
            assertTrue(p.text().startsWith(p.number() + "/" + parts.size() + " "));
        }
        ThreadPartViewModel last = parts.get(parts.size() - 1);
        assertEquals(Severity.BLOCK, last.worst(), "the part with the term is flagged");
        assertNull(parts.get(0).worst());
    }

    @Test
    void autosaveCreatesTheDraftThenKeepsTheTypedTextWithoutAVersion() {
        type("First words");
        autosave.fire();
        Long id = vm.postIdProperty().get();
        assertNotNull(id);
        assertEquals(ComposeViewModel.SaveState.SAVED, vm.saveStateProperty().get());
        type("First words and more");
        assertEquals(ComposeViewModel.SaveState.UNSAVED, vm.saveStateProperty().get());
        autosave.fire();
        PostDetail d = ctx.draftService().get(id);
        assertEquals("First words and more", d.unsavedText());
        assertEquals(1, ctx.draftService().versions(id).size(), "autosave makes no version");
        assertFalse(vm.hasUnsavedChanges());
    }

    @Test
    void autosaveWaitsUntilTheDraftCanBeCreated() {
        vm.publishDateProperty().set(LocalDate.now().minusDays(2));
        vm.publishEdited();
        assertEquals("compose.error.publishInPast", vm.errors().get("publishAt"));
        type("Words");
        autosave.fire();
        assertNull(vm.postIdProperty().get());
        assertEquals(ComposeViewModel.SaveState.NOT_READY, vm.saveStateProperty().get());
        assertEquals("compose.notReady.publishAt", vm.notReadyKeyProperty().get());
        assertTrue(vm.hasUnsavedChanges());
    }

    @Test
    void publishTimeIsValidated() {
        vm.publishTimeProperty().set("25:99");
        vm.publishEdited();
        assertEquals("compose.error.publishTimeFormat", vm.errors().get("publishAt"));
        vm.publishTimeProperty().set("9.30");
        vm.publishEdited();
        assertNull(vm.errors().get("publishAt"));
        assertEquals(java.time.ZonedDateTime.of(vm.publishDateProperty().get(), java.time.LocalTime.of(9, 30),
                java.time.ZoneId.of("Asia/Jakarta")).toInstant(), vm.publishInstant());
    }

    @Test
    void saveMakesVersionsWithAWordDiffAndRestoreMakesANewOne() {
        type("We are proud of our teams");
        vm.save();
        assertEquals(1, vm.lastVersionNumberProperty().get());
        type("We are very proud of our teams in Surabaya");
        vm.save();
        assertEquals(2, vm.versions().size());
        assertEquals(2, vm.diffToProperty().get().number());
        assertEquals(1, vm.diffFromProperty().get().number());
        List<WordDiff.Segment> diff = vm.diff();
        assertTrue(diff.stream().anyMatch(s -> s.op() == WordDiff.Op.INSERT && s.text().contains("very")), diff.toString());
        assertEquals("We are proud of our teams", WordDiff.oldText(diff));

        vm.restore(vm.versions().get(1));
        assertEquals("We are proud of our teams", vm.textProperty().get());
        assertEquals(3, vm.versions().size());
        assertEquals(3, vm.lastVersionNumberProperty().get());
    }

    @Test
    void submitWithoutBlockingFindingsNeedsNoReason() {
        type("Thank you to our teams in Makassar.");
        vm.prepareSubmit();
        assertNotNull(vm.submitPreviewProperty().get());
        assertFalse(vm.submitPreviewProperty().get().reasonRequired());
        assertTrue(vm.submit(null));
        assertEquals(PostState.IN_REVIEW, vm.stateProperty().get());
        assertTrue(vm.submittedProperty().get());
    }

    @Test
    void submitWithBlockingFindingsRequiresAWrittenReason() {
        type("Project Komodo launches next week.");
        vm.prepareSubmit();
        var preview = vm.submitPreviewProperty().get();
        assertTrue(preview.reasonRequired());
        assertTrue(vm.submitFindings().stream().anyMatch(f -> f.severity() == Severity.BLOCK
                && f.matched().equals("Project Komodo")));
        assertFalse(vm.submit("   "));
        assertEquals("compose.submit.reasonRequired", vm.submitErrorProperty().get());
        assertFalse(vm.submit("too short"));
        assertEquals(PostState.DRAFT, vm.stateProperty().get());
        assertTrue(vm.submit("Announced publicly at the launch event that morning."));
        assertEquals(PostState.IN_REVIEW, vm.stateProperty().get());
        assertEquals("Announced publicly at the launch event that morning.",
                ctx.draftService().get(vm.postIdProperty().get()).post().submitReason());
    }

    @Test
    void aStorageFailureSaysWhatHappenedAndKeepsTheText() {
        type("Words that must not be lost");
        runner.failNext(new StorageException(StorageException.Kind.DISK_FULL, "disk full"));
        vm.save();
        assertEquals(ComposeViewModel.SaveState.FAILED, vm.saveStateProperty().get());
        assertTrue(vm.saveProblemProperty().get() instanceof StorageException);
        assertNotNull(vm.failureProperty().get(), "an explicit save reports the failure");
        assertEquals("Words that must not be lost", vm.textProperty().get());
        assertTrue(vm.hasUnsavedChanges());
        vm.failureProperty().set(null);
        vm.save();
        assertEquals(ComposeViewModel.SaveState.SAVED, vm.saveStateProperty().get());
        assertFalse(vm.hasUnsavedChanges());
    }

    @Test
    void anImageWithoutAltTextIsAWarningUntilDescribed() {
        type("A photo from Makassar");
        vm.attach("harbour.png", png());
        assertEquals(1, vm.media().size());
        FindingViewModel f = vm.findings().stream().filter(x -> x.rule().equals(RuleIds.MEDIA_ALT_TEXT))
                .findFirst().orElseThrow();
        assertEquals(Severity.WARN, f.severity());
        assertEquals("harbour.png", f.matched());
        MediaViewModel m = vm.media().get(0);
        m.altTextProperty().set("Cranes at Makassar harbour at dawn");
        assertTrue(vm.findings().stream().noneMatch(x -> x.rule().equals(RuleIds.MEDIA_ALT_TEXT)));
        vm.commitAltText(m);
        assertEquals("Cranes at Makassar harbour at dawn",
                ctx.draftService().get(vm.postIdProperty().get()).media().get(0).altText());
    }

    @Test
    void nextFindingCyclesThroughTheList() {
        type("Project Komodo and Merapi Capital, then Nusa Pay");
        checks.fire();
        assertEquals(3, vm.findings().size());
        assertEquals(0, vm.nextFinding(0, true));
        assertEquals(1, vm.nextFinding(0, true));
        assertEquals(2, vm.nextFinding(0, true));
        assertEquals(0, vm.nextFinding(0, true));
        assertEquals(2, vm.nextFinding(0, false));
    }

    @Test
    void reopeningAfterACrashBringsBackAutosavedText() {
        type("Draft typed before the crash");
        autosave.fire();
        type("Draft typed before the crash, and then some");
        autosave.fire();
        ComposeViewModel fresh = new ComposeViewModel(ctx.draftService(), ctx.executiveService(), ctx.reviewService(), ctx.queueService(), runner,
                ctx.clock(), I18n.of(Locale.ENGLISH), new ManualDebouncer(), new ManualDebouncer());
        fresh.recoverUnsaved();
        assertTrue(fresh.recoveredProperty().get());
        assertEquals("Draft typed before the crash, and then some", fresh.textProperty().get());
        assertEquals(vm.postIdProperty().get(), fresh.postIdProperty().get());
    }

    private CounterViewModel counter(Platform p) {
        return vm.counters().stream().filter(c -> c.platform() == p).findFirst().orElseThrow();
    }

    /** The smallest valid PNG: one transparent pixel. */
    static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }
}
