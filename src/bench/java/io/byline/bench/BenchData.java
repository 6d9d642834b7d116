package io.byline.bench;

import io.byline.domain.Severity;
import io.byline.validation.Policy;
import io.byline.validation.PolicyTerm;
import io.byline.validation.TermMatcher;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generated policies and posts for the benchmarks (seeded, so every run measures the same data). */
public final class BenchData {
    static final String[] PROSE = ("the a of to and in we our team is for on with this that it at from by new launch "
            + "today great work people customers flight engine hangar airshow proud thanks week year next update see "
            + "you soon build test safety quality crew pilots wings route cabin seats partners supplier factory design "
            + "delivery program milestone engineers community students future travel").split(" ");
    private static final String C = "bcdfghjklmnprstvwz";
    private static final String V = "aeiou";

    private BenchData() {}

    static String word(Random r, int min, int max) {
        int len = min + r.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            String pool = i % 2 == 0 ? C : V;
            b.append(pool.charAt(r.nextInt(pool.length())));
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    /** n distinct terms (distinct after folding): one or two made-up words, like codenames and names. */
    public static List<String> terms(int n, long seed) {
        Random r = new Random(seed);
        Set<String> keys = new HashSet<>(n * 2);
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            String t = r.nextInt(3) == 0 ? word(r, 4, 8) : word(r, 4, 8) + " " + word(r, 4, 9);
            if (keys.add(TermMatcher.key(t))) out.add(t);
        }
        return out;
    }

    public static Policy policy(List<String> terms) {
        List<PolicyTerm> entries = new ArrayList<>(terms.size() + 1);
        for (int i = 0; i < terms.size(); i++) {
            entries.add(PolicyTerm.term(terms.get(i), i % 5 == 0 ? "personnel" : "codename", i % 7 == 0 ? Severity.WARN : Severity.BLOCK));
        }
        entries.add(PolicyTerm.pattern("\\bAX-[0-9]{4}\\b", "part-number", Severity.WARN));
        return new Policy("bench", entries, List.of("Aurora Borealis"), List.of("acme.internal"));
    }

    /** A post of about {@code length} characters: prose, a few terms (some evaded), a link, a number. */
    public static String post(Random r, List<String> terms, int length) {
        StringBuilder b = new StringBuilder(length + 40);
        while (b.length() < length) {
            int k = r.nextInt(40);
            if (k == 0) {
                b.append(terms.get(r.nextInt(terms.size())));
            } else if (k == 1) {
                b.append(terms.get(r.nextInt(terms.size())).toUpperCase().replace('O', '0'));
            } else if (k == 2) {
                b.append("#").append(terms.get(r.nextInt(terms.size())).replace(" ", ""));
            } else if (k == 3) {
                b.append("https://example.com/p/").append(r.nextInt(1000));
            } else {
                b.append(PROSE[r.nextInt(PROSE.length)]);
            }
            b.append(r.nextInt(12) == 0 ? ". " : " ");
        }
        b.setLength(length);
        return b.toString();
    }

    /**
     * {@code n} facts over every metric (money in IDR and USD, counts, growth), 200 do-not-engage accounts and four
     * quiet periods, none of which contains the benchmark's publish time.
     */
    public static io.byline.validation.PolicyFacts facts(int n, Random r) {
        io.byline.validation.Metric[] metrics = io.byline.validation.Metric.values();
        List<io.byline.validation.PolicyFact> facts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            io.byline.validation.Metric m = metrics[i % metrics.length];
            java.math.BigDecimal value = m == io.byline.validation.Metric.GROWTH ? java.math.BigDecimal.valueOf(1 + r.nextInt(400), 1)
                    : java.math.BigDecimal.valueOf(1 + r.nextInt(9999)).scaleByPowerOfTen(6 + r.nextInt(7));
            String currency = m.kind() == io.byline.validation.Metric.Kind.MONEY ? (r.nextBoolean() ? "IDR" : "USD") : null;
            facts.add(new io.byline.validation.PolicyFact("fact-" + i, m, value, currency, "Q" + (1 + i % 4) + " " + (2020 + i % 7),
                    java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * (i % 700)), 0.005));
        }
        List<io.byline.validation.DoNotEngage> accounts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            accounts.add(new io.byline.validation.DoNotEngage(null, "@rival" + i, List.of("Rival Holdings " + i), "dispute",
                    Severity.BLOCK));
        }
        List<io.byline.validation.QuietPeriod> periods = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            java.time.Instant from = java.time.Instant.parse("2027-01-15T00:00:00Z").plusSeconds(86_400L * 91 * q);
            periods.add(new io.byline.validation.QuietPeriod("Q" + (q + 1) + " 2027", from, from.plusSeconds(86_400L * 14), Severity.BLOCK));
        }
        return new io.byline.validation.PolicyFacts(facts, accounts, periods);
    }

    private static final String[] FIGURES = {
        "Pendapatan kuartal III 2026 mencapai Rp 1,2 triliun. ", "Revenue reached $4.1B in sales last year. ",
        "Laba naik 18% pada kuartal III. ", "Now 12 million active users, thanks to @rival7 for nothing. ",
        "EBITDA: Rp 1.500 M in H1. "};

    /** A post as {@link #post} with one or two sentences carrying figures, of the same length. */
    public static String figurePost(Random r, List<String> terms, int length) {
        StringBuilder b = new StringBuilder(FIGURES[r.nextInt(FIGURES.length)]);
        if (length > 400) b.append(FIGURES[r.nextInt(FIGURES.length)]);
        b.append(post(r, terms, length));
        b.setLength(length);
        return b.toString();
    }
}
