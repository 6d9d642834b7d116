package io.byline.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.cli.Cli;
import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.User;
import io.byline.store.EvidenceBundleWriter;
import io.byline.store.Tx;
import io.byline.testing.TestWorkspace;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's filters and exports, and evidence bundles. */
class AuditExportAndEvidenceTest {
    @TempDir
    Path dir;

    private static void event(AppContext ctx, String type, String entityType, Object id, Map<String, ?> details) {
        ctx.database().inWrite(tx -> ctx.auditService().record(tx, type, entityType, id, details));
    }

    @Test
    void filtersByUserTypeEntityAndPeriod() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            User rina = TestWorkspace.signIn(ctx, "rina");
            event(ctx, "post.create", "post", 7, Map.of());
            event(ctx, "post.submit", "post", 7, Map.of());
            Thread.sleep(5);
            Instant middle = Instant.now();
            Thread.sleep(5);
            User admin = TestWorkspace.signIn(ctx, "admin");
            event(ctx, "post.approve", "post", 8, Map.of());
            event(ctx, "user.update", "user", rina.id(), Map.of());

            AuditService a = ctx.auditService();
            assertEquals(List.of("post.submit", "post.create", "user.sign-in"),
                    a.list(AuditFilter.ALL.withActor(rina.id()), 100).stream().map(AuditEvent::type).toList());
            assertEquals(3, a.count(AuditFilter.ALL.withType("post.*")));
            assertEquals(1, a.count(AuditFilter.ALL.withType("post.approve")));
            assertEquals(2, a.count(AuditFilter.ALL.withEntity("post", "7")));
            assertEquals(3, a.count(AuditFilter.ALL.withEntity("post", null)));
            assertEquals(List.of("user.update", "post.approve", "user.sign-in"),
                    a.list(AuditFilter.ALL.withPeriod(middle, null), 100).stream().map(AuditEvent::type).toList());
            assertEquals(0, a.count(AuditFilter.ALL.withPeriod(middle, null).withActor(rina.id())));
            assertTrue(a.list(AuditFilter.ALL.withPeriod(null, middle), 100).stream().allMatch(e -> e.at().isBefore(middle)));
            assertEquals(admin.id(), a.list(AuditFilter.ALL.withType("post.approve"), 1).get(0).actorId());
        }
    }

    @Test
    void exportsJsonLinesAndCsvWithTheChainAndRecordsTheExport() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "admin");
            event(ctx, "post.comment", "post", 3, Map.of("text", "Looks fine, \"ship it\",\nsays =HYPERLINK(\"x\")"));
            Path jsonl = dir.resolve("out").resolve("audit.jsonl");
            long n = ctx.auditService().export(jsonl, ExportFormat.JSONL, AuditFilter.ALL);
            List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
            assertEquals(n, lines.size());
            assertEquals(ctx.auditService().count(AuditFilter.ALL), n, "the export records itself and includes that entry");
            String prev = "0".repeat(64);
            for (String line : lines) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                assertEquals(prev, o.get("prev_mac").getAsString(), "the export carries the chain");
                prev = o.get("mac").getAsString();
            }
            JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
            assertEquals("audit.export", last.get("type").getAsString());
            assertTrue(last.get("details").isJsonObject());

            Path csv = dir.resolve("out").resolve("audit.csv");
            ctx.auditService().export(csv, ExportFormat.forFile(csv.toString()), AuditFilter.ALL.withType("post.*"));
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("seq,at,actor_id,actor_name,type,entity_type,entity_id,details,prev_mac,mac,damaged\r\n"), text);
            assertTrue(text.contains("\"{\"\"text\"\":\"\"Looks fine, \\\"\"ship it\\\"\",\\nsays =HYPERLINK"), text);
            assertEquals(2, text.split("\r\n").length, "header and the one post entry");
            assertFalse(Files.exists(Path.of(csv + ".tmp")));
        }
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            ctx.database().inWrite(tx -> ctx.auditService().recordAs(tx, null, "=cmd|' /C calc'!A0", "test.x", null, null, Map.of()));
            Path csv = dir.resolve("a.csv");
            ctx.auditService().export(csv, ExportFormat.CSV, AuditFilter.ALL.withType("test.x"));
            assertTrue(Files.readString(csv).contains(",'=cmd|' /C calc'!A0,"), Files.readString(csv));
        }
    }

    @Test
    void onlyLegalApproversAndAdminsMayReadOrExportTheLog() {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "rina");
            assertThrows(PermissionDeniedException.class, () -> ctx.auditService().list(AuditFilter.ALL, 10));
            assertThrows(PermissionDeniedException.class,
                    () -> ctx.auditService().export(dir.resolve("x.jsonl"), ExportFormat.JSONL, AuditFilter.ALL));
            assertThrows(PermissionDeniedException.class, () -> ctx.evidenceService().writeBundle("post", "1", dir.resolve("e.json")));
            assertFalse(Files.exists(dir.resolve("x.jsonl")));
        }
    }

    @Test
    void exportAuditCommandWritesTheFilteredLog() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "rina");
            event(ctx, "post.create", "post", 1, Map.of());
        }
        Path out = dir.resolve("rina.csv");
        System.setProperty("byline.home", TestWorkspace.location(dir).home().toString());
        try {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            int code = Cli.run(new String[] {"export-audit", out.toString(), "--user", "rina", "--type", "post.*",
                    "--from", "2000-01-01", "--db", TestWorkspace.location(dir).database().toString()},
                    new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
            assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
            assertTrue(o.toString(StandardCharsets.UTF_8).contains("Exported 1 audit entry"), o.toString(StandardCharsets.UTF_8));
            assertEquals(2, Files.readAllLines(out).size());
            code = Cli.run(new String[] {"export-audit", out.toString(), "--from", "yesterday"},
                    new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
            assertEquals(2, code);
        } finally {
            System.clearProperty("byline.home");
        }
    }

    @Test
    void anEvidenceBundleHoldsTheSectionsTheEntitysEntriesAndTheChainState() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(ctx, "admin");
            event(ctx, "post.create", "post", 42, Map.of("title", "<script>alert(1)</script>"));
            event(ctx, "post.version", "post-version", 420, Map.of("hash", "abc"));
            event(ctx, "post.create", "post", 43, Map.of());
            ctx.evidenceService().register(new EvidenceService.SectionProvider() {
                @Override
                public String key() {
                    return "versions";
                }

                @Override
                public String title() {
                    return "Versions";
                }

                @Override
                public boolean appliesTo(String entityType) {
                    return entityType.equals("post");
                }

                @Override
                public Object collect(Tx tx, String entityType, String entityId) {
                    return List.of(Map.of("version", 1, "text", "Hello <b>world</b> & \"friends\"", "hash", "abc"));
                }

                @Override
                public List<EvidenceService.EntityRef> related(Tx tx, String entityType, String entityId) {
                    return List.of(new EvidenceService.EntityRef("post-version", "420"));
                }
            });
            Path json = dir.resolve("evidence").resolve("post-42.json");
            EvidenceBundleWriter.Written w = ctx.evidenceService().writeBundle("post", "42", json);
            assertEquals(dir.resolve("evidence").resolve("post-42.html"), w.html());
            JsonObject b = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            assertEquals(EvidenceBundleWriter.FORMAT, b.get("format").getAsString());
            assertTrue(b.getAsJsonObject("chain").get("verified").getAsBoolean());
            JsonObject versions = b.getAsJsonArray("sections").asList().stream().map(x -> x.getAsJsonObject())
                    .filter(x -> x.get("key").getAsString().equals("versions")).findFirst().orElseThrow();
            assertEquals("Hello <b>world</b> & \"friends\"", versions.getAsJsonArray("data").get(0).getAsJsonObject()
                    .get("text").getAsString());
            List<String> types = b.getAsJsonArray("auditEntries").asList().stream()
                    .map(e -> e.getAsJsonObject().get("type").getAsString()).toList();
            assertEquals(List.of("post.create", "post.version", "evidence.export"), types, "this post's entries only, in order");
            String html = Files.readString(w.html());
            assertTrue(html.contains("Hello &lt;b&gt;world&lt;/b&gt; &amp; &quot;friends&quot;"), html);
            assertFalse(html.contains("<script>"), "everything is escaped");
            assertTrue(html.contains("verified"));
            try (var files = Files.list(json.getParent())) {
                assertEquals(2, files.count(), "no temporary files left");
            }
        }
    }
}
