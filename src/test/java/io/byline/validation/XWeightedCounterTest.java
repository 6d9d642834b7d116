package io.byline.validation;

import io.byline.domain.Platform;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** twitter-text's conformance cases for X's current weighted counting, read from the shared YAML file. */
class XWeightedCounterTest {
    record Case(String description, String text, int weightedLength, boolean valid) {}

    static List<Case> cases() throws Exception {
        Path yml = Path.of(System.getProperty("byline.eval.dir", "../shared/eval"), "twitter-text-validate.yml");
        List<String> lines = Files.readAllLines(yml, StandardCharsets.UTF_8);
        List<Case> out = new ArrayList<>();
        boolean in = false;
        String desc = null, text = null;
        Integer weighted = null;
        Boolean valid = null;
        for (String line : lines) {
            if (line.startsWith("  ") && !line.startsWith("   ") && line.trim().endsWith(":")) {
                in = line.trim().equals("WeightedTweetsWithDiscountedEmojiCounterTest:");
                continue;
            }
            if (!in) continue;
            String t = line.trim();
            if (t.startsWith("- description:")) {
                if (desc != null) out.add(new Case(desc, text, weighted, valid));
                desc = scalar(t.substring("- description:".length()));
                text = null; weighted = null; valid = null;
            } else if (t.startsWith("text:")) {
                text = scalar(t.substring(5));
            } else if (t.startsWith("weightedLength:")) {
                weighted = Integer.parseInt(t.substring(15).trim());
            } else if (t.startsWith("valid:")) {
                valid = Boolean.parseBoolean(t.substring(6).trim());
            }
        }
        if (desc != null) out.add(new Case(desc, text, weighted, valid));
        return out;
    }

    /** A YAML scalar: double-quoted with escapes (\\uXXXX, \\UXXXXXXXX, \\n …) or plain. */
    static String scalar(String raw) {
        String s = raw.trim();
        if (!s.startsWith("\"")) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') break;
            if (c != '\\') { b.append(c); continue; }
            char n = s.charAt(++i);
            switch (n) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case '0': b.append('\0'); break;
                case 'x': b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16)); i += 2; break;
                case 'u': b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; break;
                case 'U': b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16)); i += 8; break;
                default: b.append(n);
            }
        }
        return b.toString();
    }

    @TestFactory
    List<DynamicTest> weightedLengthMatchesTwitterText() throws Exception {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 20, "found " + cases.size() + " cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.description(), () -> {
                assertEquals(c.weightedLength(), XWeightedCounter.weightedLength(c.text()), c.description());
                LengthInfo info = PlatformLength.measure(c.text(), Platform.X);
                assertEquals(c.valid(), !info.over(), c.description());
                assertEquals(c.weightedLength(), info.count(), c.description());
            }));
        }
        return tests;
    }

    @Test
    void overflowStartIsWhereTheTextFirstGoesPastTheLimit() {
        String text = "a".repeat(279) + "のb";
        LengthInfo info = PlatformLength.measure(text, Platform.X);
        assertEquals(282, info.count());
        assertEquals(279, info.overflowStart());
        assertEquals(-1, PlatformLength.measure("a".repeat(280), Platform.X).overflowStart());
        String decomposed = "a".repeat(279) + "e\u0301" + "x";
        LengthInfo d = PlatformLength.measure(decomposed, Platform.X);
        assertEquals(281, d.count());
        assertEquals(281, d.overflowStart(), "offset in the original (decomposed) text");
    }
}
