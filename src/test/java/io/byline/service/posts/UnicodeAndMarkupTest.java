package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Comment;
import io.byline.domain.Executive;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.PolicyEntry;
import io.byline.domain.PostFinding;
import io.byline.domain.Role;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.service.DraftService;
import io.byline.service.PolicyService;
import io.byline.service.PostDetail;
import io.byline.testing.PostFixture;
import io.byline.testing.TestWorkspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY B5 (Unicode tricks) and B6 (SQL metacharacters and markup) through the services. */
class UnicodeAndMarkupTest {
    @TempDir
    Path dir;

    private static final String VISIBLE = "Café à Jakarta: résumé of Project Komodo, naïve Q4 revenue talk — Ñusa señor.";

    /** B5: the same visible text in NFC and NFD gives the same findings. */
    @Test
    void nfcAndNfdGiveTheSameFindings() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("rina");
            List<Long> x = List.of(f.account(f.sari, Platform.X).id());
            String nfc = Normalizer.normalize(VISIBLE, Normalizer.Form.NFC);
            String nfd = Normalizer.normalize(VISIBLE, Normalizer.Form.NFD);
            assertNotEquals(nfc, nfd, "the two encodings differ");
            var publish = PostFixture.START.plus(Duration.ofDays(10));
            List<String> a = summary(f.ctx.draftService().liveCheck(nfc, Map.of(), x, publish).get(Platform.X));
            List<String> b = summary(f.ctx.draftService().liveCheck(nfd, Map.of(), x, publish).get(Platform.X));
            assertFalse(a.isEmpty(), "the policy terms are found");
            assertEquals(a, b);
        }
    }

    private static List<String> summary(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            // The policy terms are ASCII, so the UTF-16 span is the same length in both forms; the matched text compares in NFC.
            out.add(f.rule() + "|" + (f.end() - f.start()) + "|" + Normalizer.normalize(f.text() == null ? "" : f.text(), Normalizer.Form.NFC).length()
                    + "|" + f.termId());
        }
        out.sort(null);
        return out;
    }

    /** B5: the stored content hash of a version does not change across a save and reopen. */
    @Test
    void contentHashIsStableAcrossReopen() {
        long id;
        String hash;
        String text = Normalizer.normalize(VISIBLE, Normalizer.Form.NFD) + " \u202Eevil\u202C \u200B\u200C\u200D\uFEFF end";
        try (PostFixture f = new PostFixture(dir)) {
            PostDetail d = f.draft(text);
            id = d.post().id();
            hash = d.current().hash();
            assertFalse(f.ctx.draftService().save(id, text, Map.of()).versionCreated(), "saving the same text again changes nothing");
        }
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "rina");
            PostDetail d = ctx.draftService().get(id);
            assertEquals(text, d.current().text());
            assertEquals(hash, d.current().hash());
            assertEquals(hash, ctx.draftService().versions(id).get(0).hash());
        }
    }

    /** B5: RTL overrides and zero-width characters are stored exactly; a lone surrogate becomes U+FFFD; checks never throw. */
    @Test
    void invisibleAndBidiCharactersAreStoredExactly() {
        String tricky = "Pro\u200Bject Kom\u200Dodo \u202Eodomok tcejorP\u202C \u2066isolate\u2069 \uFEFFzero\u200Cwidth";
        String lone = tricky + " lone \uD83D here and \uDC00 there";
        try (PostFixture f = new PostFixture(dir)) {
            PostDetail d = f.draft(tricky);
            long id = d.post().id();
            assertEquals(tricky, f.ctx.draftService().get(id).current().text());
            var saved = f.ctx.draftService().save(id, lone, Map.of(Platform.X, tricky));
            PostDetail back = f.ctx.draftService().get(id);
            // A lone surrogate cannot be encoded in UTF-8: Byline replaces it with U+FFFD before storing (PostSupport.cleanText).
            assertEquals(tricky + " lone \uFFFD here and \uFFFD there", back.current().text());
            assertEquals(tricky, back.current().variants().get(Platform.X));
            assertEquals(saved.version().hash(), back.current().hash());
            // the checks see through the invisible characters and point at the original text, on every path
            String komodo = "Pro\u200Bject Kom\u200Dodo";
            List<Long> x = List.of(f.account(f.sari, Platform.X).id());
            List<Finding> live = f.ctx.draftService().liveCheck(lone, Map.of(Platform.X, tricky), x,
                    PostFixture.START.plus(Duration.ofDays(10))).get(Platform.X);
            Finding codename = live.stream().filter(k -> k.rule().equals(RuleIds.LEXICON)).findFirst().orElseThrow();
            assertEquals(komodo, tricky.substring(codename.start(), codename.end()), "the span is the original text, invisibles included");
            assertEquals(Severity.BLOCK, codename.severity());
            assertEquals(1, live.stream().filter(k -> k.rule().equals(RuleIds.LEXICON)).count(), "the reversed copy is not a hit");
            for (List<PostFinding> stored : List.of(f.ctx.draftService().recheck(id), f.ctx.draftService().prepareSubmit(id).findings())) {
                PostFinding p = stored.stream().filter(k -> k.rule().equals(RuleIds.LEXICON) && k.platform() == Platform.X)
                        .findFirst().orElseThrow(() -> new AssertionError("no codename finding in " + stored));
                assertEquals(komodo, tricky.substring(p.start(), p.end()));
                assertEquals(codename.termId(), p.termId());
            }
        }
    }

    private static final String PAYLOAD = "'); DROP TABLE post;-- <script>alert(1)</script> %_\\ \"q\" 'q' `q` 😀👩🏽‍💻";

    /** B6: SQL metacharacters and markup in every text field are stored and read back verbatim; nothing else changes. */
    @Test
    void sqlMetacharactersAndMarkupAreStoredVerbatim() throws Exception {
        Set<String> tablesBefore;
        try (PostFixture f = new PostFixture(dir)) {
            tablesBefore = tables();
            f.as("admin");
            Executive e = f.ctx.executiveService().save(new Executive(0, "Exec " + PAYLOAD, "Title " + PAYLOAD, "Org " + PAYLOAD,
                    "Voice " + PAYLOAD, null, "Asia/Jakarta", false));
            Executive e2 = f.ctx.executiveService().get(e.id()).orElseThrow();
            assertEquals("Exec " + PAYLOAD, e2.name());
            assertEquals("Title " + PAYLOAD, e2.title());
            assertEquals("Org " + PAYLOAD, e2.organisation());
            assertEquals("Voice " + PAYLOAD, e2.voiceNotes());

            Account acc = f.ctx.executiveService().saveAccount(new Account(0, e.id(), Platform.X, "payload_exec", Capacity.PERSONAL,
                    "Bio " + PAYLOAD, "Disclaimer " + PAYLOAD, false));
            Account acc2 = f.ctx.executiveService().accounts(e.id(), false).stream().filter(a -> a.id() == acc.id()).findFirst().orElseThrow();
            assertEquals("Bio " + PAYLOAD, acc2.bio());
            assertEquals("Disclaimer " + PAYLOAD, acc2.disclaimer());

            User u = f.ctx.userService().create("payload", "Name " + PAYLOAD, "long-enough-password".toCharArray(), Set.of(Role.WRITER), null);
            assertEquals("Name " + PAYLOAD, f.ctx.userService().list().stream().filter(x -> x.id() == u.id()).findFirst().orElseThrow().displayName());

            PolicyEntry term = f.ctx.policyService().add(new PolicyService.EntryDraft(false, "Payload term", "codename", Severity.WARN,
                    null, "Note " + PAYLOAD));
            assertEquals("Note " + PAYLOAD, f.ctx.policyService().entries(false).stream().filter(p -> p.id() == term.id())
                    .findFirst().orElseThrow().note());

            f.as("rina");
            long x = f.account(f.sari, Platform.X).id();
            PostDetail d = f.ctx.draftService().create(new DraftService.NewDraft(f.sari.id(), List.of(x), "Project Komodo " + PAYLOAD,
                    Map.of(Platform.X, "Project Komodo variant " + PAYLOAD), PostFixture.START.plus(Duration.ofDays(10))));
            long id = d.post().id();
            f.ctx.draftService().submit(id, "Reason " + PAYLOAD);
            PostDetail back = f.ctx.draftService().get(id);
            assertEquals("Project Komodo " + PAYLOAD, back.current().text());
            assertEquals("Project Komodo variant " + PAYLOAD, back.current().variants().get(Platform.X));
            assertEquals("Reason " + PAYLOAD, back.post().submitReason());

            f.as("maya");
            Comment c = f.ctx.reviewService().comment(id, "Comment " + PAYLOAD);
            assertEquals("Comment " + PAYLOAD, f.ctx.reviewService().comments(id).stream().filter(k -> k.id() == c.id())
                    .findFirst().orElseThrow().text());
            PostFinding block = f.ctx.reviewService().findings(id).stream().filter(k -> k.severity() == Severity.BLOCK).findFirst().orElseThrow();
            f.ctx.reviewService().override(id, block.fingerprint(), "Override " + PAYLOAD);
            assertEquals("Override " + PAYLOAD, f.ctx.reviewService().findings(id).stream()
                    .filter(k -> k.fingerprint().equals(block.fingerprint())).findFirst().orElseThrow().decision().reason());

            assertEquals(tablesBefore, tables(), "no table dropped or added");
            assertEquals("ok", f.ctx.database().integrityCheck());
            var v = f.ctx.auditService().verify();
            assertEquals(true, v.ok(), v.problem());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + TestWorkspace.location(dir).database());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM post")) {
            rs.next();
            assertEquals(1, rs.getLong(1), "the post table is there with exactly the one post");
        }
    }

    private Set<String> tables() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + TestWorkspace.location(dir).database());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table','trigger','index')")) {
            Set<String> out = new java.util.TreeSet<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }
}
