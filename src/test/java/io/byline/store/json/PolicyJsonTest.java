package io.byline.store.json;

import io.byline.domain.Severity;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyTerm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyJsonTest {
    private static String policy(String entries) {
        return "{\n  \"name\": \"t\",\n  \"terms\": [\n    {\"term\": \"Alpha One\", \"category\": \"codename\", \"severity\": \"BLOCK\"},\n"
                + entries + "\n  ],\n  \"allow\": [\"Alpha One Park\"],\n  \"internalDomains\": [\"x.internal\"]\n}\n";
    }

    @Test
    void parsesTheSharedSample() throws Exception {
        String json = Files.readString(SharedCorpusTest.evalDir().resolve("policy.json"), StandardCharsets.UTF_8);
        Policy p = PolicyJson.parse(json);
        assertEquals(9, p.terms().size());
        assertEquals(Instant.parse("2027-01-15T00:00:00Z"), p.terms().get(1).embargoUntil());
        assertEquals(List.of("Aurora Borealis"), p.allow());
        assertEquals(p, PolicyJson.parse(PolicyJson.toJson(p)), "export and import round-trip");
    }

    @Test
    void exportKeepsEveryField() throws Exception {
        Policy p = new Policy("n", List.of(new PolicyTerm("id-1", "Zeta \"Q\"", null, "codename", Severity.WARN,
                Instant.parse("2030-01-01T00:00:00Z"), "note\nline"), PolicyTerm.pattern("\\bQ-\\d{3}\\b", "part", Severity.INFO)),
                List.of("a b"), List.of("corp.example"));
        assertEquals(p, PolicyJson.parse(PolicyJson.toJson(p)));
    }

    /** entry JSON | expected message fragment | expected line (the bad entry is on line 5) */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `    {"term": "Beta", "category": "c", "severity": "BLOCK", "colour": "red"}` | unknown field "colour"
            `    {"term": 42, "category": "c", "severity": "BLOCK"}`                    | "term" must be a string, not a number
            `    {"term": null, "category": "c", "severity": "BLOCK"}`                  | "term" must not be null
            `    {"category": "c", "severity": "BLOCK"}`                                | missing "term" or "pattern"
            `    {"term": "Beta", "pattern": "b", "category": "c", "severity": "BLOCK"}`| both "term" and "pattern"
            `    {"term": "Beta", "severity": "BLOCK"}`                                 | missing required field "category"
            `    {"term": "Beta", "category": "c"}`                                     | missing required field "severity"
            `    {"term": "  ", "category": "c", "severity": "BLOCK"}`                  | empty term
            `    {"term": "!!", "category": "c", "severity": "BLOCK"}`                  | empty term
            `    {"term": "Be\\ud800ta", "category": "c", "severity": "BLOCK"}`        | "term" holds a lone surrogate (U+D800) at character 3
            `    {"term": "Beta", "note": "\\udc00", "category": "c", "severity": "BLOCK"}` | "note" holds a lone surrogate (U+DC00) at character 1
            `    {"pattern": "(unclosed", "category": "c", "severity": "BLOCK"}`        | invalid regex
            `    {"pattern": "(a+)+$", "category": "c", "severity": "BLOCK"}`           | catastrophic regex
            `    {"term": "Beta", "category": "c", "severity": "FATAL"}`                | bad severity "FATAL"
            `    {"term": "Beta", "category": "c", "severity": "BLOCK", "embargoUntil": "next week"}` | bad embargoUntil
            `    {"term": "Beta", "category": "c", "severity": "BLOCK", "term": "Gamma"}` | given twice
            `    "Beta"`                                                                | an entry must be a JSON object
            """)
    void badEntryNamesTheEntryAndLine(String entry, String fragment) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyJson.parse(policy(entry)));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.entryIndex(), e.getMessage());
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("terms[1]"), e.getMessage());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyJson.parse("{\n  \"terms\": [\n    {\"term\": \"A\",, }\n  ]\n}"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
    }

    @Test
    void topLevelProblems() {
        assertThrows(PolicyException.class, () -> PolicyJson.parse("[]"));
        assertThrows(PolicyException.class, () -> PolicyJson.parse("{\"name\":\"x\"}"));
        assertThrows(PolicyException.class, () -> PolicyJson.parse("{\"terms\":[], \"extra\": 1}"));
        assertThrows(PolicyException.class, () -> PolicyJson.parse("{\"terms\":[]} {}"));
        assertThrows(PolicyException.class, () -> PolicyJson.parse("{\"terms\":[], \"allow\": [\"\"]}"));
        assertThrows(PolicyException.class, () -> PolicyJson.parse(""));
    }

    @Test
    void deepNestingAndHugeInputAreLimitErrors() {
        String deep = "{\"terms\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyJson.parse(deep));
        assertTrue(e.getMessage().toLowerCase().contains("nesting") || e.getMessage().contains("entry"), e.getMessage());
        String deepUnknown = "{\"x\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}";
        assertThrows(PolicyException.class, () -> PolicyJson.parse(deepUnknown));
        String longTerm = policy("    {\"term\": \"" + "x".repeat(20_000) + "\", \"category\": \"c\", \"severity\": \"BLOCK\"}");
        assertThrows(PolicyException.class, () -> PolicyJson.parse(longTerm));
    }

    @Test
    void randomBytesOnlyGivePolicyExceptions() throws Exception {
        Random r = new Random(42);
        String valid = policy("    {\"pattern\": \"\\\\bQ-[0-9]{3}\\\\b\", \"category\": \"c\", \"severity\": \"WARN\", \"embargoUntil\": \"2030-01-01T00:00:00Z\"}");
        PolicyJson.parse(valid);
        for (int i = 0; i < 3000; i++) {
            String input;
            if (i % 3 == 0) {
                byte[] b = new byte[r.nextInt(200)];
                r.nextBytes(b);
                input = new String(b, StandardCharsets.ISO_8859_1);
            } else {
                StringBuilder s = new StringBuilder(valid);
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    int at = r.nextInt(s.length());
                    switch (r.nextInt(3)) {
                        case 0: s.deleteCharAt(at); break;
                        case 1: s.insert(at, "{}[]\",:0\\ntfu\u0000\uD800".charAt(r.nextInt(15))); break;
                        default: s.setCharAt(at, (char) r.nextInt(0x3000)); break;
                    }
                }
                input = s.toString();
            }
            try {
                PolicyJson.parse(input);
            } catch (PolicyException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            }
        }
    }
}
