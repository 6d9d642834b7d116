package io.byline.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The speed paths give exactly what the general paths give (seeded random texts): the regex literal-prefix
 * pre-filter, the ASCII tables of the word lane, the reused per-thread lane arrays, the on-the-fly lower-casing
 * keyword scan.
 */
class FastPathEquivalenceTest {
    private static final String ALPHABET = "aAxX-_0123456789 .,:;'\"#@$!|\tbcKkſİıéÉ\u00e9\u0301\u200b\u2014\u00a0日本Ω";

    private static String randomText(Random r, int len) {
        StringBuilder b = new StringBuilder(len);
        while (b.length() < len) {
            int k = r.nextInt(10);
            if (k == 0) b.append("AX-").append(r.nextInt(100000));
            else if (k == 1) b.append(" ax-12 ");
            else if (k == 2) b.append(PropertyTest.randomWord(r, 1, 8));
            else b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void literalPrefixIsConservative() {
        assertEquals("ax-", GuardedRegex.literalPrefix("\\bAX-[0-9]{4}\\b"));
        assertEquals("ab", GuardedRegex.literalPrefix("abc?d"));
        assertNull(GuardedRegex.literalPrefix("ab*"));
        assertNull(GuardedRegex.literalPrefix("foo|bar"));
        assertNull(GuardedRegex.literalPrefix("(?i)foo"));
        assertNull(GuardedRegex.literalPrefix("\\Bfoo"));
        assertNull(GuardedRegex.literalPrefix("[a-z]+foo"));
    }

    @Test
    void prefilteredRegexFindsTheSameMatches() {
        String[] patterns = {"\\bAX-[0-9]{4}\\b", "AX-\\d+", "\\b\\bax-1", "ax-1(?=2)", "(?<=\\s)ax", "Ax-[0-9]*$",
            "ab?c", "ax-12 ", "Xx\\b", "kk", "\\bX\\.\\d"};
        Random r = new Random(11);
        for (String p : patterns) {
            GuardedRegex g = GuardedRegex.compile(p);
            GuardedRegex plain = g.withoutPrefilter();
            for (int i = 0; i < 300; i++) {
                String t = randomText(r, 1 + r.nextInt(200));
                for (CharSequence text : List.<CharSequence>of(t, Normalizer.lane(t, Normalizer.LaneKind.CLEAN))) {
                    List<int[]> a = g.findAll(text), b = plain.findAll(text);
                    assertEquals(b.size(), a.size(), p + " on " + t);
                    for (int k = 0; k < a.size(); k++) assertArrayEquals(b.get(k), a.get(k), p + " on " + t);
                }
            }
        }
    }

    @Test
    void reusedAndFreshWordLanesAreEqual() {
        Random r = new Random(5);
        for (int i = 0; i < 2000; i++) {
            String t = randomText(r, r.nextInt(i % 50 == 0 ? 6000 : 300));
            WordLane fresh = WordLane.of(t, false);
            WordLane reused = WordLane.reusing(t);
            assertEquals(fresh.toString(), reused.toString(), t);
            assertEquals(fresh.words, reused.words);
            for (int w = 0; w < fresh.words; w++) {
                String at = t + " @" + w;
                assertEquals(fresh.cpLane[w], reused.cpLane[w], at);
                assertEquals(fresh.cpStart[w], reused.cpStart[w], at);
                assertEquals(fresh.cpEnd[w], reused.cpEnd[w], at);
                assertEquals(fresh.boundary[w], reused.boundary[w], at);
                assertEquals(fresh.flags[w], reused.flags[w], at);
                assertEquals(fresh.segLen[w], reused.segLen[w], at);
            }
            for (int k = 0; k < fresh.length; k++) assertEquals(fresh.laneCp[k], reused.laneCp[k], t);
        }
    }

    @Test
    void asciiTablesMatchCharFoldInfo() {
        for (int c = 0; c < 0x80; c++) {
            CharFold.Info info = CharFold.info(c);
            assertEquals(info.kind, CharFold.ASCII_KIND[c]);
            assertEquals(info.flags, CharFold.ASCII_FLAGS[c]);
            StringBuilder m = new StringBuilder();
            if (CharFold.ASCII_MATCH_LEN[c] > 0) m.append(CharFold.ASCII_MATCH0[c]);
            if (CharFold.ASCII_MATCH_LEN[c] > 1) m.append(CharFold.ASCII_MATCH1[c]);
            if (info.kind == CharFold.WORD) assertEquals(info.match, m.toString(), "char " + c);
        }
    }

    @Test
    void foldedScanEqualsScanOfTheFoldedCopy() {
        List<String> stems = List.of("sponsor", "paid", "partner with", "kode", "guidance", "ſ", "i", "s k", "é", "日本");
        AhoCorasick ac = new AhoCorasick(stems.toArray(new CharSequence[0]));
        FoldedScanner scanner = new FoldedScanner(stems);
        Random r = new Random(3);
        for (int i = 0; i < 500; i++) {
            String t = randomText(r, r.nextInt(300)) + (i % 3 == 0 ? " SPONSORED by Partner \t\n With, KODE İ " : "");
            // the folded copy, with the text offset of each of its characters
            char[] folded = new char[t.length()];
            int[] at = new int[t.length() + 1];
            int n = 0;
            for (int k = 0; k < t.length(); k++) {
                char c = t.charAt(k);
                if (FoldedScanner.isRegexSpace(c)) {
                    if (n > 0 && folded[n - 1] == ' ' && FoldedScanner.isRegexSpace(t.charAt(k - 1))) continue;
                    c = ' ';
                } else {
                    c = Character.toLowerCase(Character.toUpperCase(c));
                }
                at[n] = k;
                folded[n++] = c;
            }
            int len = n;
            List<String> a = new ArrayList<>(), b = new ArrayList<>();
            ac.scan(folded, len, (k, s, e) -> a.add(k + ":" + at[s] + ":" + (at[e - 1] + 1)));
            scanner.scan(t, (k, s, e) -> b.add(k + ":" + s + ":" + e));
            assertEquals(a, b, t);
        }
    }

    /** Words and separators of the wording rules, to make texts on which their expressions match often. */
    private static final String[] WORDING = {"sponsored", "by", "paid", "partnership", "promotion", "post", "collab",
        "in", "partner", "partnered", "partnering", "partners", "with", "our", "brand", "ambassador", "for",
        "affiliate", "link", "use", "my", "code", "promo", "discount", "gifted", "thanks", "to", "@acme", "sending",
        "gifting", "bekerja", "kerja", "sama", "kerjasama", "berkolaborasi", "dengan", "disponsori", "oleh",
        "didukung", "kode", "will", "set", "expected", "on", "track", "poised", "going", "akan", "grow", "increase",
        "rise", "reach", "top", "naik", "guidance", "earnings", "forecast", "outlook", "revenue", "target", "full-year",
        "annual", "quarterly", "profit", "warning", "Q3", "FY2025", "FY 26", "H1", "results", "numbers", "figures",
        "sales", "margins", "is", "are", "be", "projected", "proyeksi", "pendapatan", "laba", "panduan", "keuangan",
        "laporan", "kuartal", "20%", "$5 million", "Rp 3 triliun", "12 persen", "the", "team", "growth", "#ad"};
    private static final String[] GAPS = {" ", " ", " ", "  ", "\t", "\n", " \r\n ", ", ", ". ", "\u00a0", "-", ""};

    private static String wordingText(Random r) {
        StringBuilder b = new StringBuilder();
        int words = 1 + r.nextInt(30);
        for (int i = 0; i < words; i++) {
            String w = WORDING[r.nextInt(WORDING.length)];
            switch (r.nextInt(8)) {
                case 0: w = w.toUpperCase(java.util.Locale.ROOT); break;
                case 1: w = w.replace('k', '\u212a').replace('s', '\u017f'); break; // Kelvin sign, long s
                case 2: w = Character.toUpperCase(w.charAt(0)) + w.substring(1); break;
                default: break;
            }
            b.append(w).append(GAPS[r.nextInt(GAPS.length)]);
        }
        return b.toString();
    }

    @Test
    void wordingGatesFindWhatTheWholeExpressionFinds() {
        Random r = new Random(17);
        int disclosures = 0, financial = 0;
        KeywordGate.Group both = new KeywordGate.Group(DisclosureCheck.GATE, FinancialCheck.GATE);
        for (int i = 0; i < 10_000; i++) {
            String t = wordingText(r);
            List<List<int[]>> shared = both.windows(t);
            assertSameSpans(DisclosureCheck.GATE.windows(t), shared.get(0), t);
            assertSameSpans(FinancialCheck.GATE.windows(t), shared.get(1), t);
            List<int[]> d = KeywordGate.findAll(DisclosureCheck.WORDING, t);
            assertSameSpans(d, DisclosureCheck.GATE.find(DisclosureCheck.WORDING, t), t);
            List<int[]> f = KeywordGate.findAll(FinancialCheck.FORWARD, t);
            assertSameSpans(f, FinancialCheck.GATE.find(FinancialCheck.FORWARD, t), t);
            disclosures += d.size();
            financial += f.size();
        }
        // the texts exercise both expressions a lot
        assertTrue(disclosures > 1000 && financial > 300, disclosures + " " + financial);
    }

    private static void assertSameSpans(List<int[]> expected, List<int[]> actual, String text) {
        assertEquals(expected.size(), actual.size(), text);
        for (int k = 0; k < expected.size(); k++) assertArrayEquals(expected.get(k), actual.get(k), text);
    }
}
