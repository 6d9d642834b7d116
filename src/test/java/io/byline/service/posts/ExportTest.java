package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.Platform;
import io.byline.service.PublishService;
import io.byline.service.PublishService.CsvFormat;
import io.byline.testing.PostFixture;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    static final String TRICKY = "Hello, \"world\"!\nSecond line, with commas 🚀👨‍👩‍👧 and ' quotes";

    @TempDir
    Path dir;

    private long approved(PostFixture f, String text, List<Long> accounts, Instant at) {
        long id = f.draft(text, accounts, at).post().id();
        f.ctx.draftService().submit(id, null);
        f.approveAll(id);
        return id;
    }

    @Test
    void jsonExportParsesAndLeavesOutUnapprovedPostsAndFindings() throws IOException {
        try (PostFixture f = new PostFixture(dir.resolve("ws"))) {
            long x = f.account(f.sari, Platform.X).id();
            long li = f.account(f.sari, Platform.LINKEDIN).id();
            long a = approved(f, TRICKY, List.of(x, li), Instant.parse("2026-06-05T02:30:00Z"));
            long draft = f.draft("Still a draft").post().id();
            f.as("rina");
            Path out = dir.resolve("out/posts.json");
            PublishService.ExportResult r = f.ctx.publishService().exportJson(List.of(a, draft), out, false);
            assertEquals(List.of(a), r.exported());
            assertTrue(r.refused().containsKey(draft));
            JsonObject doc = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
            assertEquals("byline-posts", doc.get("format").getAsString());
            JsonArray posts = doc.getAsJsonArray("posts");
            assertEquals(1, posts.size());
            JsonObject p = posts.get(0).getAsJsonObject();
            assertEquals("2026-06-05T09:30+07:00", p.get("publishAtLocal").getAsString());
            assertEquals(TRICKY, p.getAsJsonArray("targets").get(0).getAsJsonObject().get("text").getAsString());
            assertEquals(3, p.getAsJsonArray("approvals").size());
            assertFalse(p.has("findings"));
            assertEquals(64, p.get("versionHash").getAsString().length());
            assertNoTemporaryFiles(out.getParent());
        }
    }

    @Test
    void csvExportsQuoteCommasQuotesNewlinesAndEmoji() throws IOException {
        try (PostFixture f = new PostFixture(dir.resolve("ws"))) {
            long x = f.account(f.sari, Platform.X).id();
            long li = f.account(f.sari, Platform.LINKEDIN).id();
            long a = approved(f, TRICKY, List.of(x, li), Instant.parse("2026-06-05T02:30:00Z"));
            long b = approved(f, "Plain words", List.of(x), Instant.parse("2026-06-06T01:07:00Z"));
            f.as("rina");

            Path byline = dir.resolve("out/posts.csv");
            f.ctx.publishService().exportCsv(CsvFormat.BYLINE, List.of(a, b), byline);
            List<List<String>> rows = parseCsv(Files.readString(byline, StandardCharsets.UTF_8));
            assertEquals(List.of("post_id", "executive", "platform", "handle", "capacity", "publish_at_utc", "publish_at_local",
                    "time_zone", "text", "version", "version_hash", "images", "alt_texts"), rows.get(0));
            assertEquals(4, rows.size(), "a header and one row per target");
            assertEquals(TRICKY, rows.get(1).get(8));
            assertEquals(13, rows.get(1).size());
            assertTrue(Files.readString(byline).contains("\r\n"));

            Path folder = dir.resolve("out/hootsuite");
            PublishService.ExportResult h = f.ctx.publishService().exportCsv(CsvFormat.HOOTSUITE, List.of(a, b), folder);
            assertEquals(2, h.files().size(), "one file per account");
            List<List<String>> hx = parseCsv(Files.readString(folder.resolve("hootsuite-x-sariwijaya.csv")));
            assertEquals(List.of(List.of("06/05/2026 09:30", TRICKY, ""), List.of("06/06/2026 08:07", "Plain words", "")), hx);
            assertTrue(h.warnings().stream().anyMatch(w -> w.contains("0 or 5")), h.warnings().toString());

            Path buf = dir.resolve("out/buffer");
            f.ctx.publishService().exportCsv(CsvFormat.BUFFER, List.of(a), buf);
            List<List<String>> bl = parseCsv(Files.readString(buf.resolve("buffer-linkedin-sari-wijaya.csv")));
            assertEquals(List.of(List.of("Text", "Image URL", "Tags", "Posting Time"), List.of(TRICKY, "", "", "2026-06-05 09:30")), bl);
            assertNoTemporaryFiles(dir.resolve("out"));
            f.as("admin");
            assertEquals(3, f.ctx.auditService().list(null, "post.export", null, null, null, null, 10).size());
        }
    }

    /** No CSV Byline writes runs as a formula: Byline CSV cells get a leading ', scheduler texts are refused instead. */
    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralisedOrThePostRefused() throws IOException {
        try (PostFixture f = new PostFixture(dir.resolve("ws"))) {
            long x = f.account(f.sari, Platform.X).id();
            long li = f.account(f.sari, Platform.LINKEDIN).id();
            long formula = approved(f, "=HYPERLINK(\"http://evil.example\",\"Results\")", List.of(x, li),
                    Instant.parse("2026-06-05T02:30:00Z"));
            long mention = approved(f, "@partner thanks for today", List.of(x), Instant.parse("2026-06-05T03:30:00Z"));
            long plain = approved(f, "Thanks for today", List.of(x), Instant.parse("2026-06-05T04:30:00Z"));
            f.as("rina");

            Path byline = dir.resolve("out/posts.csv");
            f.ctx.publishService().exportCsv(CsvFormat.BYLINE, List.of(formula, mention, plain), byline);
            List<List<String>> rows = parseCsv(Files.readString(byline, StandardCharsets.UTF_8));
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertFalse(io.byline.store.ExportFiles.startsFormula(cell), "a cell that runs: " + cell);
                }
            }
            assertTrue(rows.stream().anyMatch(r -> r.get(8).equals("'=HYPERLINK(\"http://evil.example\",\"Results\")")), rows.toString());
            assertTrue(rows.stream().anyMatch(r -> r.get(8).equals("'@partner thanks for today")), rows.toString());

            for (CsvFormat format : List.of(CsvFormat.HOOTSUITE, CsvFormat.BUFFER)) {
                Path folder = dir.resolve("out/" + format);
                PublishService.ExportResult r = f.ctx.publishService().exportCsv(format, List.of(formula, mention, plain), folder);
                assertEquals(List.of(plain), r.exported(), format.toString());
                assertEquals(java.util.Set.of(formula, mention), r.refused().keySet());
                PublishService.GateProblem why = r.refused().get(mention).problems().get(0);
                assertEquals(PublishService.ProblemCode.FORMULA_TEXT, why.code());
                assertEquals("publish.problem.formulaText", why.messageKey());
                assertEquals(List.of("X", "@"), why.args());
                assertEquals(2, r.refused().get(formula).problems().size(), "each account's text is named");
                for (Path file : r.files()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    assertFalse(text.contains("HYPERLINK") || text.contains("@partner"), text);
                    assertTrue(text.contains("Thanks for today"), text);
                }
            }
        }
    }

    private static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    /** A strict RFC 4180 reader: fields quoted with doubled quotes inside, records ended by CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertFalse(c == '\n' || c == '"', "bare newline or quote outside a quoted field at " + i);
                field.append(c);
            }
            i++;
        }
        assertTrue(row.isEmpty() && field.length() == 0, "file ends with CRLF");
        return rows;
    }

    @Test
    void csvFieldQuotingRules() {
        assertEquals(List.of(List.of("a", "b,c", "d\"e", " f", "g\nh", "")), parseCsv(
                io.byline.store.ExportFiles.csvField("a") + "," + io.byline.store.ExportFiles.csvField("b,c") + ","
                        + io.byline.store.ExportFiles.csvField("d\"e") + "," + io.byline.store.ExportFiles.csvField(" f") + ","
                        + io.byline.store.ExportFiles.csvField("g\nh") + "," + io.byline.store.ExportFiles.csvField(null) + "\r\n"));
    }
}
