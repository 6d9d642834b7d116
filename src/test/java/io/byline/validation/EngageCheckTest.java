package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngageCheckTest {
    private static final Validator V = FactPolicies.validator();

    private static List<Finding> engage(PostInput in) {
        return V.validate(in).findings().stream().filter(f -> f.rule().equals(FactRules.ENGAGE)).collect(Collectors.toList());
    }

    private static List<Finding> engage(String text, Platform p) {
        return engage(new PostInput(text, p, FactPolicies.AFTER_Q3));
    }

    /** The mention between « and » on X. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Congrats «@RivalCorp» on the launch!              | BLOCK
            Congrats «@rivalcorp» on the launch!              | BLOCK
            Good luck «rivalcorp», see you in court.          | BLOCK
            Nothing to add about «Rival Corp» today.          | BLOCK
            Nothing to add about «Rival Corp»'s lawsuit.      | BLOCK
            Nothing to add about «RIVAL-CORP».                | BLOCK
            Cyrillic look-alikes: «Rіval Соrp».               | BLOCK
            Leet: «R1val C0rp» again.                         | BLOCK
            Halo «@KompetitorID», selamat!                    | WARN
            Halo «KOMPETITORID», selamat!                     | WARN
            """)
    void mentionIsFoundWithTheEntrysSeverity(String marked, Severity severity) {
        int s = marked.indexOf('«'), e = marked.indexOf('»') - 1;
        String text = marked.replace("«", "").replace("»", "");
        List<Finding> fs = engage(text, Platform.X);
        assertEquals(1, fs.size(), () -> text + " " + fs);
        Finding f = fs.get(0);
        assertEquals(severity, f.severity());
        assertEquals("mention", f.category());
        assertEquals(s, f.start(), () -> text + " " + fs);
        assertEquals(e, f.end(), () -> text + " " + fs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rival corporations compete.", "@rivalcorporation is someone else",
        "Rival companies and Corp events.", "kompetitor lokal"})
    void nearMissesStayQuiet(String text) {
        assertEquals(List.of(), engage(text, Platform.X), text);
    }

    @Test
    void entryForOnePlatformAppliesOnlyThere() {
        assertEquals(List.of(), engage("Congrats @RivalCorp on the launch!", Platform.LINKEDIN));
        assertEquals(1, engage("Selamat @kompetitorid", Platform.LINKEDIN).size()); // every platform
    }

    @Test
    void replyAndQuoteNameTheHandleWithOrWithoutAt() {
        List<Finding> reply = engage(new PostInput("Thanks for the kind words!", Platform.X, FactPolicies.AFTER_Q3, null,
                "RIVALCORP", null));
        assertEquals(1, reply.size());
        assertEquals("reply", reply.get(0).category());
        assertEquals(0, reply.get(0).start());
        assertEquals(0, reply.get(0).end());
        assertEquals("@rivalcorp", reply.get(0).termId());
        assertTrue(reply.get(0).message().contains("@rivalcorp") && reply.get(0).message().contains("litigation"));

        List<Finding> quote = engage(new PostInput("Worth reading.", Platform.BLUESKY, FactPolicies.AFTER_Q3, null, null,
                "@KompetitorID"));
        assertEquals(1, quote.size());
        assertEquals("quote", quote.get(0).category());
        assertEquals(Severity.WARN, quote.get(0).severity());

        assertEquals(List.of(), engage(new PostInput("Thanks!", Platform.X, FactPolicies.AFTER_Q3, null, "@someoneelse", null)));
        assertEquals(List.of(), engage(new PostInput("Thanks!", Platform.LINKEDIN, FactPolicies.AFTER_Q3, null, "@rivalcorp", null)));
    }
}
