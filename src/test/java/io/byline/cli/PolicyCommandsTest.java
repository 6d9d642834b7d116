package io.byline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.service.PasswordHasher;
import io.byline.store.DatabaseLocation;
import io.byline.testing.TestWorkspace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --policy} and {@code export --policy}: exit codes, {@code --db}, all or nothing. */
class PolicyCommandsTest {
    @TempDir
    Path dir;

    private String oldHome;

    /** The audit key lives in the Byline home; {@code --db} only moves the database. */
    @org.junit.jupiter.api.BeforeEach
    void home() {
        oldHome = System.getProperty("byline.home");
        System.setProperty("byline.home", TestWorkspace.location(dir).home().toString());
    }

    @org.junit.jupiter.api.AfterEach
    void restoreHome() {
        if (oldHome == null) System.clearProperty("byline.home");
        else System.setProperty("byline.home", oldHome);
    }

    private record Run(int code, String out, String err) {}

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path demoDb() {
        TestWorkspace.demo(dir).close();
        return TestWorkspace.location(dir).database();
    }

    private AppContext open(Path db) {
        return AppContext.open(new DatabaseLocation(TestWorkspace.location(dir).home(), db, true), false,
                new PasswordHasher(TestWorkspace.FAST_ITERATIONS));
    }

    @Test
    void exportThenImportWithReplaceRoundTrips() throws Exception {
        Path db = demoDb();
        Path file = dir.resolve("out/policy.json");
        Run export = cli("export", "--db", db.toString(), "--policy", file.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().contains("Exported 5 policy entries"));
        String json = Files.readString(file);
        assertTrue(json.contains("Project Komodo"));
        assertFalse(Files.exists(dir.resolve("out/policy.json.tmp")));
        Files.writeString(file, json.replace("\"Merapi Capital\"", "\"Merapi Holdings\""));
        Run imp = cli("--db", db.toString(), "import", "--policy", file.toString(), "--replace");
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("1 changed"), imp.out());
        try (AppContext ctx = open(db)) {
            assertTrue(ctx.policyTransferService().exportJson().contains("Merapi Holdings"));
            List<AuditEvent> events = ctx.auditService().list(AuditFilter.ALL.withType("policy.*"), 10);
            assertEquals(List.of("policy.import", "policy.export"), events.stream().map(AuditEvent::type).toList());
            assertEquals("system", events.get(0).actorName());
            assertFalse(events.get(0).details().contains("Merapi"));
        }
    }

    @Test
    void aHeadlessImportRechecksThePostsOnTheirWay() throws Exception {
        long id;
        Path db;
        try (io.byline.testing.PostFixture f = new io.byline.testing.PostFixture(dir)) {
            id = f.draft("Next week we launch Nusantara Falcon with our partners.").post().id();
            f.as("admin");
            assertTrue(f.ctx.reviewService().findings(id).stream().noneMatch(x -> x.rule().equals("lexicon")));
            db = f.ctx.database().file();
        }
        Path file = dir.resolve("falcon.json");
        Files.writeString(file, "{\"terms\":[{\"term\":\"Nusantara Falcon\",\"category\":\"codename\",\"severity\":\"BLOCK\"}]}");
        Run imp = cli("--db", db.toString(), "import", "--policy", file.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("Re-checked 1 post not yet published against the new policy."), imp.out());
        try (AppContext ctx = open(db)) {
            TestWorkspace.signIn(ctx, "admin");
            assertTrue(ctx.reviewService().findings(id).stream()
                    .anyMatch(x -> x.rule().equals("lexicon") && x.start() == 20 && x.end() == 36),
                    "the new term flags the draft without the app having to open Risks");
            assertFalse(ctx.policyRecheckService().recheckNeeded(), "the app will not repeat the re-check");
        }
    }

    @Test
    void aRejectedImportExitsNonZeroAndChangesNothing() throws Exception {
        Path db = demoDb();
        String before;
        try (AppContext ctx = open(db)) {
            before = ctx.policyTransferService().exportJson();
        }
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"terms\": [\n {\"term\": \"Alpha\", \"category\": \"c\", \"severity\": \"BLOCK\"},\n"
                + " {\"pattern\": \"(a+)+$\", \"category\": \"c\", \"severity\": \"BLOCK\"}\n]}");
        Run r = cli("import", "--db", db.toString(), "--policy", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("catastrophic"), r.err());
        assertTrue(r.err().contains("line 3"), r.err());
        assertTrue(r.err().contains("nothing was imported"), r.err());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "term,category,severity\n\"Open,codename,BLOCK\n");
        Run c = cli("import", "--db", db.toString(), "--policy", csv.toString());
        assertEquals(1, c.code());
        assertTrue(c.err().contains("never closed"), c.err());
        try (AppContext ctx = open(db)) {
            assertEquals(before, ctx.policyTransferService().exportJson());
        }
    }

    @Test
    void argumentsAreCheckedAndDryRunChangesNothing() throws Exception {
        Path db = demoDb();
        assertEquals(2, cli("import", "--db", db.toString()).code());
        assertEquals(2, cli("export", "--db", db.toString(), "--colour", "x").code());
        Path csv = dir.resolve("new.csv");
        Files.writeString(csv, "term,category,severity\nProject Bromo,codename,BLOCK\n");
        Run dry = cli("import", "--db", db.toString(), "--policy", csv.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("1 added"), dry.out());
        try (AppContext ctx = open(db)) {
            assertFalse(ctx.policyTransferService().exportJson().contains("Bromo"));
        }
        Run real = cli("import", "--db", db.toString(), "--policy", csv.toString());
        assertEquals(0, real.code(), real.err());
        try (AppContext ctx = open(db)) {
            assertTrue(ctx.policyTransferService().exportJson().contains("Project Bromo"));
        }
    }

    @Test
    void bylineHomeIsHonouredWithoutDb() throws Exception {
        demoDb();
        Path file = dir.resolve("home-export.json");
        Run r = cli("export", "--policy", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(file).contains("Nusa Pay"));
    }

    @Test
    void aDatabaseElsewhereIsUsedWithDb() throws Exception {
        Path db = demoDb();
        Path moved = dir.resolve("elsewhere/work.db");
        Files.createDirectories(moved.getParent());
        Files.move(db, moved);
        Path file = dir.resolve("elsewhere.json");
        Run r = cli("export", "--db", moved.toString(), "--policy", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(file).contains("Nusa Pay"));
        assertFalse(Files.exists(db), "the default database was not created again");
    }

    @Test
    void importMergesEqualTermsWithAWarningAndRefusesALoneSurrogateWithItsLine() throws Exception {
        Path db = demoDb();
        Path csv = dir.resolve("terms.csv");
        Files.writeString(csv, "term,category,severity\nProject Titan,codename,WARN\nproject-titan,codename,BLOCK\n");
        Run imp = cli("import", "--db", db.toString(), "--policy", csv.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.err().contains("warning: Line 3 \"project-titan\" is the same term as line 2 \"Project Titan\" after"
                + " normalisation: merged into one, BLOCK (the stricter severity)"), imp.err());
        assertTrue(imp.out().contains("1 added"), imp.out());

        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"terms\": [\n  {\"term\": \"Bad\\udc00\", \"category\": \"c\", \"severity\": \"BLOCK\"}\n]}");
        Run bad = cli("import", "--db", db.toString(), "--policy", json.toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.err().contains("lone surrogate (U+DC00) at character 4") && bad.err().contains("line 2"), bad.err());
    }
}
