package io.byline.cli;

import io.byline.store.json.SharedCorpusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check} on a policy with facts, do-not-engage accounts and quiet periods, and on one without them. */
class CheckFactsCommandTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/byline/facts/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = CheckCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void policyWithTheNewPartsFindsFiguresAccountsAndQuietPeriods() throws Exception {
        String[] r = run("check", "--policy", copy("policy-with-facts.json").toString(), "--input", copy("posts.jsonl").toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = List.of(r[1].split("\n"));
        assertEquals(10, lines.size());
        assertTrue(lines.get(0).startsWith("{\"id\":\"f1\",\"verdict\":\"PASS\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"rule\":\"fact.mismatch\",\"severity\":\"WARN\",\"start\":16,\"end\":30,\"text\":\"Rp 1,3 triliun\""),
                lines.get(1));
        assertTrue(lines.get(2).contains("\"rule\":\"fact.undisclosed\""), lines.get(2));
        assertTrue(lines.get(3).contains("\"rule\":\"fact.embargo\"") && lines.get(3).contains("2026-10-30"), lines.get(3));
        assertTrue(lines.get(3).contains("\"rule\":\"quiet-period\""), lines.get(3));
        assertTrue(lines.get(4).contains("\"rule\":\"engage\",\"severity\":\"BLOCK\",\"start\":9,\"end\":19,\"text\":\"@RivalCorp\""),
                lines.get(4));
        assertTrue(lines.get(5).contains("\"category\":\"reply\""), lines.get(5));
        assertTrue(lines.get(6).contains("\"category\":\"quote\""), lines.get(6));
        assertTrue(lines.get(7).contains("\"rule\":\"quiet-period\",\"severity\":\"BLOCK\""), lines.get(7));
        assertTrue(lines.get(8).contains("\"term\":\"Project Kestrel\"") && lines.get(8).contains("\"text\":\"HX\u2011204\""), lines.get(8));
        assertTrue(lines.get(9).contains("\"rule\":\"fact.undisclosed\""), lines.get(9));
    }

    /** The same posts against a policy of words only give, byte for byte, what Byline gave before these rules. */
    @Test
    void policyWithoutThePartsGivesTheSameOutputAsBefore() throws Exception {
        String[] r = run("check", "--policy", SharedCorpusTest.evalDir().resolve("policy.json").toString(),
                "--input", copy("posts.jsonl").toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(Files.readString(copy("posts.without-parts.expected.jsonl")), r[1]);
    }

    @Test
    void replyToThatIsNotAStringIsAMalformedLine() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"hi\",\"platform\":\"x\",\"replyTo\":5}\n"
                + "{\"id\":\"b\",\"text\":\"hi\",\"platform\":\"x\",\"replyTo\":null}\n");
        String[] r = run("check", "--policy", copy("policy-with-facts.json").toString(), "--input", in.toString());
        assertEquals("1", r[0]);
        assertTrue(r[1].startsWith("{\"id\":\"a\",\"error\":\"\\\"replyTo\\\" must be a handle string\"}\n{\"id\":\"b\",\"verdict\":\"PASS\""),
                r[1]);
    }
}
