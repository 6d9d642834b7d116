package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuietPeriodCheckTest {
    private static final Validator V = FactPolicies.validator();
    private static final Instant FROM = Instant.parse("2026-10-15T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-30T10:00:00Z");

    private static List<Finding> quiet(String text, Instant at) {
        return V.validate(new PostInput(text, Platform.LINKEDIN, at)).findings().stream()
                .filter(f -> f.rule().equals(FactRules.QUIET_PERIOD)).collect(Collectors.toList());
    }

    @Test
    void periodRunsFromItsStartUpToButNotIncludingItsEnd() {
        String text = "Proud of the team in Surabaya today.";
        assertEquals(List.of(), quiet(text, FROM.minusSeconds(1)));
        List<Finding> atStart = quiet(text, FROM);
        assertEquals(1, atStart.size());
        assertEquals(Severity.WARN, atStart.get(0).severity());
        assertEquals("Q3 earnings", atStart.get(0).termId());
        assertEquals(0, atStart.get(0).end());
        assertEquals(1, quiet(text, TO.minusSeconds(1)).size());
        assertEquals(List.of(), quiet(text, TO));
        assertEquals(List.of(), quiet(text, null));
    }

    @Test
    void figureInsideTheQuietPeriodIsAlwaysBlockOnTheFigure() {
        String text = "Pendapatan kuartal III mencapai Rp 1,2 triliun.";
        Finding f = quiet(text, FROM.plusSeconds(3600)).get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("Rp 1,2 triliun", f.text());
        assertEquals("figure", f.category());
    }

    @Test
    void forwardLookingWordingInsideTheQuietPeriodIsAlwaysBlock() {
        Finding f = quiet("Our full-year guidance stays unchanged.", FROM.plusSeconds(3600)).get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("forward-looking", f.category());
        assertEquals("full-year guidance", f.text());
    }
}
