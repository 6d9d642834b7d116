package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A figure written in any supported format of a fact's value matches that fact (seeded generator): currency signs
 * and codes before or after, English and Indonesian separators, full digits or a scale word or letter, English or
 * Indonesian sentences; and the same figure 10% off is a mismatch.
 */
class FigurePropertyTest {
    private static final Instant DISCLOSED = Instant.parse("2026-10-30T00:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-11-05T00:00:00Z");
    private static final Metric[] METRICS = {Metric.REVENUE, Metric.SALES, Metric.PROFIT, Metric.EBITDA};
    private static final String[][] METRIC_WORDS = {{"revenue", "pendapatan"}, {"sales", "penjualan"}, {"profit", "laba"},
        {"EBITDA", "EBITDA"}};
    private static final String[] CURRENCIES = {"IDR", "USD", "EUR"};
    private static final String[][] BEFORE = {{"Rp ", "Rp", "Rp. ", "IDR ", ""}, {"$", "US$", "USD ", "US$ ", ""}, {"€", "EUR ", "€ ", ""}};
    private static final String[][] AFTER_CODE = {{" IDR", " rupiah"}, {" USD", " dollars"}, {" EUR"}};
    /** Scale exponent → words: English, Indonesian. */
    private static final String[][][] SCALES = {
        {{"thousand", "K", "k"}, {"ribu", "rb"}},
        {{"million", "mn", "M"}, {"juta", "jt"}},
        {{"billion", "bn", "B"}, {"miliar", "milyar", "M"}},
        {{"trillion", "tn", "T"}, {"triliun", "T"}}};

    @Test
    void figureInAnySupportedFormatMatchesItsFact() throws Exception {
        Random r = new Random(20261030);
        for (int round = 0; round < 3000; round++) {
            int m = r.nextInt(METRICS.length), c = r.nextInt(CURRENCIES.length);
            boolean indonesian = r.nextBoolean();
            int scale = r.nextInt(4); // 10^3 … 10^12
            int decimals = r.nextInt(3);
            long mantissaDigits = 1 + r.nextInt(999);
            BigDecimal mantissa = BigDecimal.valueOf(mantissaDigits * (decimals == 0 ? 1 : decimals == 1 ? 10 : 100)
                    + r.nextInt(decimals == 0 ? 1 : decimals == 1 ? 10 : 100), decimals);
            BigDecimal value = mantissa.scaleByPowerOfTen(3 * (scale + 1));
            Validator v = validator(METRICS[m], value, CURRENCIES[c]);

            String number;
            String scaleWord = "";
            if (r.nextInt(3) == 0 && value.stripTrailingZeros().scale() <= 0) {
                number = grouped(value.toBigIntegerExact().toString(), indonesian);
            } else {
                String plain = mantissa.toPlainString();
                number = indonesian ? plain.replace('.', ',') : plain;
                String[] words = SCALES[scale][indonesian ? 1 : 0];
                String w = words[r.nextInt(words.length)];
                if (w.equals("M") && indonesian && c != 0) w = "miliar"; // "M" is miliar in Indonesian, with rupiah
                scaleWord = (w.length() <= 2 && r.nextBoolean() ? "" : " ") + w;
            }
            String figure;
            if (r.nextBoolean() || BEFORE[c][r.nextInt(BEFORE[c].length)].isEmpty()) {
                String[] before = BEFORE[c];
                String pre = before[r.nextInt(before.length - 1)];
                figure = pre + number + scaleWord;
            } else {
                String[] after = AFTER_CODE[c];
                figure = number + scaleWord + after[r.nextInt(after.length)];
            }
            String word = METRIC_WORDS[m][indonesian ? 1 : 0];
            String text = indonesian ? capital(word) + " kami pada kuartal III 2026 mencapai " + figure + ", terima kasih tim!"
                    : "Our " + word + " reached " + figure + " in Q3 2026, a record for the team.";
            List<Finding> fs = facts(v, text);
            assertEquals(List.of(), fs, () -> value + " " + CURRENCIES[c] + " as «" + figure + "» in «" + text + "»");

            // the fact's value 10% higher, written the same way, is a misquote of it
            Validator off = validator(METRICS[m], value.multiply(new BigDecimal("1.1")), CURRENCIES[c]);
            List<Finding> mis = facts(off, text);
            assertEquals(1, mis.size(), () -> "«" + text + "» " + mis);
            assertEquals(FactRules.MISMATCH, mis.get(0).rule());
            assertEquals(figure, mis.get(0).text(), text);
        }
    }

    private static Validator validator(Metric metric, BigDecimal value, String currency) throws PolicyException {
        PolicyFact f = new PolicyFact("f", metric, value, currency, "Q3 2026", DISCLOSED, 0.005);
        return new Validator(CompiledPolicy.compile(Policy.empty().withFacts(new PolicyFacts(List.of(f), List.of(), List.of()))));
    }

    private static List<Finding> facts(Validator v, String text) {
        return v.validate(new PostInput(text, Platform.LINKEDIN, AFTER)).findings().stream()
                .filter(f -> f.rule().startsWith("fact.")).collect(Collectors.toList());
    }

    private static String grouped(String digits, boolean indonesian) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) b.append(indonesian ? '.' : ',');
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
