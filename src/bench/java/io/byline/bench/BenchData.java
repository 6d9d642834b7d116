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
}
