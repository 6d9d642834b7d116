package io.byline.cli;

import io.byline.store.json.SharedCorpusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0, out.split("\n", -1).length - 1);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = CheckCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private static Path eval(String f) {
        return SharedCorpusTest.evalDir().resolve(f);
    }

    @Test
    void sharedCorpusThroughTheCommandScoresFullRecallNoFalseAlarm() throws Exception {
        Path out = dir.resolve("findings.jsonl");
        Run r = run("check", "--policy", eval("policy.json").toString(), "--input", eval("cases.jsonl").toString(),
                "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> cases = Files.readAllLines(eval("cases.jsonl"));
        List<String> lines = Files.readAllLines(out);
        assertEquals(cases.stream().filter(l -> !l.isBlank()).count(), lines.size());
        SharedCorpusTest.Score s = SharedCorpusTest.score(cases, lines);
        assertEquals(1.0, s.recall(), 1e-9, s.report()::toString);
        assertEquals(0, s.falseAlarms(), s.report()::toString);
    }

    @Test
    void stdoutByDefaultOneLinePerInputLineInOrderWithErrors() throws Exception {
        Path in = dir.resolve("in.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            if (i % 97 == 5) b.append("{broken ").append(i).append('\n');
            else b.append("{\"id\":\"p").append(i).append("\",\"text\":\"Post ").append(i)
                    .append(i % 10 == 0 ? " about Project Titan" : "").append("\",\"platform\":\"x\",\"publishAt\":\"2026-12-10T09:00:00Z\"}\r\n");
        }
        Files.writeString(in, b);
        Run r = run("--policy", eval("policy.json").toString(), "--input", in.toString());
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(1000, lines.size());
        for (int i = 0; i < 1000; i++) {
            String l = lines.get(i);
            if (i % 97 == 5) assertTrue(l.startsWith("{\"id\":null,\"error\":"), l);
            else assertTrue(l.startsWith("{\"id\":\"p" + i + "\",\"verdict\":\"" + (i % 10 == 0 ? "BLOCK" : "PASS")), l);
        }
    }

    @Test
    void exitCodes() throws Exception {
        Path in = dir.resolve("ok.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"hi\",\"platform\":\"bluesky\",\"publishAt\":\"2026-12-10T09:00:00Z\"}\n");
        assertEquals(0, run("--policy", eval("policy.json").toString(), "--input", in.toString()).code());
        assertEquals(2, run("--policy", eval("policy.json").toString()).code());
        assertEquals(2, run("--policy", "/nonexistent.json", "--input", in.toString()).code());
        assertEquals(2, run("--policy", eval("policy.json").toString(), "--input", "/nonexistent.jsonl").code());
        assertEquals(2, run("--bogus").code());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"terms\":[{\"pattern\":\"(a+)+$\",\"category\":\"x\",\"severity\":\"WARN\"}]}");
        Run r = run("--policy", bad.toString(), "--input", in.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("terms[0]") && r.err().contains("catastrophic"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void randomBytesInputOnlyGivesDocumentedResults() throws Exception {
        Random rnd = new Random(1234);
        for (int round = 0; round < 20; round++) {
            byte[] bytes = new byte[rnd.nextInt(20_000)];
            rnd.nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) if (rnd.nextInt(40) == 0) bytes[i] = '\n';
            Path in = dir.resolve("rnd" + round);
            Files.write(in, bytes);
            Run r = run("--policy", eval("policy.json").toString(), "--input", in.toString(), "--threads", String.valueOf(1 + round % 3));
            assertTrue(r.code() == 0 || r.code() == 1, r.err());
            String text = new String(bytes, StandardCharsets.UTF_8);
            long expectedLines = text.isEmpty() ? 0 : text.split("\r\n|\r|\n", -1).length - (text.endsWith("\n") || text.endsWith("\r") ? 1 : 0);
            assertEquals(expectedLines, r.lines().size());
        }
    }

    @Test
    void overLongLineIsAnErrorAndTheRunGoesOn() throws Exception {
        Path in = dir.resolve("long.jsonl");
        List<String> lines = new ArrayList<>();
        lines.add("{\"id\":\"big\",\"text\":\"" + "a".repeat(CheckCommand.MAX_LINE + 10) + "\",\"platform\":\"x\"}");
        lines.add("{\"id\":\"after\",\"text\":\"fine\",\"platform\":\"x\"}");
        Files.write(in, lines);
        Run r = run("--policy", eval("policy.json").toString(), "--input", in.toString());
        assertEquals(1, r.code());
        assertEquals(2, r.lines().size());
        assertTrue(r.lines().get(0).contains("\"error\""));
        assertTrue(r.lines().get(1).startsWith("{\"id\":\"after\",\"verdict\":\"PASS\""));
    }
}
