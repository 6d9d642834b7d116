package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two evasion classes, under seeded random input: a term with every letter replaced by its look-alike from another
 * script, and a pattern rule's text with its dash written as another dash.
 */
class EvasionClassesPropertyTest {
    /** For a..z, a look-alike from another script (Cyrillic mostly; Armenian, Greek or IPA where Cyrillic has none). */
    private static final String[] SMALL = {"\u0430", "\u042c", "\u0441", "\u0501", "\u0435", "\u0192", "\u0581", "\u04bb",
        "\u0456", "\u0458", "\u043a", "\u04cf", "\u043c", "\u0578", "\u043e", "\u0440", "\u051b", "\u0433", "\u0455", "\u0442",
        "\u057d", "\u0475", "\u051d", "\u0445", "\u0443", "\u1d22"};
    /** Capitals with a look-alike capital (else the small look-alike is used). */
    private static final String CAPITALS = "ABCEHIJKMNOPSTXY";
    private static final String CAPITAL_LOOKALIKES = "\u0410\u0412\u0421\u0415\u041d\u0406\u0408\u041a\u041c\u039d\u041e\u0420\u0405\u0422\u0425\u04ae";
    private static final String[] DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\uFE63", "\uFF0D", "\u2043"};

    static String wholeScript(String term) {
        StringBuilder b = new StringBuilder();
        for (char c : term.toCharArray()) {
            int cap = CAPITALS.indexOf(c);
            if (cap >= 0) b.append(CAPITAL_LOOKALIKES.charAt(cap));
            else if (c >= 'a' && c <= 'z') b.append(SMALL[c - 'a']);
            else if (c >= 'A' && c <= 'Z') b.append(SMALL[c - 'A']);
            else b.append(c);
        }
        return b.toString();
    }

    @Test
    void termWrittenWhollyInLookAlikesIsFoundWhereItWasInserted() throws Exception {
        Random r = new Random(20261205);
        for (int round = 0; round < 30; round++) {
            List<PolicyTerm> terms = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String term = r.nextInt(3) == 0 ? PropertyTest.randomWord(r, 4, 8) + " " + PropertyTest.randomWord(r, 4, 8)
                        : PropertyTest.randomWord(r, 5, 9);
                terms.add(PolicyTerm.term(term, "codename", Severity.BLOCK));
            }
            Validator v;
            try {
                v = new Validator(CompiledPolicy.compile(new Policy("p", terms, List.of(), List.of())));
            } catch (PolicyException dup) {
                continue;
            }
            for (int k = 0; k < 20; k++) {
                String term = terms.get(r.nextInt(terms.size())).term();
                String written = r.nextBoolean() ? term : Character.toUpperCase(term.charAt(0)) + term.substring(1);
                if (r.nextInt(4) == 0) written = written.toUpperCase();
                String evaded = wholeScript(written);
                for (int i = 0; i < evaded.length(); i++) assertTrue(evaded.charAt(i) == ' ' || evaded.charAt(i) > 0x7f, evaded);
                String before = PropertyTest.prose(r, r.nextInt(10)) + " ";
                String text = before + evaded + " " + PropertyTest.prose(r, r.nextInt(10)) + ".";
                int s = before.length(), e = s + evaded.length();
                List<Finding> fs = v.validate(new PostInput(text, Platform.X, null)).findings();
                assertTrue(fs.stream().anyMatch(f -> f.rule().equals("lexicon") && f.term().equals(term) && f.start() == s
                        && f.end() == e), () -> term + " as «" + evaded + "» in «" + text + "»: " + fs);
            }
        }
    }

    @Test
    void patternMatchesThroughAnyDashWithTheSpanOfTheOriginalText() throws Exception {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            String prefix = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
            Validator v = new Validator(CompiledPolicy.compile(new Policy("p", List.of(
                    PolicyTerm.pattern("\\b" + prefix + "-[0-9]{3}\\b", "part-number", Severity.WARN)), List.of(), List.of())));
            String dash = DASHES[r.nextInt(DASHES.length)];
            String digits = String.format("%03d", r.nextInt(1000));
            String part = prefix + dash + digits;
            String before = PropertyTest.prose(r, r.nextInt(8)) + (r.nextBoolean() ? " " : " \u00e9t\u00e9 ");
            String text = before + part + (r.nextBoolean() ? " " : ", ") + PropertyTest.prose(r, 5);
            List<Finding> fs = v.validate(new PostInput(text, Platform.X, null)).findings();
            int s = before.length();
            assertTrue(fs.stream().anyMatch(f -> f.rule().equals("lexicon") && f.start() == s && f.end() == s + part.length()),
                    () -> part + " in «" + text + "»: " + fs);
            // one digit more is another part number
            String longer = before + part + "7 " + PropertyTest.prose(r, 3);
            assertEquals(List.of(), v.validate(new PostInput(longer, Platform.X, null)).findings().stream()
                    .filter(f -> f.rule().equals("lexicon")).toList(), longer);
        }
    }
}
