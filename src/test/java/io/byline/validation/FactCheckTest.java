package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactCheckTest {
    private static final Validator V = FactPolicies.validator();

    private static List<Finding> facts(String text, Instant at) {
        return V.validate(new PostInput(text, Platform.LINKEDIN, at)).findings().stream()
                .filter(f -> f.rule().startsWith("fact.")).collect(Collectors.toList());
    }

    /** The figure between « and »; rule "-" means no fact finding at all. */
    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Pendapatan kuartal III 2026 mencapai «Rp 1,2 triliun». Terima kasih tim!   | -
            Revenue of «Rp 1.2 trillion» in Q3 2026, a record.                          | -
            Our Q3 revenue hit «IDR 1,200,000,000,000».                                 | -
            Pendapatan Q3 sebesar «Rp 1.200.000.000.000» untuk kami.                    | -
            Pendapatan kami «Rp 1.200 miliar» di kuartal III.                           | -
            Pendapatan «Rp1,2T» di Q3.                                                  | -
            Revenue reached «Rp 1,3 triliun» this quarter.                              | fact.mismatch
            Pendapatan kuartal III 2026 mencapai «Rp 1,3 triliun»!                      | fact.mismatch
            We closed «$4.1B in sales» last year.                                       | -
            We closed «US$ 4.1 billion» of sales in FY2025.                             | -
            We closed «$4.5B» in sales last year.                                       | fact.mismatch
            We closed «$9B» in sales last year.                                         | fact.undisclosed
            Sales hit «€4.1 billion».                                                   | fact.undisclosed
            Laba naik «18%» pada kuartal III.                                           | -
            Laba naik «18,05 persen» pada kuartal III.                                  | -
            Laba naik «25%» tahun ini.                                                  | fact.undisclosed
            Revenue grew «18.1%» in Q3.                                                 | fact.mismatch
            Kini «12 juta» pengguna aktif.                                              | -
            Now «12 million» active users.                                              | -
            Now «13 million» active users.                                              | fact.mismatch
            Revenue in Q2 2026 was «Rp 1,2 triliun».                                    | fact.undisclosed
            Laba bersih Q4 «Rp 350 miliar».                                             | fact.embargo
            Our Q4 net income will be «IDR 350 billion».                                | fact.embargo
            We planted 1,2 juta trees this year.                                        | -
            Voucher Rp 50 ribu untuk semua.                                             | -
            Revenue in 2026 was great, 50 new stores.                                   | -
            Great results and 50% off at the store today.                               | -
            Q4 net income will be «IDR 350 billion».                                    | fact.embargo
            """)
    void figureInPost(String marked, String rule) {
        int s = marked.indexOf('«'), e = marked.indexOf('»') - 1;
        String text = marked.replace("«", "").replace("»", "");
        List<Finding> fs = facts(text, FactPolicies.AFTER_Q3);
        if (rule.equals("-")) {
            assertEquals(List.of(), fs, text);
            return;
        }
        assertEquals(1, fs.size(), () -> text + " " + fs);
        Finding f = fs.get(0);
        assertEquals(rule, f.rule(), () -> text + " " + fs);
        assertEquals(s, f.start(), () -> text + " " + fs);
        assertEquals(e, f.end(), () -> text + " " + fs);
        assertEquals(text.substring(s, e), f.text());
        assertEquals(rule.equals("fact.mismatch") ? Severity.WARN : Severity.BLOCK, f.severity());
    }

    @Test
    void toleranceIsInclusiveAtItsEdge() {
        // 18 × 0.005 = 0.09: 18.09 is still the published 18%, 18.1 is not
        assertEquals(List.of(), facts("Laba naik 18,09% pada kuartal III.", FactPolicies.AFTER_Q3));
        assertEquals("fact.mismatch", facts("Laba naik 18,1% pada kuartal III.", FactPolicies.AFTER_Q3).get(0).rule());
    }

    @Test
    void disclosureExactlyAtThePublishTimeCountsAsPublic() {
        String text = "Laba bersih Q4 Rp 350 miliar.";
        assertEquals(List.of(), facts(text, FactPolicies.Q4_DISCLOSED));
        List<Finding> before = facts(text, FactPolicies.Q4_DISCLOSED.minusSeconds(1));
        assertEquals(FactRules.EMBARGO, before.get(0).rule());
        assertEquals("q4-profit", before.get(0).termId());
        assertTrue(before.get(0).message().contains("2027-01-31"), before.get(0).message());
    }

    @Test
    void unknownPublishTimeTreatsEveryFactAsNotYetPublic() {
        assertEquals(FactRules.EMBARGO, facts("Pendapatan kuartal III Rp 1,2 triliun.", null).get(0).rule());
    }

    @Test
    void mismatchQuotesThePublishedFigure() {
        Finding f = facts("Revenue reached Rp 1,3 triliun this quarter.", FactPolicies.AFTER_Q3).get(0);
        assertTrue(f.message().contains("1200000000000 IDR, Q3 2026"), f.message());
        assertEquals("q3-revenue", f.termId());
        assertEquals("revenue", f.category());
    }

    @Test
    void separatorsReadByTheLanguageThenByTheMetricsScale() {
        // "1.200" in an Indonesian post is 1,200 (× miliar = 1.2 triliun, the published figure)
        assertEquals(List.of(), facts("Pendapatan kami Rp 1.200 miliar di kuartal III.", FactPolicies.AFTER_Q3));
        // the same figure in an English post is 1.2 miliar: far from any fact
        assertEquals(FactRules.UNDISCLOSED, facts("Our revenue was Rp 1.200 miliar in the third quarter.",
                FactPolicies.AFTER_Q3).get(0).rule());
        // no language to go by: the reading at the scale of the published revenue wins
        assertEquals(List.of(), facts("Q3 revenue: Rp 1.200 miliar", FactPolicies.AFTER_Q3));
    }

    @Test
    void stillAmbiguousSeparatorsAreNamedInTheFinding() {
        Finding f = facts("EBITDA: Rp 1.500 T", FactPolicies.AFTER_Q3).get(0);
        assertEquals(FactRules.UNDISCLOSED, f.rule());
        assertEquals("finding.fact.undisclosedAmbiguous", f.messageKey());
        assertTrue(f.message().contains("1500000000000") && f.message().contains("1500000000000000"), f.message());
        assertTrue(Messages.get(new Locale("id"), f.messageKey()).contains("dua cara"));
    }

    @Test
    void policyWithoutFactsFindsNoFigures() {
        List<Finding> fs = TestPolicies.validator().validate(new PostInput("We closed $9B in sales last year.",
                Platform.LINKEDIN, FactPolicies.AFTER_Q3)).findings();
        assertTrue(fs.stream().noneMatch(f -> f.rule().startsWith("fact.")), fs::toString);
    }

    @Test
    void messagesExistInBothLanguages() {
        for (String k : List.of("finding.fact.undisclosed", "finding.fact.undisclosedAmbiguous", "finding.fact.embargo",
                "finding.fact.mismatch", "finding.engage.mention", "finding.engage.reply", "finding.engage.quote",
                "finding.quietPeriod.post", "finding.quietPeriod.figure")) {
            for (String key : List.of(k, k + ".detail")) {
                assertTrue(Messages.has(key), key);
                String id = Messages.get(new Locale("id"), key);
                assertTrue(!id.equals(key) && !id.equals(Messages.english(key)), key);
            }
        }
    }
}
