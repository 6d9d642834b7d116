package io.byline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.StorageException;
import io.byline.store.Database;
import io.byline.testing.TestWorkspace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless verbs against hostile databases, missing files, targets they must not write, and a running app. */
class HeadlessVerbsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void home() {
        System.setProperty("byline.home", TestWorkspace.location(dir).home().toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("byline.home");
    }

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path db() {
        return TestWorkspace.location(dir).database();
    }

    private static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) st.executeUpdate(s);
        }
    }

    /**
     * The attack: a workspace made elsewhere, with its own key, whose log says whatever its maker wants, is given a
     * workspace id that points at that key. Byline must refuse the id, never read the key, never say "verifies".
     */
    @Test
    void aWorkspaceIdThatIsAPathIsRefusedAndTheForeignKeyNeverRead() throws Exception {
        Path forger = dir.resolve("forger");
        String forgedId;
        try (AppContext f = TestWorkspace.demo(forger)) {
            forgedId = f.workspaceService().id();
        }
        Path forgedKey = TestWorkspace.location(forger).keys().resolve(forgedId + ".key");
        Path victimKeys = TestWorkspace.location(dir).keys();
        Files.createDirectories(victimKeys);
        String absolute = forgedKey.toString().substring(0, forgedKey.toString().length() - ".key".length());
        String relative = victimKeys.relativize(forgedKey).toString();
        relative = relative.substring(0, relative.length() - ".key".length());
        Path forgedDb = TestWorkspace.location(forger).database();
        for (String id : List.of(absolute, relative, forgedId + "\n", "")) {
            sql(forgedDb, "UPDATE workspace_setting SET value = '" + id.replace("'", "''") + "' WHERE key = 'workspace.id'");
            Run r = cli("verify-audit", "--db", forgedDb.toString());
            assertEquals(2, r.code(), id + ": " + r.out() + r.err());
            assertFalse(r.out().contains("verifies"), r.out());
            assertTrue(r.err().contains("not a workspace id"), r.err());
            StorageException e = assertThrows(StorageException.class, () -> AppContext.open(TestWorkspace.location(forger), false));
            assertEquals(StorageException.Kind.UNUSABLE, e.kind());
            assertTrue(e.getMessage().contains("not a workspace id"), e.getMessage());
        }
    }

    @Test
    void aKeyFileThatLinksOutOfTheKeysFolderIsRefused() throws Exception {
        String id;
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            id = ctx.workspaceService().id();
        }
        Path key = TestWorkspace.location(dir).keys().resolve(id + ".key");
        Path elsewhere = dir.resolve("elsewhere.key");
        Files.move(key, elsewhere);
        Files.createSymbolicLink(key, elsewhere);
        Run r = cli("verify-audit", "--db", db().toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("not a file inside the keys folder"), r.err());
    }

    @Test
    void verbsGivenAMissingDatabaseSaySoExitTwoAndCreateNothing() throws Exception {
        Path typo = dir.resolve("typo/tpyo.db");
        Path backup = dir.resolve("some-backup.db");
        try (AppContext ctx = TestWorkspace.demo(dir.resolve("src"))) {
            ctx.backupService().backup(backup);
        }
        Path policy = dir.resolve("policy.json");
        List<String[]> verbs = List.of(new String[] {"verify-audit"}, new String[] {"backup", dir.resolve("b.db").toString()},
                new String[] {"export-audit", dir.resolve("a.jsonl").toString()}, new String[] {"export", "--policy", policy.toString()},
                new String[] {"import", "--policy", policy.toString()}, new String[] {"restore", backup.toString()});
        for (String[] v : verbs) {
            List<String> args = new ArrayList<>(List.of(v));
            args.add("--db");
            args.add(typo.toString());
            Run r = cli(args.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", v) + ": " + r.out() + r.err());
            assertTrue(r.err().contains("no such database"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(typo.getParent()), String.join(" ", v) + " created " + typo.getParent());
        }
        assertFalse(Files.exists(dir.resolve("b.db")));
        assertFalse(Files.exists(dir.resolve("a.jsonl")));
        // the default database, when BYLINE_HOME has none, is not created either
        Run r = cli("verify-audit");
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(Files.exists(db()));
    }

    @Test
    void readOnlyVerbsWorkWhileTheAppHasTheWorkspaceOpenOthersAreLockedAlike() throws Exception {
        try (AppContext running = TestWorkspace.demo(dir)) {
            TestWorkspace.signIn(running, "rina");
            Run v = cli("verify-audit", "--db", db().toString());
            assertEquals(0, v.code(), v.out() + v.err());
            assertTrue(v.out().contains("verifies"), v.out());
            Run b = cli("backup", dir.resolve("nightly.db").toString(), "--db", db().toString());
            assertEquals(0, b.code(), b.out() + b.err());
            Run x = cli("export-audit", dir.resolve("log.jsonl").toString(), "--db", db().toString());
            assertEquals(0, x.code(), x.out() + x.err());
            TestWorkspace.signIn(running, "andi");
            assertTrue(running.auditService().verify().ok(), "the shared writes kept the chain whole");

            String inUse = Database.inUse(running.database().file());
            Path policy = dir.resolve("p.json");
            for (String[] v2 : List.of(new String[] {"export", "--policy", policy.toString()},
                    new String[] {"import", "--policy", policy.toString()}, new String[] {"restore", dir.resolve("nightly.db").toString()})) {
                List<String> args = new ArrayList<>(List.of(v2));
                args.add("--db");
                args.add(db().toString());
                Run r = cli(args.toArray(String[]::new));
                assertEquals(Exit.LOCKED, r.code(), v2[0] + ": " + r.err());
                assertEquals("byline " + v2[0] + ": " + inUse, r.err().strip());
            }
        }
    }

    @Test
    void twoNamesOfOneDatabaseShareOneLock() throws Exception {
        Path link = dir.resolve("alias.db");
        try (AppContext running = TestWorkspace.demo(dir)) {
            Files.createSymbolicLink(link, db());
            StorageException e = assertThrows(StorageException.class,
                    () -> Database.open(link, dir.resolve("backups")));
            assertEquals(StorageException.Kind.LOCKED, e.kind());
            Run r = cli("import", "--policy", dir.resolve("p.json").toString(), "--db", link.toString());
            assertEquals(Exit.LOCKED, r.code(), r.err());
        }
        assertFalse(Files.exists(dir.resolve("alias.db.lock")), "the lock is taken beside the real file");
    }

    @Test
    void aPathTheDriverWouldReadAsOptionsIsRefused() throws Exception {
        Path odd = dir.resolve("team.db?mode=memory");
        StorageException e = assertThrows(StorageException.class, () -> AppContext.open(
                new io.byline.store.DatabaseLocation(dir.resolve("home"), odd, false), false));
        assertEquals(StorageException.Kind.UNUSABLE, e.kind());
        assertTrue(e.getMessage().contains("'?'"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("team.db")), "nothing was created");
        }
    }

    @Test
    void checkNeverWritesOverItsInputItsPolicyOrTheWorkspace() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            ctx.policyTransferService().exportTo(dir.resolve("policy.json"));
        }
        Path policy = dir.resolve("policy.json");
        Path input = dir.resolve("posts.jsonl");
        Files.writeString(input, "{\"id\":\"1\",\"text\":\"Hello\",\"platform\":\"x\"}\n");
        Path inputLink = dir.resolve("link.jsonl");
        Files.createSymbolicLink(inputLink, input);
        byte[] policyBytes = Files.readAllBytes(policy);
        byte[] inputBytes = Files.readAllBytes(input);
        byte[] dbBytes = Files.readAllBytes(db());
        for (Path out : List.of(input, policy, inputLink, db(), TestWorkspace.location(dir).keys().resolve("x"))) {
            Run r = cli("check", "--policy", policy.toString(), "--input", input.toString(), "--output", out.toString());
            assertEquals(2, r.code(), out + ": " + r.err());
            assertTrue(r.err().contains("Refusing to write to"), r.err());
        }
        Path team = dir.resolve("team.db");
        try (AppContext other = AppContext.open(new io.byline.store.DatabaseLocation(dir.resolve("home"), team, false), false)) {
            other.workspaceService();
        }
        byte[] teamBytes = Files.readAllBytes(team);
        Run named = cli("check", "--policy", policy.toString(), "--input", input.toString(), "--output", team + "-wal",
                "--db", team.toString());
        assertEquals(2, named.code(), named.err());
        assertArrayEquals(teamBytes, Files.readAllBytes(team));
        assertFalse(Files.exists(Path.of(team + "-wal")));
        assertArrayEquals(policyBytes, Files.readAllBytes(policy));
        assertArrayEquals(inputBytes, Files.readAllBytes(input));
        assertArrayEquals(dbBytes, Files.readAllBytes(db()));
        Path good = dir.resolve("findings.jsonl");
        Run ok = cli("check", "--policy", policy.toString(), "--input", input.toString(), "--output", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1, Files.readAllLines(good).size());
    }

    @Test
    void aWriteCheckpointOverTheDatabaseIsRefusedWithExitTwo() throws Exception {
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            ctx.backupService();
        }
        byte[] before = Files.readAllBytes(db());
        for (String ext : List.of("", "-wal", "-shm", ".lock")) {
            Run r = cli("verify-audit", "--db", db().toString(), "--write-checkpoint", db() + ext);
            assertEquals(2, r.code(), ext + ": " + r.out() + r.err());
            assertTrue(r.err().contains("Refusing to write to"), r.err());
        }
        Run e = cli("export", "--policy", db().toString(), "--db", db().toString());
        assertEquals(2, e.code(), e.err());
        Run b = cli("backup", db().toString(), "--db", db().toString());
        assertEquals(2, b.code(), b.err());
        Run a = cli("export-audit", db() + "-wal", "--db", db().toString());
        assertEquals(2, a.code(), a.err());
        assertArrayEquals(before, Files.readAllBytes(db()));
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertTrue(ctx.auditService().verify().ok());
        }
    }

    @Test
    void anAuditKeyOthersCanReadIsWarnedAbout() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        String id;
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            id = ctx.workspaceService().id();
            assertTrue(ctx.exposedKeys().isEmpty());
        }
        Path keys = TestWorkspace.location(dir).keys();
        Run quiet = cli("verify-audit", "--db", db().toString());
        assertFalse(quiet.err().contains("warning"), quiet.err());
        Files.setPosixFilePermissions(keys.resolve(id + ".key"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run r = cli("verify-audit", "--db", db().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: " + keys + " can be read by other users"), r.err());
        assertTrue(r.err().contains("warning: " + keys.resolve(id + ".key") + " can be read"), r.err());
        try (AppContext ctx = TestWorkspace.empty(dir)) {
            assertEquals(List.of(keys, keys.resolve(id + ".key")), ctx.exposedKeys());
        }
    }
}
