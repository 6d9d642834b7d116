package io.byline.cli;

import io.byline.store.json.CheckJsonl;
import io.byline.store.json.SharedCorpusTest;
import io.byline.testing.ChildJvm;
import io.byline.validation.Validator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check} keeps its memory bounded whatever the input: huge lines, huge posts and posts with a huge number of
 * findings are answered line by line (an error line, or the first findings and a "N more" finding), never with an
 * OutOfMemoryError.
 */
@Tag("fault")
class CheckMemoryTest {
    @TempDir
    Path dir;

    private static final String POLICY = SharedCorpusTest.evalDir().resolve("policy.json").toString();
    private static final int LINE_BYTES = 7_800_000;

    /** A post line of about {@code bytes} bytes whose text repeats a confidential term. */
    private static String hugePost(String id, int bytes) {
        String head = "{\"id\":\"" + id + "\",\"platform\":\"linkedin\",\"text\":\"";
        String tail = "\"}";
        String unit = "Project Titan and Meridian Labs \\u00e9t\\u00e9 ";
        StringBuilder b = new StringBuilder(bytes + unit.length());
        b.append(head);
        while (b.length() + unit.length() + tail.length() <= bytes) b.append(unit);
        return b.append(tail).toString();
    }

    @Test
    void ninetyMegabytesOfHugeLinesRunInAHalfGigabyteHeap() throws Exception {
        Path in = dir.resolve("huge.jsonl");
        int lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 11; i++) {
                w.write(hugePost("big" + i, LINE_BYTES));
                w.write('\n');
                lines++;
                if (i % 3 == 0) {
                    w.write("{\"id\":\"small" + i + "\",\"text\":\"About Project Titan\",\"platform\":\"x\"}\n");
                    lines++;
                }
            }
            // one more huge line that is not JSON at all, and one that never ends its string
            w.write("x".repeat(LINE_BYTES));
            w.write('\n');
            w.write("{\"id\":\"open\",\"text\":\"" + "y".repeat(LINE_BYTES));
            w.write('\n');
            lines += 2;
        }
        assertTrue(Files.size(in) > 90_000_000, "the input is over 90 MB");
        Path out = dir.resolve("out.jsonl");
        try (ChildJvm child = ChildJvm.start(List.of("-Xmx512m"), CheckCommand.class, "check", "--policy", POLICY,
                "--input", in.toString(), "--output", out.toString())) {
            int code = child.waitFor(120);
            String err = child.stderr();
            assertEquals(CheckCommand.EXIT_BAD_LINES, code, err);
            assertFalse(err.contains("OutOfMemoryError") || err.contains("Exception"), err);
        }
        List<String> result = Files.readAllLines(out);
        assertEquals(lines, result.size());
        int errors = 0, smalls = 0;
        for (String l : result) {
            if (l.startsWith("{\"id\":\"big")) {
                assertTrue(l.contains("\"error\":\"text longer than " + CheckJsonl.MAX_TEXT + " characters"), l);
                errors++;
            } else if (l.startsWith("{\"id\":\"small")) {
                assertTrue(l.contains("\"verdict\":\"BLOCK\""), l);
                smalls++;
            } else {
                assertTrue(l.contains("\"error\":"), l.length() > 300 ? l.substring(0, 300) : l);
                errors++;
            }
        }
        assertEquals(13, errors);
        assertEquals(4, smalls);
    }

    @Test
    void aPostWithTooManyFindingsListsTheFirstAndCountsTheRest() throws Exception {
        Path in = dir.resolve("many.jsonl");
        String post = hugePost("many", CheckJsonl.MAX_TEXT - 1000);
        Files.writeString(in, post + "\n{\"id\":\"next\",\"text\":\"fine\",\"platform\":\"x\"}\n");
        Path out = dir.resolve("many-out.jsonl");
        try (ChildJvm child = ChildJvm.start(List.of("-Xmx256m"), CheckCommand.class, "check", "--policy", POLICY,
                "--input", in.toString(), "--output", out.toString())) {
            int code = child.waitFor(120);
            assertEquals(CheckCommand.EXIT_OK, code, child.stderr());
        }
        List<String> result = Files.readAllLines(out);
        assertEquals(2, result.size());
        String many = result.get(0);
        assertTrue(many.startsWith("{\"id\":\"many\",\"verdict\":\"BLOCK\""), many.substring(0, 200));
        int findings = many.split("\\{\"rule\":", -1).length - 1;
        assertEquals(Validator.MAX_FINDINGS + 1, findings);
        assertTrue(many.matches(".*\\{\"rule\":\"truncated\",\"severity\":\"(BLOCK|WARN)\",\"start\":(\\d+),\"end\":\\2,"
                + "\"text\":\"\",\"message\":\"\\d+ more findings not listed[^\"]*\"}],\"length\".*"), 
                many.substring(many.length() - 400));
        assertTrue(result.get(1).startsWith("{\"id\":\"next\",\"verdict\":\"PASS\""));
    }
}
