package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostMedia;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.domain.WordDiff;
import io.byline.service.DraftService;
import io.byline.service.PostDetail;
import io.byline.service.VersionDiff;
import io.byline.testing.PostFixture;
import io.byline.testing.TestWorkspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftServiceTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @TempDir
    Path dir;

    @Test
    void aDraftStartsWithVersionOneAndSavingUnchangedTextMakesNoVersion() {
        try (PostFixture f = new PostFixture(dir)) {
            PostDetail d = f.draft("Proud of our teams in Surabaya.");
            assertEquals(PostState.DRAFT, d.post().state());
            assertEquals(1, d.current().number());
            assertEquals(64, d.current().hash().length());
            DraftService drafts = f.ctx.draftService();
            DraftService.SaveResult same = drafts.save(d.post().id(), "Proud of our teams in Surabaya.", Map.of());
            assertFalse(same.versionCreated());
            DraftService.SaveResult changed = drafts.save(d.post().id(), "Proud of our teams in Makassar.", Map.of());
            assertTrue(changed.versionCreated());
            assertEquals(2, changed.version().number());
            List<PostVersion> history = drafts.versions(d.post().id());
            assertEquals(List.of(1, 2), history.stream().map(PostVersion::number).toList());
            assertEquals("Rina Kusuma", history.get(1).authorName());
        }
    }

    @Test
    void onlyWritersAndApproversDraft() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.draft("Hello").post().id();
            for (String u : List.of("budi", "maya", "sari", "admin")) {
                f.as(u);
                assertFalse(f.ctx.draftService().canDraft());
                assertThrows(PermissionDeniedException.class, () -> f.ctx.draftService().save(id, "changed", Map.of()), u);
                assertThrows(PermissionDeniedException.class, () -> f.ctx.draftService().autosave(id, "changed", Map.of()), u);
            }
            f.as("andi");
            assertTrue(f.ctx.draftService().save(id, "Changed by the director", Map.of()).versionCreated());
        }
    }

    @Test
    void creatingChecksAccountsAndTime() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("rina");
            long sariX = f.account(f.sari, Platform.X).id();
            long danielX = f.account(f.daniel, Platform.X).id();
            ValidationException other = assertThrows(ValidationException.class, () -> f.ctx.draftService().create(
                    new DraftService.NewDraft(f.sari.id(), List.of(sariX, danielX), "x", Map.of(), PostFixture.START.plusSeconds(86400))));
            assertEquals(List.of("accounts"), other.fields());
            ValidationException past = assertThrows(ValidationException.class, () -> f.ctx.draftService().create(
                    new DraftService.NewDraft(f.sari.id(), List.of(sariX), "x", Map.of(), PostFixture.START.minusSeconds(1))));
            assertEquals(List.of("publishAt"), past.fields());
            assertThrows(ValidationException.class, () -> f.ctx.draftService().create(
                    new DraftService.NewDraft(f.sari.id(), List.of(), "x", Map.of(), PostFixture.START.plusSeconds(86400))));
        }
    }

    @Test
    void variantsPerPlatformAreKeptAndHashed() {
        try (PostFixture f = new PostFixture(dir)) {
            long x = f.account(f.sari, Platform.X).id();
            long li = f.account(f.sari, Platform.LINKEDIN).id();
            PostDetail d = f.draft("Short shared text", List.of(x, li), PostFixture.START.plus(Duration.ofDays(3)));
            String before = d.current().hash();
            DraftService.SaveResult r = f.ctx.draftService().save(d.post().id(), "Short shared text",
                    Map.of(Platform.LINKEDIN, "A longer LinkedIn text", Platform.THREADS, "not targeted: dropped"));
            assertTrue(r.versionCreated());
            assertEquals(Map.of(Platform.LINKEDIN, "A longer LinkedIn text"), r.version().variants());
            assertEquals("A longer LinkedIn text", r.version().textFor(Platform.LINKEDIN));
            assertEquals("Short shared text", r.version().textFor(Platform.X));
            assertTrue(!before.equals(r.version().hash()));
        }
    }

    @Test
    void autosaveKeepsTextWithoutAVersionAndSurvivesReopening() {
        long id;
        try (PostFixture f = new PostFixture(dir)) {
            id = f.draft("First line").post().id();
            f.ctx.draftService().autosave(id, "First line\nSecond line typed but never saved \uD83D\uDE80", Map.of());
            assertEquals(1, f.ctx.draftService().versions(id).size());
        }
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "rina");
            PostDetail d = ctx.draftService().get(id);
            assertEquals("First line\nSecond line typed but never saved \uD83D\uDE80", d.unsavedText());
            assertEquals("First line", d.current().text());
            assertEquals(List.of(id), ctx.draftService().unsavedWork().stream().map(x -> x.post().id()).toList());
            ctx.draftService().save(id, d.unsavedText(), Map.of());
            assertNull(ctx.draftService().get(id).unsavedText());
            assertTrue(ctx.draftService().unsavedWork().isEmpty());
        }
    }

    @Test
    void diffBetweenAnyTwoVersionsAndRestoreAsNewVersion() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.draft("We open on Monday in Surabaya.").post().id();
            DraftService drafts = f.ctx.draftService();
            drafts.save(id, "We open on Tuesday in Surabaya.", Map.of());
            drafts.save(id, "We open on Tuesday in Surabaya and Makassar.", Map.of());
            List<PostVersion> v = drafts.versions(id);
            VersionDiff d = drafts.diff(v.get(0).id(), v.get(2).id());
            assertEquals(List.of(new WordDiff.Segment(WordDiff.Op.EQUAL, "We open on "),
                    new WordDiff.Segment(WordDiff.Op.DELETE, "Monday"), new WordDiff.Segment(WordDiff.Op.INSERT, "Tuesday"),
                    new WordDiff.Segment(WordDiff.Op.EQUAL, " in Surabaya"),
                    new WordDiff.Segment(WordDiff.Op.INSERT, " and Makassar"),
                    new WordDiff.Segment(WordDiff.Op.EQUAL, ".")), d.text());
            DraftService.SaveResult restored = drafts.restore(id, v.get(0).id());
            assertEquals(4, restored.version().number());
            assertEquals("We open on Monday in Surabaya.", restored.version().text());
            assertEquals("restored from version 1", restored.version().note());
            assertEquals(v.get(0).hash(), restored.version().hash(), "same content, same hash");
        }
    }

    @Test
    void mediaIsKeptInTheWorkspaceAndMissingAltTextIsAWarning() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.draft("Look at our new warehouse").post().id();
            DraftService drafts = f.ctx.draftService();
            PostMedia m = drafts.attachMedia(id, "/home/rina/Pictures/warehouse.png", PNG, "");
            assertEquals("warehouse.png", m.fileName());
            assertEquals("image/png", m.mimeType());
            assertEquals(PNG.length, drafts.mediaBytes(m.id()).length);
            PostDetail d = drafts.get(id);
            assertEquals(2, d.current().number(), "attaching is an edit");
            PostFinding alt = d.findings().stream().filter(x -> x.rule().equals("media.alt-text")).findFirst().orElseThrow();
            assertEquals(Severity.WARN, alt.severity());
            assertNull(alt.platform());
            drafts.setAltText(m.id(), "A long warehouse with solar panels on its roof");
            assertTrue(drafts.get(id).findings().stream().noneMatch(x -> x.rule().equals("media.alt-text")));
            assertEquals(3, drafts.get(id).current().number());

            assertEquals(List.of("media"), assertThrows(ValidationException.class,
                    () -> drafts.attachMedia(id, "notes.txt", "plain text".getBytes(), "alt")).fields());
            assertEquals(List.of("media"), assertThrows(ValidationException.class,
                    () -> drafts.attachMedia(id, "big.png", bigPng(), "alt")).fields());
            drafts.removeMedia(m.id());
            assertTrue(drafts.get(id).media().isEmpty());
        }
    }

    private static byte[] bigPng() {
        byte[] b = new byte[DraftService.MAX_MEDIA_BYTES + 1];
        System.arraycopy(PNG, 0, b, 0, PNG.length);
        return b;
    }

    @Test
    void submittingWithABlockingFindingNeedsAReasonThatReviewersSee() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.draft("Project Komodo ships next quarter").post().id();
            DraftService drafts = f.ctx.draftService();
            DraftService.SubmitPreview preview = drafts.prepareSubmit(id);
            assertTrue(preview.reasonRequired());
            assertEquals("lexicon", preview.blocking().get(0).rule());
            assertEquals(List.of("reason"), assertThrows(ValidationException.class, () -> drafts.submit(id, " ")).fields());
            drafts.submit(id, "The codename was announced at the town hall.");
            PostDetail d = drafts.get(id);
            assertEquals(PostState.IN_REVIEW, d.post().state());
            assertEquals("The codename was announced at the town hall.", d.post().submitReason());
            assertThrows(ValidationException.class, () -> drafts.submit(id, "again and again"), "already in review");
        }
    }

    @Test
    void submittingCleanTextNeedsNoReasonAndSavesAutosavedTextFirst() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.draft("Draft").post().id();
            f.ctx.draftService().autosave(id, "Final words for the team", Map.of());
            f.ctx.draftService().submit(id, null);
            PostDetail d = f.ctx.draftService().get(id);
            assertEquals(PostState.IN_REVIEW, d.post().state());
            assertEquals("Final words for the team", d.current().text());
            assertEquals(2, d.current().number());
        }
    }

    @Test
    void textIsStoredVerbatimExceptLoneSurrogates() {
        try (PostFixture f = new PostFixture(dir)) {
            String tricky = "'; DROP TABLE post; -- <b>bold</b> \"quotes\" \u202Ertl\u202C e\u0301 \uD83D\uDE80";
            long id = f.draft(tricky).post().id();
            assertEquals(tricky, f.ctx.draftService().get(id).current().text());
            f.ctx.draftService().save(id, "broken \uD800 half", Map.of());
            assertEquals("broken \uFFFD half", f.ctx.draftService().get(id).current().text());
            assertThrows(ValidationException.class, () -> f.ctx.draftService().save(id, "x".repeat(100_001), Map.of()));
        }
    }

    @Test
    void liveCheckFindsTermsPerPlatformWithoutSaving() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("rina");
            long x = f.account(f.sari, Platform.X).id();
            var found = f.ctx.draftService().liveCheck("Talks with Merapi Capital", Map.of(), List.of(x),
                    PostFixture.START.plus(Duration.ofDays(2)));
            assertEquals(Severity.BLOCK, found.get(Platform.X).get(0).severity());
            assertEquals("m-and-a", found.get(Platform.X).get(0).category());
        }
    }
}
