package io.byline.ui.dashboard;

import io.byline.domain.DashboardFigures.Count;
import io.byline.domain.DashboardFigures.FindingCount;
import io.byline.domain.DashboardFigures.Overrides;
import io.byline.domain.DashboardFigures.Window;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.ui.common.I18n;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dashboard's figures shaped into charts without the toolkit: categories, bars, names in the language. */
class DashboardChartsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    private static final Window WINDOW = new Window(Instant.parse("2026-06-20T00:00:00Z"), MONDAY, 3,
            Instant.parse("2026-05-20T00:00:00Z"), LocalDate.of(2026, 6, 20), 7, ZoneOffset.UTC);

    private static DashboardCharts charts(Locale l) {
        return new DashboardCharts(I18n.of(l), null, ZoneOffset.UTC); // bars read their posts only when clicked
    }

    @Test
    void findingsAreSummedPerWeekAndSeverityAndPerCategoryNamedInTheLanguage() {
        List<FindingCount> counts = List.of(
                new FindingCount(MONDAY, "codename", Severity.BLOCK, 2),
                new FindingCount(MONDAY, "codename", Severity.BLOCK, 1),
                new FindingCount(MONDAY.plusWeeks(1), "email", Severity.WARN, 4),
                new FindingCount(MONDAY.plusWeeks(2), "vendor", Severity.INFO, 1));
        List<DashboardCharts.Chart> out = charts(Locale.ENGLISH).findings(counts, WINDOW);
        assertEquals(List.of("findingsChart", "categoriesChart"), out.stream().map(DashboardCharts.Chart::id).toList());

        DashboardCharts.Chart byWeek = out.get(0);
        assertEquals(List.of("1 Jun", "8 Jun", "15 Jun"), byWeek.categories(), "every week of the window, even without findings");
        DashboardCharts.Bar first = byWeek.bars().stream().filter(b -> b.category().equals("1 Jun")).findFirst().orElseThrow();
        assertEquals(3, first.value(), "the two codename rows of one week and severity are one bar");
        assertEquals("BLOCK", first.series());

        DashboardCharts.Chart byCategory = out.get(1);
        assertEquals(List.of("Email addresses", "Codenames", "vendor"), byCategory.categories(), "biggest first, named");
        assertEquals(List.of("Alamat email", "Nama sandi", "vendor"),
                charts(Locale.forLanguageTag("id")).findings(counts, WINDOW).get(1).categories());
    }

    @Test
    void overridesByRuleAreNamedAndLinkToRisks() {
        Overrides o = new Overrides(List.of(new Count(RuleIds.LEXICON, RuleIds.LEXICON, 2)), List.of(new Count("7", "Maya Putri", 2)));
        List<DashboardCharts.Chart> out = charts(Locale.ENGLISH).overrides(o, WINDOW);
        assertEquals(List.of("Confidential terms"), out.get(0).categories());
        assertEquals(RuleIds.LEXICON, out.get(0).bars().get(0).risks().rule());
        assertEquals(List.of("Maya Putri"), out.get(1).categories());
    }

    @Test
    void nothingToShowGivesNoCharts() {
        assertTrue(charts(Locale.ENGLISH).findings(null, WINDOW).isEmpty());
        assertTrue(charts(Locale.ENGLISH).findings(List.of(), null).isEmpty());
    }
}
