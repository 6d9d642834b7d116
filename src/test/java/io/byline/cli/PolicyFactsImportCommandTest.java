package io.byline.cli;

import io.byline.AppContext;
import io.byline.service.PasswordHasher;
import io.byline.store.DatabaseLocation;
import io.byline.testing.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import} stores the facts, do-not-engage accounts and quiet periods a policy file has; {@code export} writes them. */
class PolicyFactsImportCommandTest {
    @TempDir
    Path dir;

    private String oldHome;

    @BeforeEach
    void home() {
        oldHome = System.getProperty("byline.home");
        System.setProperty("byline.home", TestWorkspace.location(dir).home().toString());
    }

    @AfterEach
    void restoreHome() {
        if (oldHome == null) System.clearProperty("byline.home");
        else System.setProperty("byline.home", oldHome);
    }

    private String[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void importStoresThePartsAndExportWritesThemBack() throws Exception {
        TestWorkspace.demo(dir).close();
        Path db = TestWorkspace.location(dir).database();
        Path file = dir.resolve("policy.json");
        try (InputStream in = getClass().getResourceAsStream("/io/byline/facts/policy-with-facts.json")) {
            Files.write(file, in.readAllBytes());
        }
        String[] imp = cli("--db", db.toString(), "import", "--policy", file.toString());
        assertEquals("0", imp[0], imp[2]);
        assertTrue(imp[1].contains("Facts 2, do-not-engage accounts 1, quiet periods 1"), imp[1]);
        try (AppContext ctx = AppContext.open(new DatabaseLocation(TestWorkspace.location(dir).home(), db, true), false,
                new PasswordHasher(TestWorkspace.FAST_ITERATIONS))) {
            TestWorkspace.signIn(ctx, "maya");
            assertEquals(2, ctx.policyFactsService().current().facts().size());
        }
        String[] again = cli("--db", db.toString(), "import", "--policy", file.toString());
        assertEquals("0", again[0], again[2]);
        assertTrue(again[1].contains("already matches"), again[1]);

        Path out = dir.resolve("out.json");
        String[] exp = cli("export", "--db", db.toString(), "--policy", out.toString());
        assertEquals("0", exp[0], exp[2]);
        String json = Files.readString(out);
        assertTrue(json.contains("\"version\": 2") && json.contains("\"q3-revenue\"") && json.contains("\"Q3 earnings\""), json);
    }
}
