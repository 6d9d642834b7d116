package io.byline.store.json;

import io.byline.domain.Platform;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.PostInput;
import io.byline.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckJsonlTest {
    @Test
    void readsALineAndIgnoresOtherFields() {
        CheckJsonl.Line l = CheckJsonl.parse("{\"id\":\"a1\",\"tag\":[1,{\"x\":2}],\"text\":\"Hi\",\"platform\":\"x\",\"publishAt\":\"2026-12-10T09:00:00Z\"}");
        assertTrue(l.ok(), l.error());
        assertEquals(new PostInput("Hi", Platform.X, Instant.parse("2026-12-10T09:00:00Z")), l.input());
        assertEquals("a1", l.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "[1,2]", "{\"id\":\"e\",\"platform\":\"x\"}", "{\"id\":\"e\",\"text\":\"t\"}",
        "{\"id\":\"e\",\"text\":\"t\",\"platform\":\"myspace\"}", "{\"id\":\"e\",\"text\":5,\"platform\":\"x\"}",
        "{\"id\":\"e\",\"text\":\"t\",\"platform\":\"x\",\"publishAt\":\"tomorrow\"}", "{\"id\":\"e\",\"text\":\"t\"", "",
        "{\"id\":\"e\",\"text\":\"t\",\"platform\":\"x\"} extra"
    })
    void malformedLinesGiveAnErrorWithTheIdWhenKnown(String line) {
        CheckJsonl.Line l = CheckJsonl.parse(line);
        assertFalse(l.ok());
        assertNotNull(l.error());
        if (line.startsWith("{\"id\":\"e\"") && !line.endsWith("extra")) assertEquals("e", l.id());
        String out = CheckJsonl.errorLine(l.id(), l.error());
        assertTrue(out.startsWith("{\"id\":"), out);
        assertTrue(out.contains("\"error\":\""), out);
    }

    @Test
    void writesTheContractShape() throws Exception {
        CompiledPolicy p = PolicyJson.read(SharedCorpusTest.evalDir().resolve("policy.json"));
        Validator v = new Validator(p);
        String out = CheckJsonl.resultLine("s001", v.validate(new PostInput("Great progress on Project Titan today.",
                Platform.X, Instant.parse("2026-12-10T09:00:00Z"))));
        assertEquals("{\"id\":\"s001\",\"verdict\":\"BLOCK\",\"findings\":[{\"rule\":\"lexicon\",\"severity\":\"BLOCK\","
                + "\"start\":18,\"end\":31,\"text\":\"Project Titan\",\"category\":\"codename\",\"term\":\"Project Titan\","
                + "\"message\":\"Confidential codename\"}],\"length\":{\"platform\":\"x\",\"count\":38,\"limit\":280}}", out);
        String pass = CheckJsonl.resultLine("q", v.validate(new PostInput("Hello \"world\"\n\uD800", Platform.LINKEDIN, null)));
        assertEquals("{\"id\":\"q\",\"verdict\":\"PASS\",\"findings\":[],\"length\":{\"platform\":\"linkedin\",\"count\":15,\"limit\":3000}}", pass);
        assertEquals("{\"id\":null,\"error\":\"a \\\"b\\\"\\n\\ud800\"}", CheckJsonl.errorLine(null, "a \"b\"\n\uD800"));
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(99);
        String base = "{\"id\":\"r\",\"text\":\"Project Titan at wiki.corp/x +62 811-2222-3333\",\"platform\":\"x\",\"publishAt\":\"2026-12-10T09:00:00Z\"}";
        for (int i = 0; i < 5000; i++) {
            String line;
            if (i % 2 == 0) {
                byte[] b = new byte[r.nextInt(120)];
                r.nextBytes(b);
                line = new String(b, StandardCharsets.UTF_8);
            } else {
                StringBuilder s = new StringBuilder(base);
                for (int k = 0; k < 3; k++) s.setCharAt(r.nextInt(s.length()), (char) r.nextInt(0x80));
                line = s.toString();
            }
            CheckJsonl.Line l = CheckJsonl.parse(line);
            assertTrue(l.ok() ^ l.error() != null);
        }
        CheckJsonl.Line deep = CheckJsonl.parse("{\"id\":\"d\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertFalse(deep.ok());
        assertEquals("d", deep.id());
    }

    @Test
    void fastPathAgreesWithGsonOnRandomAndMutatedLines() {
        Random r = new Random(21);
        String[] values = {"\"x\"", "\"linkedin\"", "\"2026-12-10T09:00:00Z\"", "\"2024-02-29T23:59:59Z\"",
            "\"2023-02-29T00:00:00Z\"", "\"2026-12-10T09:00:00.5Z\"", "\"a\\\"b\\\\c\\/d\\n\\u00e9\\uD83D\\ude00\"",
            "\"bad \\q escape\"", "\"\\u12G4\"", "5", "null", "true", "[1]", "{\"a\":1}", "\"\u0001\"", "\"tab\there\""};
        String[] names = {"id", "text", "platform", "publishAt", "other", "te\\u0078t"};
        int fast = 0;
        for (int i = 0; i < 20000; i++) {
            StringBuilder b = new StringBuilder(r.nextInt(8) == 0 ? " {" : "{");
            int fields = r.nextInt(6);
            for (int f = 0; f < fields; f++) {
                if (f > 0) b.append(r.nextBoolean() ? "," : " , ");
                b.append('"').append(names[r.nextInt(names.length)]).append('"').append(r.nextBoolean() ? ":" : " : ");
                b.append(values[r.nextInt(values.length)]);
            }
            b.append(r.nextInt(10) == 0 ? "} x" : "}");
            String line = b.toString();
            if (r.nextInt(6) == 0 && line.length() > 1) { // mutate one character
                int at = r.nextInt(line.length());
                line = line.substring(0, at) + "{}\":,\\ \t".charAt(r.nextInt(8)) + line.substring(at + 1);
            }
            CheckJsonl.Line a = CheckJsonl.parseFlat(line);
            if (a == null) continue;
            fast++;
            assertEquals(CheckJsonl.parseGson(line), a, line);
        }
        assertTrue(fast > 2000, "fast path used " + fast + " times");
    }

    @Test
    void instantFastPathAgreesWithInstantParse() {
        Random r = new Random(4);
        for (int i = 0; i < 20000; i++) {
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", r.nextInt(3000), r.nextInt(14), r.nextInt(33),
                    r.nextInt(26), r.nextInt(62), r.nextInt(62));
            Object expected, actual;
            try { expected = Instant.parse(s); } catch (RuntimeException e) { expected = e.getClass(); }
            try { actual = CheckJsonl.instant(s); } catch (RuntimeException e) { actual = e.getClass(); }
            assertEquals(expected, actual, s);
        }
    }
}
