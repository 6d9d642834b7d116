package io.byline.service.policy;

import io.byline.service.PolicyTransferService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyService;
import io.byline.service.PolicyTransferService.ImportError;
import io.byline.service.PolicyTransferService.ImportPreview;
import io.byline.store.json.PolicyJson;
import io.byline.testing.PostFixture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports are all or nothing: every kind of bad file is rejected with where the problem is, and nothing changes. */
class PolicyImportTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {
              "name": "test",
              "terms": [
                {"term": "Project Komodo", "category": "codename", "severity": "BLOCK"},
                {"term": "Project Bromo", "category": "codename", "severity": "WARN", "note": "new"},
                {"pattern": "\\\\bBRM-[0-9]{3}\\\\b", "category": "part-number", "severity": "INFO"}
              ],
              "allow": ["Bromo Tengger"],
              "internalDomains": ["bromo.corp"]
            }
            """;

    @Test
    void aMergeAddsAndChangesAndAReplaceAlsoRetires() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            ImportPreview merge = f.ctx.policyTransferService().previewJson("good.json", GOOD, false);
            assertTrue(merge.ok(), merge.errors().toString());
            assertEquals(List.of("Project Bromo", "BRM"), merge.added().stream().map(e -> e.text().contains("BRM") ? "BRM" : e.text()).toList());
            assertEquals(1, merge.changed().size(), "the file's Project Komodo has no note: the note goes");
            assertEquals(0, merge.unchanged());
            assertEquals(0, merge.removed().size());
            assertEquals(List.of("Bromo Tengger"), merge.allowAdded());

            ImportPreview replace = f.ctx.policyTransferService().previewJson("good.json", GOOD, true);
            assertEquals(4, replace.removed().size());
            assertEquals(List.of("Komodo dragon", "Komodo National Park"), replace.allowRemoved());
            long v = p.version();
            PolicyTransferService.ImportResult r = f.ctx.policyTransferService().apply(replace);
            assertEquals(2, r.added());
            assertEquals(4, r.removed());
            assertEquals(v + 1, p.version());
            assertEquals(3, p.entries(false).size());
            assertEquals(List.of("Bromo Tengger"), p.state().allow());
            assertThrows(ValidationException.class, () -> f.ctx.policyTransferService().apply(merge), "a preview of an older version is stale");
        }
    }

    @Test
    void csvTermListsImportWithQuotedFields() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("admin");
            String csv = "term,pattern,category,severity,embargoUntil,note\r\n"
                    + "\"Project, Bromo\",,codename,BLOCK,2027-05-01,\"said \"\"hi\"\"\nsecond line\"\r\n"
                    + ",\\bBRM-[0-9]{3}\\b,part-number,warn,,\r\n"
                    + "Q4 revenue,,financial,BLOCK,,\r\n";
            ImportPreview prev = f.ctx.policyTransferService().previewCsv("terms.csv", csv, false);
            assertTrue(prev.ok(), prev.errors().toString());
            assertEquals(2, prev.added().size());
            assertEquals("Project, Bromo", prev.added().get(0).term());
            assertEquals("said \"hi\"\nsecond line", prev.added().get(0).note());
            assertEquals(1, prev.changed().size(), "Q4 revenue changes severity");
            assertEquals(Severity.BLOCK, prev.changed().get(0).after().severity());
            f.ctx.policyTransferService().apply(prev);
            assertEquals(7, p.entries(false).size());
        }
    }

    @Test
    void everyKindOfBadFileIsRejectedAndChangesNothing() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            String before = f.ctx.policyTransferService().exportJson();
            long version = p.version();
            StringBuilder deep = new StringBuilder("{\"terms\": [{\"note\": ");
            deep.append("[".repeat(5000)).append("]".repeat(5000)).append("}]}");
            StringBuilder huge = new StringBuilder("{\"terms\":[");
            for (int i = 0; i < 30_000; i++) {
                if (i > 0) huge.append(',');
                huge.append("{\"term\":\"Term ").append(i).append("\",\"category\":\"c\",\"severity\":\"WARN\"}");
            }
            huge.append(",{\"term\":\"!!\",\"category\":\"c\",\"severity\":\"WARN\"}]}");
            List<String[]> cases = List.of(
                    new String[] {"malformed", "{\"terms\": [\n  {\"term\": \"A\" \"category\": \"c\"}\n]}", "line 2"},
                    new String[] {"unknown field", "{\"terms\": [\n {\"term\": \"A\", \"category\": \"c\", \"severity\": \"BLOCK\", \"colour\": \"red\"}]}", "unknown field \"colour\""},
                    new String[] {"wrong type", "{\"terms\": [{\"term\": 42, \"category\": \"c\", \"severity\": \"BLOCK\"}]}", "must be a string"},
                    new String[] {"null", "{\"terms\": [{\"term\": null, \"category\": \"c\", \"severity\": \"BLOCK\"}]}", "must not be null"},
                    new String[] {"lone surrogate", "{\"terms\": [\n{\"term\": \"Alpha\", \"category\": \"c\", \"severity\": \"BLOCK\"},\n{\"term\": \"Al\\ud83dpha\", \"category\": \"c\", \"severity\": \"WARN\"}]}", "lone surrogate"},
                    new String[] {"empty term", "{\"terms\": [{\"term\": \"  \", \"category\": \"c\", \"severity\": \"BLOCK\"}]}", "empty term"},
                    new String[] {"bad regex", "{\"terms\": [{\"pattern\": \"AX-[0-9\", \"category\": \"c\", \"severity\": \"BLOCK\"}]}", "invalid regex"},
                    new String[] {"catastrophic regex", "{\"terms\": [{\"pattern\": \"(a+)+$\", \"category\": \"c\", \"severity\": \"BLOCK\"}]}", "catastrophic"},
                    new String[] {"missing terms", "{\"name\": \"x\"}", "missing required field"},
                    new String[] {"empty file", "", "malformed"},
                    new String[] {"5000-deep nesting", deep.toString(), "terms[0]"},
                    new String[] {"huge file with a late bad entry", huge.toString(), "empty term"});
            for (String[] c : cases) {
                ImportPreview prev = f.ctx.policyTransferService().previewJson(c[0] + ".json", c[1], false);
                assertFalse(prev.ok(), c[0]);
                String msg = prev.errors().get(0).message();
                assertTrue(msg.contains(c[2]), c[0] + ": " + msg);
                assertThrows(ValidationException.class, () -> f.ctx.policyTransferService().apply(prev), c[0]);
            }
            ImportPreview located = f.ctx.policyTransferService().previewJson("dup.json", cases.get(4)[1], false);
            ImportError lone = located.errors().get(0);
            assertEquals(3, lone.line(), lone.toString());
            assertEquals("policy.error.loneSurrogate", lone.key());

            List<String[]> csvCases = List.of(
                    new String[] {"term,category,severity\n\"Open quote,codename,BLOCK\n", "never closed"},
                    new String[] {"term,category,severity\nab\"c,codename,BLOCK\n", "stray quote"},
                    new String[] {"term,category,severity\n\"abc\"x,codename,BLOCK\n", "after a closing quote"},
                    new String[] {"term,category\nA,codename\n", "missing column \"severity\""},
                    new String[] {"term,category,severity,colour\nA,c,BLOCK,red\n", "unknown column"},
                    new String[] {"term,category,severity\nA,c,BLOCK\nB,c\n", "expected 3 fields"},
                    new String[] {"term,category,severity\nA,c,SEVERE\n", "bad severity"},
                    new String[] {"term,category,severity,embargoUntil\nA,c,BLOCK,next week\n", "bad embargoUntil"},
                    new String[] {"term,category,severity\n ,c,BLOCK\n", "empty term"},
                    new String[] {"term,category,severity\nAlpha,c,BLOCK\nAl\uD83Dpha,c,WARN\n", "lone surrogate"},
                    new String[] {"pattern,category,severity\n(a+)+$,c,BLOCK\n", "catastrophic"},
                    new String[] {"", "empty file"});
            for (String[] c : csvCases) {
                ImportPreview prev = f.ctx.policyTransferService().previewCsv("t.csv", c[0], false);
                assertFalse(prev.ok(), c[0]);
                assertTrue(prev.errors().stream().anyMatch(e -> e.message().contains(c[1])), c[0] + " → " + prev.errors());
            }
            ImportPreview sevErr = f.ctx.policyTransferService().previewCsv("t.csv", csvCases.get(6)[0], false);
            assertEquals(2, sevErr.errors().get(0).line());
            ImportPreview quoteErr = f.ctx.policyTransferService().previewCsv("t.csv", csvCases.get(1)[0], false);
            assertEquals(2, quoteErr.errors().get(0).line());
            assertEquals(3, quoteErr.errors().get(0).column());

            Random random = new Random(20260601L);
            for (int i = 0; i < 40; i++) {
                byte[] junk = new byte[random.nextInt(2000)];
                random.nextBytes(junk);
                Path file = dir.resolve("junk" + i + (i % 2 == 0 ? ".json" : ".csv"));
                Files.write(file, junk);
                ImportPreview prev = f.ctx.policyTransferService().previewFile(file, i % 3 == 0);
                assertFalse(prev.ok(), "random bytes " + i);
            }
            Path bom = dir.resolve("bom.json");
            Files.write(bom, ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8));
            assertTrue(f.ctx.policyTransferService().previewFile(bom, false).ok(), "a byte order mark is fine");
            assertFalse(f.ctx.policyTransferService().previewFile(dir.resolve("missing.json"), false).ok());

            assertEquals(before, f.ctx.policyTransferService().exportJson(), "the policy is unchanged");
            assertEquals(version, p.version());
        }
    }

    /** The screen says an error in its own language from the key, the arguments, the entry and the location. */
    @Test
    void importErrorsCarryTheirKeyEntryAndLocation() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            ImportError empty = f.ctx.policyTransferService().previewJson("e.json", "{\"terms\": [\n {\"term\": \"Alpha\", \"category\": \"c\", \"severity\": \"BLOCK\"},\n"
                    + " {\"term\": \" \", \"category\": \"c\", \"severity\": \"BLOCK\"}\n]}", false).errors().get(0);
            assertEquals(new ImportError(3, 3, "terms[1] \" \": empty term (line 3, column 3)", 1, " ", "policy.error.emptyTerm", List.of(),
                    false), empty);

            ImportError severity = f.ctx.policyTransferService().previewCsv("t.csv", "term,category,severity\nAlpha,c,SEVERE\n", false).errors().get(0);
            assertEquals(new ImportError(2, -1, "terms[0] \"Alpha\": bad severity \"SEVERE\" (BLOCK, WARN or INFO) (line 2)", 0, "Alpha",
                    "policy.error.badSeverity", List.of("SEVERE"), false), severity);

            ImportError lone = f.ctx.policyTransferService().previewCsv("t.csv", "term,category,severity\nAlpha,c,BLOCK\n\"Be\uDC00ta\",c,WARN\n", false)
                    .errors().get(0);
            assertEquals(new ImportError(3, 4, "lone surrogate (U+DC00): half of a character, which cannot be saved (line 3, column 4)",
                    -1, null, "policy.error.csvLoneSurrogate", List.of("U+DC00"), false), lone);

            Path missing = dir.resolve("missing.json");
            assertEquals(new ImportError(-1, -1, "file not found: " + missing, -1, null, "policy.error.fileNotFound",
                    List.of(missing.toString()), false), f.ctx.policyTransferService().previewFile(missing, false).errors().get(0));
            Path folder = Files.createDirectories(dir.resolve("folder.json"));
            ImportError unreadable = f.ctx.policyTransferService().previewFile(folder, false).errors().get(0);
            assertEquals("policy.error.cannotRead", unreadable.key());
            assertEquals("cannot read the file: " + unreadable.args().get(0), unreadable.message());
            Path big = dir.resolve("big.csv");
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
                raf.setLength(PolicyJson.MAX_BYTES + 1); // sparse
            }
            ImportError tooBig = f.ctx.policyTransferService().previewFile(big, false).errors().get(0);
            assertEquals("policy.error.importTooLarge", tooBig.key());
            assertEquals(List.of(PolicyJson.MAX_BYTES + 1, PolicyJson.MAX_BYTES), tooBig.args());
        }
    }

    @Test
    void aHundredThousandTermImportIsHandled() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("admin");
            StringBuilder csv = new StringBuilder("term,category,severity\n");
            for (int i = 0; i < 100_000; i++) csv.append("Codename ").append(word(i)).append(",codename,WARN\n");
            ImportPreview prev = f.ctx.policyTransferService().previewCsv("big.csv", csv.toString(), false);
            assertTrue(prev.ok(), prev.errors().toString());
            assertEquals(100_000, prev.added().size());
            f.ctx.policyTransferService().apply(prev);
            assertEquals(100_005, p.summary().terms());
            List<PolicyEntry> all = p.entries(false);
            assertEquals("Project Komodo", all.get(0).term());
        }
    }

    /** A distinct word for each number, from letters no normalisation lane folds together. */
    static String word(int n) {
        String letters = "bdfghjkpqstxz";
        StringBuilder b = new StringBuilder();
        do {
            b.append(letters.charAt(n % letters.length()));
            n /= letters.length();
        } while (n > 0);
        return b.append("ova").toString();
    }
}
