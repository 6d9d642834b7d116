package io.byline.service.audit;

import io.byline.service.EvidenceService;
import io.byline.testing.PostFixture;
import io.byline.testing.PostStory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceBundleTest {
    @TempDir Path dir;

    @Test
    void bundleOfAPostHoldsVersionsDiffsFindingsOverridesApprovalsCommentsAndTheCoveringEntries() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            long id = PostStory.approvedWithOverride(f.ctx, f.clock, PostStory.inDays(f.clock, 10));
            f.as("maya");
            EvidenceService.Files files = f.ctx.evidenceService().writePostBundle(id, dir.resolve("out/evidence.json"));
            assertTrue(Files.exists(files.html()));
            JsonObject bundle = JsonParser.parseString(Files.readString(files.json())).getAsJsonObject();
            assertEquals("byline-evidence/1", bundle.get("format").getAsString());
            assertTrue(bundle.getAsJsonObject("chain").get("verified").getAsBoolean());

            JsonArray versions = section(bundle, "versions").getAsJsonArray();
            assertEquals(2, versions.size());
            assertEquals(PostStory.V1, versions.get(0).getAsJsonObject().get("text").getAsString());
            String v2hash = versions.get(1).getAsJsonObject().get("hash").getAsString();
            assertEquals(64, v2hash.length());

            JsonArray diffs = section(bundle, "diffs").getAsJsonArray();
            assertEquals(1, diffs.size());
            String diff = diffs.get(0).getAsJsonObject().get("text").getAsString();
            assertTrue(diff.contains("{+") && diff.contains("June"), diff);

            JsonArray findings = section(bundle, "findings").getAsJsonArray();
            JsonObject block = first(findings, "severity", "BLOCK");
            assertTrue(block.get("resolution").getAsString().contains(PostStory.REASON));
            assertFalse(Files.readString(files.json()).contains("\"matched\""), "no matched text field");

            JsonObject override = first(section(bundle, "decisions").getAsJsonArray(), "kind", "OVERRIDE");
            assertEquals(PostStory.REASON, override.get("reason").getAsString());
            assertEquals("Maya Putri", override.get("by").getAsString());
            assertEquals(2, override.get("version").getAsInt());

            JsonArray approvals = section(bundle, "approvals").getAsJsonArray();
            assertEquals(3, approvals.size());
            for (JsonElement a : approvals) {
                assertEquals(v2hash, a.getAsJsonObject().get("approvedHash").getAsString());
                assertTrue(a.getAsJsonObject().get("hashMatchesVersion").getAsBoolean());
                assertTrue(a.getAsJsonObject().get("voidedAt").isJsonNull());
            }

            JsonArray comments = section(bundle, "comments").getAsJsonArray();
            assertEquals(PostStory.COMMENT, comments.get(0).getAsJsonObject().get("text").getAsString());
            assertTrue(section(bundle, "timeline").getAsJsonArray().size() >= 8);

            List<String> types = new ArrayList<>();
            for (JsonElement e : bundle.getAsJsonArray("auditEntries")) {
                JsonObject o = e.getAsJsonObject();
                assertEquals(String.valueOf(id), o.get("entity_id").getAsString());
                assertEquals(64, o.get("mac").getAsString().length());
                types.add(o.get("type").getAsString());
            }
            for (String t : List.of("post.create", "post.version", "post.submit", "finding.override", "post.comment",
                    "post.approve", "evidence.export")) {
                assertTrue(types.contains(t), t + " in " + types);
            }

            String html = Files.readString(files.html());
            assertTrue(html.contains(PostStory.REASON));
            assertTrue(html.contains("Approvals") && html.contains(v2hash));
            assertTrue(html.contains("Codename was disclosed"));
        }
    }

    @Test
    void aPostThatDoesNotExistGivesABundleSayingSo() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("admin");
            EvidenceService.Files files = f.ctx.evidenceService().writePostBundle(999, dir.resolve("none.json"));
            JsonObject bundle = JsonParser.parseString(Files.readString(files.json())).getAsJsonObject();
            assertTrue(section(bundle, "post").getAsJsonObject().get("missing").getAsString().contains("999"));
            assertEquals(0, section(bundle, "versions").getAsJsonArray().size());
        }
    }

    static JsonElement section(JsonObject bundle, String key) {
        for (JsonElement s : bundle.getAsJsonArray("sections")) {
            if (s.getAsJsonObject().get("key").getAsString().equals(key)) return s.getAsJsonObject().get("data");
        }
        throw new AssertionError("no section " + key);
    }

    static JsonObject first(JsonArray rows, String field, String value) {
        for (JsonElement r : rows) {
            if (r.getAsJsonObject().get(field).getAsString().equals(value)) return r.getAsJsonObject();
        }
        throw new AssertionError("no row with " + field + "=" + value + " in " + rows);
    }
}
