package io.byline.store.json;

import io.byline.domain.Platform;
import io.byline.domain.Severity;
import io.byline.validation.Metric;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyFact;
import io.byline.validation.PolicyFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyFactsJsonTest {
    static String resource(String name) throws Exception {
        try (InputStream in = PolicyFactsJsonTest.class.getResourceAsStream("/io/byline/facts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheThreePartsAndWritesThemBack() throws Exception {
        Policy p = PolicyJson.parse(resource("policy-with-facts.json"));
        PolicyFacts f = p.facts();
        assertEquals(2, f.facts().size());
        PolicyFact revenue = f.facts().get(0);
        assertEquals("q3-revenue", revenue.id());
        assertEquals(Metric.REVENUE, revenue.metric());
        assertEquals(0, new BigDecimal("1200000000000").compareTo(revenue.value()));
        assertEquals("IDR", revenue.currency());
        assertEquals(Instant.parse("2026-10-30T00:00:00Z"), revenue.disclosedAt());
        assertEquals(0.005, revenue.tolerance());
        assertEquals(PolicyFact.DEFAULT_TOLERANCE, f.facts().get(1).tolerance());
        assertEquals(Platform.X, f.doNotEngage().get(0).platform());
        assertEquals("litigation", f.doNotEngage().get(0).reason());
        assertEquals(Severity.BLOCK, f.quietPeriods().get(0).severity());

        String out = PolicyJson.toJson(p);
        assertTrue(out.contains("\"version\": 2"), out);
        assertEquals(p, PolicyJson.parse(out));
        assertEquals(out, PolicyJson.toJson(PolicyJson.parse(out)));
    }

    @Test
    void policyWithoutThePartsIsWrittenAsBefore() throws Exception {
        Policy p = PolicyJson.parse("{\"name\": \"n\", \"terms\": [{\"term\": \"Alpha\", \"category\": \"c\", \"severity\": \"BLOCK\"}]}");
        assertTrue(p.facts().isEmpty());
        String out = PolicyJson.toJson(p);
        assertFalse(out.contains("version") || out.contains("facts") || out.contains("quietPeriods"), out);
        assertEquals(PolicyJson.parse("{\"version\": 1, \"terms\": [{\"term\": \"Alpha\", \"category\": \"c\", \"severity\": \"BLOCK\"}],"
                + " \"name\": \"n\"}"), p);
    }

    private static String withPart(String part) {
        return "{\"terms\": [{\"term\": \"Alpha\", \"category\": \"c\", \"severity\": \"BLOCK\"}],\n" + part + "\n}";
    }

    private static final String FACT = "\"metric\": \"revenue\", \"value\": \"1.2e12\", \"disclosedAt\": \"2026-10-30T00:00:00Z\"";

    /** A bad part → the key it is refused with; every error names the entry and sits on line 3 (or 2). */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "facts": {}                                                                              | part.notAnArray      | 2
            "facts": [\\n 42]                                                                        | part.notAnObject     | 3
            "facts": [\\n {"id": "a", "colour": "red", FACT}]                                         | part.unknownField    | 3
            "facts": [\\n {"id": "a", "id": "b", FACT}]                                               | part.fieldTwice      | 3
            "facts": [\\n {"id": null, FACT}]                                                         | part.nullField       | 3
            "facts": [\\n {"id": " ", FACT}]                                                          | part.empty           | 3
            "facts": [\\n {"id": "a", "metric": "revenue", "value": true, "disclosedAt": "2026-10-30T00:00:00Z"}] | part.wrongType | 3
            "facts": [\\n {"id": "a", FACT, "tolerance": "0.1"}]                                      | part.wrongType       | 3
            "facts": [\\n {FACT}]                                                                     | part.missingField    | 3
            "facts": [\\n {"id": "a", "metric": "margin", "value": "1", "disclosedAt": "2026-10-30T00:00:00Z"}] | part.badMetric | 3
            "facts": [\\n {"id": "a", "metric": "revenue", "value": "1,2 T", "disclosedAt": "2026-10-30T00:00:00Z"}] | part.badValue | 3
            "facts": [\\n {"id": "a", FACT, "currency": "Rupiah"}]                                    | part.badCurrency     | 3
            "facts": [\\n {"id": "a", FACT, "tolerance": 1.5}]                                        | part.badTolerance    | 3
            "facts": [\\n {"id": "a", "metric": "revenue", "value": "1", "disclosedAt": "30 Oct 2026"}] | part.badInstant     | 3
            "facts": [\\n {"id": "a", FACT},\\n {"id": "a", FACT}]                                      | part.duplicate       | 4
            "doNotEngage": [\\n {"platform": "myspace", "handle": "@x", "severity": "BLOCK"}]         | part.badPlatform     | 3
            "doNotEngage": [\\n {"handle": "rival corp", "severity": "BLOCK"}]                        | part.badHandle       | 3
            "doNotEngage": [\\n {"handle": "@rival", "severity": "HIGH"}]                             | part.badSeverity     | 3
            "doNotEngage": [\\n {"handle": "@rival", "names": "Rival", "severity": "BLOCK"}]          | part.wrongType       | 3
            "doNotEngage": [\\n {"handle": "@Rival", "severity": "BLOCK"},\\n {"handle": "rival", "severity": "WARN"}] | part.duplicate | 4
            "quietPeriods": [\\n {"label": "q", "from": "2026-10-30T00:00:00Z", "to": "2026-10-15T00:00:00Z", "severity": "BLOCK"}] | part.fromNotBeforeTo | 3
            "quietPeriods": [\\n {"label": "q", "from": "2026-10-15", "to": "2026-10-30T00:00:00Z", "severity": "BLOCK"}] | part.badInstant | 3
            "quietPeriods": [\\n {"label": "q", "from": "2026-10-15T00:00:00Z", "to": "2026-10-30T00:00:00Z", "severity": "BLOCK"},\\n {"label": "Q", "from": "2026-11-15T00:00:00Z", "to": "2026-11-30T00:00:00Z", "severity": "BLOCK"}] | part.duplicate | 4
            "version": 3                                                                             | badVersion           | 2
            """)
    void badPartIsRefusedWithItsLineAndColumn(String part, String key, int line) throws Exception {
        String json = withPart(part.replace("\\n", "\n").replace("FACT", FACT));
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyJson.parse(json));
        assertEquals("policy.error." + key, e.key(), e::getMessage);
        assertEquals(line, e.line(), e::getMessage);
        assertTrue(e.column() > 0, e::getMessage);
        // the English bundle says what the command line says, and the Indonesian one says it too
        Properties en = bundle("policy.properties"), id = bundle("policy_id.properties");
        assertEquals(e.reason(), new MessageFormat(en.getProperty(e.key()), Locale.ROOT).format(e.args().toArray()));
        assertNotNull(id.getProperty(e.key()), e.key());
    }

    @Test
    void oneBadPeriodRefusesTheWholePolicy() {
        String json = withPart("\"facts\": [{\"id\": \"a\", " + FACT + "}],\n\"quietPeriods\": [{\"label\": \"q\"}]");
        assertThrows(PolicyException.class, () -> PolicyJson.parse(json));
    }

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = PolicyFactsJsonTest.class.getResourceAsStream("/io/byline/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
