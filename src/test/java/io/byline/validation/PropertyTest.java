package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import org.junit.jupiter.api.Test;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded-random properties (plain JUnit): evasions are found where inserted, NFC = NFD, big inputs, bad regexes. */
class PropertyTest {
    private static final String[] PROSE = ("the a of to and in we our team is for on with this that it at from by "
            + "new launch today great work people customers flight engine hangar airshow proud thanks week year "
            + "next update see you soon build test safety quality crew pilots wings route cabin seats").split(" ");
    private static final String CONSONANTS = "bcdfghjklmnprstvwz";
    private static final String VOWELS = "aeiou";

    static String randomWord(Random r, int min, int max) {
        int len = min + r.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            String pool = i % 2 == 0 ? CONSONANTS : VOWELS;
            b.append(pool.charAt(r.nextInt(pool.length())));
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    static String prose(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) b.append(r.nextInt(10) == 0 ? ", " : " ");
            b.append(PROSE[r.nextInt(PROSE.length)]);
        }
        return b.toString();
    }

    private static final String HOMO_FROM = "aeopcxyi";
    private static final String HOMO_TO = "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456";
    private static final String LEET_FROM = "oieasbt";
    private static final String LEET_TO = "0134587";

    /** The term written under one or two random evasions. */
    static String evade(Random r, String term) {
        String t = term;
        int kinds = 1 + r.nextInt(2);
        for (int k = 0; k < kinds; k++) {
            switch (r.nextInt(11)) {
                case 0: t = t.toUpperCase(); break;
                case 1: { // accents, precomposed or decomposed
                    StringBuilder b = new StringBuilder();
                    for (char c : t.toCharArray()) {
                        b.append(c);
                        if ("aeiouAEIOU".indexOf(c) >= 0 && r.nextBoolean()) b.append(r.nextBoolean() ? '\u0301' : '\u0308');
                    }
                    t = r.nextBoolean() ? java.text.Normalizer.normalize(b, Form.NFC) : b.toString();
                    break;
                }
                case 2: { // full-width
                    StringBuilder b = new StringBuilder();
                    for (char c : t.toCharArray()) b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c == ' ' ? '\u3000' : c);
                    t = b.toString();
                    break;
                }
                case 3: { // look-alikes
                    StringBuilder b = new StringBuilder();
                    for (char c : t.toCharArray()) {
                        int i = HOMO_FROM.indexOf(c);
                        b.append(i >= 0 && r.nextBoolean() ? HOMO_TO.charAt(i) : c);
                    }
                    t = b.toString();
                    break;
                }
                case 4: { // invisible characters
                    String[] inv = {"\u200B", "\u200C", "\u200D", "\u00AD", "\u2060", "\uFEFF"};
                    int at = 1 + r.nextInt(Math.max(1, t.length() - 1));
                    if (Character.isLowSurrogate(t.charAt(Math.min(at, t.length() - 1)))) at--;
                    t = t.substring(0, at) + inv[r.nextInt(inv.length)] + t.substring(at);
                    break;
                }
                case 5: { // leetspeak, at most two substitutions
                    StringBuilder b = new StringBuilder(t);
                    int done = 0;
                    for (int i = 1; i < b.length() && done < 2; i++) {
                        int j = LEET_FROM.indexOf(b.charAt(i));
                        if (j >= 0 && r.nextBoolean()) { b.setCharAt(i, LEET_TO.charAt(j)); done++; }
                    }
                    t = b.toString();
                    break;
                }
                case 6: { // split letters
                    String sep = new String[] {" ", ".", "-", "_"}[r.nextInt(4)];
                    StringBuilder b = new StringBuilder();
                    t.codePoints().filter(c -> c != ' ').forEach(c -> {
                        if (b.length() > 0) b.append(sep);
                        b.appendCodePoint(c);
                    });
                    if (kinds == 1) t = b.toString(); // splitting after other evasions may split marks; keep simple
                    break;
                }
                case 7: t = t.replace(" ", ""); break;                       // joined (CamelCase stays)
                case 8: t = t.replace(" ", new String[] {"\n", "\t", "\u00A0", "\u2003", "  ", "-", "_"}[r.nextInt(7)]); break;
                default: break;                                               // as is
            }
        }
        return t;
    }

    @Test
    void termInsertedUnderRandomEvasionsIsFoundWhereItWasInserted() throws Exception {
        Random r = new Random(20260601);
        for (int round = 0; round < 40; round++) {
            List<PolicyTerm> terms = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String term = r.nextInt(3) == 0 ? randomWord(r, 4, 8) + " " + randomWord(r, 4, 8) : randomWord(r, 5, 9);
                terms.add(PolicyTerm.term(term, "codename", Severity.BLOCK));
            }
            Validator v;
            try {
                v = new Validator(CompiledPolicy.compile(new Policy("p", terms, List.of(), List.of())));
            } catch (PolicyException dup) {
                continue; // two random terms folded together; try another round
            }
            for (int k = 0; k < 25; k++) {
                String term = terms.get(r.nextInt(terms.size())).term();
                String evaded = evade(r, term);
                String before = prose(r, r.nextInt(12)) + (r.nextBoolean() ? " " : " #");
                String after = (r.nextBoolean() ? "'s " : " ") + prose(r, r.nextInt(12)) + ".";
                String text = before + evaded + after;
                int s = before.length(), e = s + evaded.length();
                List<Finding> fs = v.validate(new PostInput(text, Platform.FACEBOOK, null)).findings();
                boolean covered = fs.stream().anyMatch(f -> f.rule().equals("lexicon") && f.term().equals(term)
                        && f.start() <= s + 1 && f.end() >= e - 1 && f.start() >= s && f.end() <= e);
                assertTrue(covered, () -> "term " + term + " as «" + evaded + "» in «" + text + "» got " + fs);
            }
        }
    }

    @Test
    void ordinaryProseRaisesNoLexiconAlarm() throws Exception {
        Random r = new Random(7);
        List<PolicyTerm> terms = new ArrayList<>();
        for (int i = 0; i < 300; i++) terms.add(PolicyTerm.term(randomWord(r, 5, 9), "codename", Severity.BLOCK));
        Validator v = new Validator(CompiledPolicy.compile(new Policy("p", terms, List.of(), List.of())));
        for (int i = 0; i < 300; i++) {
            String text = prose(r, 40);
            List<Finding> fs = v.validate(new PostInput(text, Platform.FACEBOOK, null)).findings();
            assertEquals(List.of(), fs, text);
        }
    }

    @Test
    void nfcAndNfdOfTheSameTextGiveTheSameFindings() throws Exception {
        Policy p = new Policy("p", List.of(PolicyTerm.term("Café Olé", "codename", Severity.BLOCK),
                PolicyTerm.term("Zoë Müller", "personnel", Severity.BLOCK),
                PolicyTerm.term("Señor Jalapeño", "codename", Severity.WARN),
                PolicyTerm.pattern("\\bRÉF-[0-9]{3}\\b", "part-number", Severity.WARN)), List.of(), List.of());
        Validator v = new Validator(CompiledPolicy.compile(p));
        Random r = new Random(11);
        String[] inserts = {"Café Olé", "CAFÉ OLÉ", "Zoë Müller's", "#ZoëMüller", "Señor-Jalapeño", "RÉF-123",
            "naïve résumé", "crème brûlée", "Ångström"};
        for (int i = 0; i < 200; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 15; w++) {
                b.append(r.nextInt(3) == 0 ? inserts[r.nextInt(inserts.length)] : PROSE[r.nextInt(PROSE.length)]).append(' ');
            }
            String nfc = java.text.Normalizer.normalize(b, Form.NFC);
            String nfd = java.text.Normalizer.normalize(b, Form.NFD);
            assertEquals(summary(v, nfc), summary(v, nfd), nfc);
        }
    }

    private static List<String> summary(Validator v, String text) {
        return v.validate(new PostInput(text, Platform.FACEBOOK, null)).findings().stream()
                .map(f -> f.rule() + "|" + f.term() + "|" + java.text.Normalizer.normalize(f.text(), Form.NFC))
                .collect(Collectors.toList());
    }

    @Test
    void oneMegabytePostIsHandled() throws Exception {
        Validator v = TestPolicies.validator();
        Random r = new Random(3);
        StringBuilder b = new StringBuilder(1 << 20);
        while (b.length() < (1 << 20)) {
            b.append(prose(r, 50)).append(". ");
            if (r.nextInt(50) == 0) b.append("Blue Heron and KX-123 and jane@example.com. ");
        }
        String text = b.toString();
        long t0 = System.nanoTime();
        ValidationResult res = v.validate(new PostInput(text, Platform.FACEBOOK, null));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long expected = text.split("Blue Heron", -1).length - 1;
        assertTrue(expected > 10);
        // the first findings in text order are listed, the rest counted by one last finding
        List<Finding> fs = res.findings();
        assertEquals(Validator.MAX_FINDINGS + 1, fs.size());
        Finding last = fs.get(fs.size() - 1);
        assertEquals(Validator.TRUNCATED, last.rule());
        assertEquals(Severity.BLOCK, last.severity());
        assertEquals("BLOCK", res.verdict());
        int at = -1;
        long listed = 0;
        for (Finding f : fs.subList(0, Validator.MAX_FINDINGS)) {
            if (!"Blue Heron".equals(f.term())) continue;
            at = text.indexOf("Blue Heron", at + 1);
            assertEquals(at, f.start());
            listed++;
        }
        long more = Long.parseLong(last.message().substring(0, last.message().indexOf(' ')));
        assertTrue(listed + more >= expected, listed + " + " + more + " < " + expected);
        assertTrue(res.length().over());
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }

    @Test
    void hundredThousandTermPolicyCompilesAndMatches() throws Exception {
        Random r = new Random(5);
        List<PolicyTerm> terms = new ArrayList<>(100_000);
        java.util.Set<String> keys = new java.util.HashSet<>();
        while (terms.size() < 100_000) {
            String t = randomWord(r, 4, 8) + (r.nextBoolean() ? " " + randomWord(r, 3, 8) : "") + " " + terms.size();
            if (keys.add(TermMatcher.key(t))) terms.add(PolicyTerm.term(t, "codename", Severity.BLOCK));
        }
        long t0 = System.nanoTime();
        CompiledPolicy cp = CompiledPolicy.compile(new Policy("big", terms, List.of(), List.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 15_000, "compile took " + ms + " ms");
        Validator v = new Validator(cp);
        String term = terms.get(77_777).term();
        List<Finding> fs = v.validate(new PostInput("Big news: " + term.toUpperCase() + " today", Platform.X, null)).findings();
        assertTrue(fs.stream().anyMatch(f -> term.equals(f.term())), fs::toString);
    }

    @Test
    void catastrophicRegexIsRejectedAtImport() {
        for (String bad : List.of("(a+)+$", "(a|aa)+$", "(x+x+)+y", "([a-z]+)*[0-9]$", "(\\w+\\s?)+$")) {
            Policy p = new Policy("p", List.of(PolicyTerm.pattern(bad, "x", Severity.WARN)), List.of(), List.of());
            PolicyException e = assertThrows(PolicyException.class, () -> CompiledPolicy.compile(p), bad);
            assertEquals(0, e.entryIndex());
            assertTrue(e.getMessage().contains("catastrophic") || e.getMessage().contains("recursive"), e.getMessage());
        }
    }

    @Test
    void runTimeGuardStopsABacktrackingRegex() {
        GuardedRegex g = GuardedRegex.unprobed("(a+)+$");
        String text = "a".repeat(5000) + "!"; // Java memoises (a+)+ into quadratic time: still too slow here
        long t0 = System.nanoTime();
        assertThrows(GuardedRegex.StepLimitExceeded.class, () -> g.findAll(text));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
    }
}
