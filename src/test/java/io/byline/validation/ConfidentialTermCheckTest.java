package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidentialTermCheckTest {
    private static final Validator V = TestPolicies.validator();

    private static List<Finding> lexicon(String text) {
        return TestPolicies.check(V, text).findings().stream().filter(f -> f.rule().equals("lexicon"))
                .collect(Collectors.toList());
    }

    /** text with the evasion between « and », which is where the finding must be */
    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            exact            | Today we talk about «Blue Heron» again.
            case             | today we talk about «BLUE HERON» again.
            mixed case       | «bLuE hErOn» rocks
            accents          | Update on «Blüe Hérön» soon.
            full-width       | Update on «Ｂｌｕｅ Ｈｅｒｏｎ» soon.
            decomposed       | Update on «Blue\u0301 He\u0301ron» soon.
            cyrillic         | Sneak peek: «Nіmbus» is real.
            cyrillic o       | Sneak peek: «Nimbuѕ» is real.
            greek epsilon    | Sneak peek: «Orion Dynamiсs» hmm «Kεstrel-7» yes
            dotless i        | We love «Nımbus».
            zero width       | Can't wait for «Nim\u200Bbus».
            soft hyphen      | Can't wait for «Nim\u00ADbus».
            word joiner      | Can't wait for «Ni\u2060mbus».
            bom              | Can't wait for «N\uFEFFimbus».
            zwj              | Can't wait for «Nimb\u200Dus».
            leet 0 1         | Working on «N1mbu5» and «Blu3 H3r0n».
            leet 4 3         | Deal with «0r10n Dyn4m1c5» closes.
            leet 8 $         | «$ofia Reye$» joins.
            leet @ !         | «Sof!@ Reyes» joins.
            leet euro        | Meet «Sofia R€y€s».
            spaced           | Guess what: «N i m b u s».
            dotted           | Guess what: «N.i.m.b.u.s».
            hyphenated       | Guess what: «N-i-m-b-u-s».
            underscored      | Guess what: «N_i_m_b_u_s».
            chunked          | Guess what: «Nim-bus».
            hashtag          | Big news #«BlueHeron» soon
            handle           | Big news @«OrionDynamics» soon
            lower hashtag    | Big news #«blueheron» soon
            hyphen phrase    | Big news «Blue-Heron» soon
            underscore phr   | Big news «Blue_Heron» soon
            newline          | Notes: «Blue\\nHeron» next.
            tab              | Notes: «Blue\\tHeron» next.
            nbsp             | Notes: «Blue\u00A0Heron» next.
            em space         | Notes: «Blue\u2003Heron» next.
            many spaces      | Notes: «Blue    Heron» next.
            possessive       | «Blue Heron»'s wings
            curly possessive | «Blue Heron»’s wings
            plural possessive| «Orion Dynamics»' board
            at start         | «Nimbus»
            digit term       | The «Kestrel-7» flies
            digit term joined| The «Kestrel7» flies
            digit term space | The «Kestrel 7» flies
            indonesian       | «Proyek Merapi» segera hadir!
            email local part | Mail «sofia.reyes».home@example.com
            in parentheses   | («Nimbus»)
            quoted           | "«Nimbus»"
            after emoji      | 🚀«Nimbus»🚀
            split phrase     | «B l u e H e r o n» now
            spaced phrase    | «B l u e  H e r o n» now
            camel inside     | the «NimbusRelease» went
            whole cyrillic   | Sneak peek: «\u0412\u04cf\u057d\u0435 \u041d\u0435\u0433\u043e\u0578» flies.
            whole cyr lower  | Sneak peek: «\u043a\u0435\u0455\u0442\u0433\u0435\u04cf-7» flies.
            whole cyr upper  | Sneak peek: «\u041a\u0415\u0405\u0422\uA4E3\u0415\u04c0-7» flies.
            whole greek mix  | Sneak peek: «\u039d\u0456\u043c\u042c\u057d\u0455» flies.
            nb hyphen regex  | Part «KX\u2011123» ships.
            en dash regex    | Part «KX\u2013123» ships.
            minus regex      | Part «KX\u2212123» ships.
            figure dash regex| Part «KX\u2012123» ships.
            fw hyphen regex  | Part «KX\uFF0D123» ships.
            """)
    void findsEvasion(String kind, String marked) {
        String m = unescape(marked);
        int s = m.indexOf('«');
        int e = m.indexOf('»');
        String text = m.replace("«", "").replace("»", "");
        int expectedStart = s, expectedEnd = e - 1;
        if (kind.equals("camel inside")) expectedEnd = expectedStart + "Nimbus".length();
        List<Finding> fs = lexicon(text);
        int fs0 = expectedStart, fe0 = expectedEnd;
        assertTrue(fs.stream().anyMatch(f -> f.start() == fs0 && f.end() == fe0),
                () -> kind + ": expected [" + fs0 + "," + fe0 + ") in " + text + " got " + fs);
        if (m.indexOf('«', e) > 0) { // a second marked hit
            int s2 = m.indexOf('«', e) - 2, e2 = m.indexOf('»', e + 1) - 3;
            assertTrue(fs.stream().anyMatch(f -> f.start() == s2 && f.end() == e2), () -> kind + " second: " + fs);
        }
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 'n') { b.append('\n'); i++; continue; }
                if (n == 't') { b.append('\t'); i++; continue; }
                if (n == 'u') { b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16)); i += 5; continue; }
            }
            b.append(c);
        }
        return b.toString();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Nimbuses are clouds.",                  // longer word
        "Cumulonimbus clouds ahead.",             // inside a word
        "The Kestrel-70 is our old public jet.",  // digit continues
        "The Kestrel-77 is public.",
        "Kestrel 78 too.",
        "A blue bird, a grey heron.",            // words separated by other words
        "Blue and Heron are two words.",
        "Blue sky Heron",
        "KX-1234 is a public catalogue number.", // regex near miss
        "XKX-123 is not it either.",
        "We saw the Nimbus Cloud Atlas yesterday.", // allowed phrase
        "Nim bus stop",                          // chunk split by a space in prose
        "Him bus",
        "Sofia's team met Reyes later.",
        "I am a nim bus.",
        "Call 8017 now, or 0r see 5 a m.",
        "Terima kasih tim Surabaya!",
        "Proyek baru di Merapi.",
        "Orion is a constellation; dynamics is physics.",
        "Proud of our 5,000 engineers. See you at the airshow!",
        "Lynx drives? Lynx Drivers club.",
    })
    void staysQuietOnNearMiss(String text) {
        assertEquals(List.of(), lexicon(text), text);
    }

    @Test
    void regexPatternFindsPartNumberOnWholeWord() {
        List<Finding> fs = lexicon("Parts KX-123 and ＫＸ－４５６ and kx-789.");
        assertEquals(3, fs.size(), fs::toString);
        assertEquals("KX-123", fs.get(0).text());
        assertEquals("ＫＸ－４５６", fs.get(1).text());
        assertEquals(Severity.WARN, fs.get(0).severity());
        assertEquals("part-number", fs.get(0).category());
    }

    @Test
    void embargoedTermFlaggedBeforeItsDateOnly() {
        String text = "The Lynx Drive ships soon.";
        PostInput before = new PostInput(text, Platform.X, Instant.parse("2026-08-31T23:59:59Z"));
        PostInput after = new PostInput(text, Platform.X, Instant.parse("2026-09-01T00:00:00Z"));
        PostInput unknown = new PostInput(text, Platform.X, null);
        assertEquals(1, V.validate(before).findings().size());
        assertEquals(List.of(), V.validate(after).findings());
        assertEquals(1, V.validate(unknown).findings().size(), "unknown publish time: embargo applies");
        Finding f = V.validate(before).findings().get(0);
        assertEquals("t-lynx", f.termId());
    }

    @Test
    void allowedPhraseDropsOnlyWhatItContains() {
        List<Finding> fs = lexicon("Nimbus Cloud Atlas is public, Nimbus is not.");
        assertEquals(1, fs.size(), fs::toString);
        assertEquals(30, fs.get(0).start());
    }

    @Test
    void messageNamesCategoryNeverTheTerm() {
        for (Finding f : lexicon("Blue Heron, Nimbus, Kestrel-7, Orion Dynamics, Sofia Reyes, KX-123, H2 outlook")) {
            assertFalse(f.message().toLowerCase().contains(f.text().toLowerCase()), f.message());
            assertFalse(f.message().contains(f.term()), f.message());
            assertTrue(f.messageKey().startsWith("finding.lexicon"));
        }
    }

    @Test
    void spansNeverSplitSurrogatesOrGraphemes() {
        String text = "𝐍𝐢𝐦𝐛𝐮𝐬 and Nimbu\u0301s\u0301 and 🙂Nimbus🙂";
        List<Finding> fs = lexicon(text);
        assertEquals(3, fs.size(), fs::toString);
        assertEquals("𝐍𝐢𝐦𝐛𝐮𝐬", fs.get(0).text());
        assertEquals("Nimbu\u0301s\u0301", fs.get(1).text());
        for (Finding f : fs) {
            assertFalse(Character.isLowSurrogate(text.charAt(f.start())));
            assertTrue(f.end() == text.length() || !Character.isLowSurrogate(text.charAt(f.end())));
        }
    }

    @Test
    void overlappingTermsAreAllReported() throws Exception {
        Policy p = new Policy("p", List.of(PolicyTerm.term("Heron", "codename", Severity.WARN),
                PolicyTerm.term("Blue Heron", "codename", Severity.BLOCK)), List.of(), List.of());
        Validator v = new Validator(CompiledPolicy.compile(p));
        List<Finding> fs = TestPolicies.check(v, "The Blue Heron flies").findings();
        assertEquals(2, fs.size(), fs::toString);
        assertEquals(Severity.BLOCK, TestPolicies.check(v, "The Blue Heron flies").worst());
    }

    @Test
    void noSpaceScriptsMatchInsideText() throws Exception {
        Policy p = new Policy("p", List.of(PolicyTerm.term("タイタン", "codename", Severity.BLOCK)), List.of(), List.of());
        Validator v = new Validator(CompiledPolicy.compile(p));
        List<Finding> fs = TestPolicies.check(v, "新しいタイタン計画").findings();
        assertEquals(1, fs.size(), fs::toString);
        assertEquals("タイタン", fs.get(0).text());
    }
}
