package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pii.*, internal-link, length, disclosure, financial: parameterized hits and near misses. */
class RulesTest {
    private static final Validator V = TestPolicies.validator();

    private static List<Finding> rule(String prefix, String text) {
        return TestPolicies.check(V, text).findings().stream()
                .filter(f -> f.rule().equals(prefix) || f.rule().startsWith(prefix + "."))
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "[{index}] {0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pii.email | jane.doe+news@example.co.id           | Write to jane.doe+news@example.co.id today
            pii.email | a_b@sub.example.com                   | (a_b@sub.example.com)
            pii.phone | +62 811-2222-3333                     | Call +62 811-2222-3333 now.
            pii.phone | +1 (415) 555-2671                     | US: +1 (415) 555-2671.
            pii.phone | +44 20 7946 0958                      | London +44 20 7946 0958
            pii.phone | 0812-3456-7890                        | WA 0812-3456-7890 ya
            pii.phone | (415) 555-2671                        | Ring (415) 555-2671 please
            pii.card  | 4111 1111 1111 1111                   | Card 4111 1111 1111 1111 here
            pii.card  | 5500-0000-0000-0004                   | Card 5500-0000-0000-0004 here
            pii.card  | 378282246310005                       | Amex 378282246310005.
            pii.iban  | GB82 WEST 1234 5698 7654 32           | IBAN GB82 WEST 1234 5698 7654 32 for gifts.
            pii.iban  | DE89370400440532013000                | Konto DE89370400440532013000.
            pii.iban  | NL91 ABNA 0417 1643 00                | NL91 ABNA 0417 1643 00
            """)
    void piiFound(String rule, String expected, String text) {
        List<Finding> fs = rule("pii", text);
        assertEquals(1, fs.size(), fs::toString);
        assertEquals(rule, fs.get(0).rule());
        assertEquals(expected, fs.get(0).text());
        assertEquals(text.indexOf(expected), fs.get(0).start());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Record 5500 0000 0000 0005 is not a card.",
        "Order 4111 1111 1111 1112 failed Luhn.",
        "Our 2026-12-10 launch and 10.11.2026 date.",
        "Proud of our 5,000 engineers and 1,234,567 passengers.",
        "Version 10.0.0.1 ships.",
        "GB82 WEST 1234 5698 7654 33 fails mod-97.",
        "Flight A220-300 seats 130.",
        "Reach me @ the office.",
        "user@localhost is not an address with a domain",
        "Grafana http://192.168.1.20:3000/d/abc",
        "Pi is 3.14159265358979",
    })
    void piiQuiet(String text) {
        assertEquals(List.of(), rule("pii", text));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://wiki.acme.internal/titan              | Roadmap: https://wiki.acme.internal/titan
            http://192.168.1.20:3000/d/abc                | Grafana: http://192.168.1.20:3000/d/abc
            http://10.0.0.5/admin                         | see http://10.0.0.5/admin.
            http://172.20.1.1                             | (http://172.20.1.1)
            http://localhost:8080/x                       | dev http://localhost:8080/x
            http://[::1]:8080/                            | v6 http://[::1]:8080/ ok
            http://[fd00::1]/                             | v6 http://[fd00::1]/ ok
            https://intranet/wiki                         | go https://intranet/wiki now
            https://jira.corp/browse/X-1                  | ticket https://jira.corp/browse/X-1
            http://printer.local                          | http://printer.local
            https://docs.example.internal/a?b=c           | policy domain https://docs.example.internal/a?b=c
            wiki.example.internal/page                    | bare wiki.example.internal/page, ok
            build.corp                                    | on build.corp today
            """)
    void internalLinkFound(String expected, String text) {
        List<Finding> fs = rule("internal-link", text);
        assertEquals(1, fs.size(), fs::toString);
        assertEquals(expected, fs.get(0).text());
        assertEquals(Severity.BLOCK, fs.get(0).severity());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "News: https://acme-aero.com/press",
        "See https://example.com/internal/docs and corp.example.com",
        "Public IP http://8.8.8.8/ is fine",
        "Visit acme.com.",
        "Version 10.0.0.1 ships.",
        "Mail me at bob@acme.internal",
    })
    void internalLinkQuiet(String text) {
        assertEquals(List.of(), rule("internal-link", text));
    }

    @Test
    void lengthCountsEachPlatformItsWay() {
        assertEquals(280, PlatformLength.count("a".repeat(280), Platform.X));
        assertEquals(23 + 1 + 5, PlatformLength.count("https://example.com/a/very/long/path/indeed hello", Platform.MASTODON));
        assertEquals(3, PlatformLength.count("👨‍👩‍👧‍👦e\u0301a", Platform.BLUESKY));
        assertEquals(2, PlatformLength.count("😀x", Platform.LINKEDIN));
        // Bluesky byte limit: a family emoji is one grapheme of 25 UTF-8 bytes; the 121st passes 3000 bytes
        LengthInfo b = PlatformLength.measure("👨‍👩‍👧‍👦".repeat(121), Platform.BLUESKY);
        assertEquals(121, b.count());
        assertEquals(120 * 11, b.overflowStart());
        LengthInfo t = PlatformLength.measure("x".repeat(501), Platform.THREADS);
        assertEquals(500, t.overflowStart());
    }

    @Test
    void lengthFindingCoversTheOverflow() {
        String text = "a".repeat(3000) + "tail";
        List<Finding> fs = rule("length", text);
        assertEquals(1, fs.size());
        assertEquals(3000, fs.get(0).start());
        assertEquals("tail", fs.get(0).text());
        assertEquals("Too long for LinkedIn: 3004 of 3000", fs.get(0).message());
    }

    private static List<Finding> disclosure(String text, AccountContext acc) {
        return V.validate(new PostInput(text, Platform.INSTAGRAM, TestPolicies.NOW, acc)).findings().stream()
                .filter(f -> f.rule().equals("disclosure")).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Loving my new watch, in partnership with @Brand!",
        "This post is sponsored by Acme Coffee.",
        "Use my code EXEC10 for a discount",
        "Bekerja sama dengan @mitra untuk acara ini",
        "Paid partnership: great shoes",
    })
    void sponsoredWordingWithoutTagIsFlagged(String text) {
        assertEquals(1, disclosure(text, null).size(), text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Loving my new watch, in partnership with @Brand! #ad",
        "This post is sponsored by Acme Coffee. #sponsored",
        "Bekerja sama dengan @mitra #iklan",
        "Our Q3 town hall was great.",
        "#AdAstra to the stars, no sponsor here",
    })
    void disclosedOrUnsponsoredIsQuiet(String text) {
        assertEquals(List.of(), disclosure(text, null), text);
    }

    @Test
    void sponsoredFlagNeedsATag() {
        AccountContext sponsored = new AccountContext(AccountContext.Capacity.OFFICIAL, null, null, true);
        assertEquals(1, disclosure("Great coffee this morning", sponsored).size());
        assertEquals(0, disclosure("Great coffee this morning #ad", sponsored).size());
    }

    @Test
    void personalAccountNeedsDisclaimerInBio() {
        AccountContext bare = new AccountContext(AccountContext.Capacity.PERSONAL, "CEO at Acme. Pilot.", null, false);
        AccountContext ok = new AccountContext(AccountContext.Capacity.PERSONAL, "CEO at Acme. Views are my own.", null, false);
        AccountContext id = new AccountContext(AccountContext.Capacity.PERSONAL, "CEO Acme. Pendapat pribadi.", null, false);
        AccountContext custom = new AccountContext(AccountContext.Capacity.PERSONAL, "CEO. Posts are personal.",
                "Posts are personal", false);
        AccountContext official = new AccountContext(AccountContext.Capacity.OFFICIAL, "Acme", null, false);
        assertEquals(1, disclosure("Hello", bare).size());
        assertEquals(0, disclosure("Hello", ok).size());
        assertEquals(0, disclosure("Hello", id).size());
        assertEquals(0, disclosure("Hello", custom).size());
        assertEquals(0, disclosure("Hello", official).size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "We are raising our full-year guidance.",
        "Revenue will grow 20% next year.",
        "Sales are set to double to $5 billion.",
        "Q3 results look strong ahead of the call.",
        "Pendapatan akan tumbuh 15 persen tahun depan.",
        "Our revenue is expected to beat estimates.",
    })
    void forwardLookingFinancialWordingWarns(String text) {
        List<Finding> fs = rule("financial", text);
        assertEquals(1, fs.size(), text);
        assertEquals(Severity.WARN, fs.get(0).severity());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "We grew the team to 50 people last year.",
        "Proud of our 5,000 engineers.",
        "Thanks for the guidance counselor's help",
    })
    void ordinaryNumbersAreNotFinancial(String text) {
        // "guidance" alone is forward-looking wording; the counselor sentence shows the rule is deliberately broad
        List<Finding> fs = rule("financial", text);
        if (text.contains("guidance")) assertEquals(1, fs.size());
        else assertEquals(List.of(), fs, text);
    }

    @Test
    void everyMessageKeyExistsInBothLanguages() throws Exception {
        var en = new java.util.Properties();
        var id = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/io/byline/i18n/findings.properties");
             var b = getClass().getResourceAsStream("/io/byline/i18n/findings_id.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            id.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), id.keySet());
        assertEquals("Nomor kartu pembayaran", Messages.get(Locale.forLanguageTag("id"), "finding.pii.card"));
        assertEquals("Payment card number", Messages.get(Locale.ENGLISH, "finding.pii.card"));
        String text = "Blue Heron https://x.corp/a 4111 1111 1111 1111 jane@example.com #sponsored by us guidance "
                + "a".repeat(3000);
        for (Finding f : TestPolicies.check(V, text).findings()) {
            assertTrue(en.containsKey(f.messageKey()), f.messageKey());
            assertFalse(f.message().isBlank());
        }
    }

    @Test
    void findingsAreSortedAndVerdictIsWorst() {
        ValidationResult r = TestPolicies.check(V, "guidance and then Nimbus and jane@example.com");
        List<Finding> fs = r.findings();
        for (int i = 1; i < fs.size(); i++) assertTrue(fs.get(i - 1).start() <= fs.get(i).start());
        assertEquals("BLOCK", r.verdict());
        assertEquals("PASS", TestPolicies.check(V, "Hello world").verdict());
    }
}
