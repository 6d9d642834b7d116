package io.byline.ui.dashboard;

import io.byline.domain.DashboardFigures.DueCount;
import io.byline.domain.DashboardFigures.FindingCount;
import io.byline.domain.DashboardFigures.Overrides;
import io.byline.domain.DashboardFigures.PostCount;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.DashboardFigures.Turnaround;
import io.byline.domain.DashboardFigures.Window;
import io.byline.domain.PostState;
import io.byline.domain.Severity;
import io.byline.service.DashboardService;
import io.byline.ui.common.I18n;
import io.byline.ui.common.PostStates;
import io.byline.ui.common.RisksLink;
import io.byline.ui.common.Severities;
import io.byline.validation.FindingTexts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The Dashboard's figures shaped into charts: for each chart its categories, series and bars, and for each bar
 * the posts behind it (read on demand) and where Risks shows its findings. No scene graph: the controller draws.
 */
final class DashboardCharts {
    /** One chart, ready to draw; {@code empty}: what to say when it has no bars. */
    record Chart(String id, String empty, List<String> categories, Map<String, SeriesStyle> styles, List<Bar> bars,
                 boolean stacked, String axisLabel, boolean decimals) {}

    private final I18n i18n;
    private final DashboardService service;
    private final ZoneId zone;
    private final DateTimeFormatter dayLabel;
    private final DateTimeFormatter weekLabel;

    DashboardCharts(I18n i18n, DashboardService service, ZoneId zone) {
        this.i18n = i18n;
        this.service = service;
        this.zone = zone;
        this.dayLabel = DateTimeFormatter.ofPattern("EEE d MMM", i18n.locale());
        this.weekLabel = DateTimeFormatter.ofPattern("d MMM", i18n.locale());
    }

    static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }

    /** One bar (or one stacked part of a bar); {@code risks}: where Risks shows the findings behind it, or null. */
    record Bar(String category, String series, double value, Callable<List<PostRow>> rows, Supplier<String> drillTitle,
                       RisksLink risks) {}

    /** A series: its name in the legend, and the style class that gives its bars and swatch their colour. */
    record SeriesStyle(String label, String styleClass) {}

    /** The bar class of a state or severity: {@code IN_REVIEW} → {@code bar-in-review} (colours in dashboard.css). */
    static String barClass(String name) {
        return "bar-" + name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Posts per executive and platform, by state. */
    List<Chart> posts(List<PostCount> counts, Window w) {
        if (counts == null || w == null) return List.of();
        List<Chart> out = new ArrayList<>();
        List<Bar> posts = new ArrayList<>();
        Set<String> postCats = new LinkedHashSet<>();
        for (var c : counts) {
            String cat = c.executive() + " · " + c.platform().displayName();
            postCats.add(cat);
            posts.add(new Bar(cat, c.state().name(), c.posts(), () -> service.posts(c.executiveId(), c.platform(), c.state()),
                    () -> i18n.text("dashboard.drill.posts", c.executive(), c.platform().displayName(), PostStates.name(c.state(), i18n)), null));
        }
        out.add(new Chart("postsChart", i18n.text("dashboard.posts.empty"), new ArrayList<>(postCats), stateStyles(), posts, true,
                i18n.text("dashboard.axis.posts"), false));
        return out;
    }

    /** Findings per week, by severity; and by category. */
    List<Chart> findings(List<FindingCount> counts, Window w) {
        if (counts == null || w == null) return List.of();
        List<Chart> out = new ArrayList<>();
        List<String> weeks = new ArrayList<>();
        Map<String, LocalDate> weekOf = new LinkedHashMap<>();
        for (int i = 0; i < w.weeks(); i++) {
            LocalDate week = w.firstWeek().plusWeeks(i);
            weeks.add(weekLabel.format(week));
            weekOf.put(weekLabel.format(week), week);
        }
        Map<String, Long> perWeek = new TreeMap<>();
        Map<String, Long> perCategory = new LinkedHashMap<>();
        for (var c : counts) {
            perWeek.merge(weekLabel.format(c.weekStart()) + "|" + c.severity(), c.findings(), Long::sum);
            perCategory.merge(c.category() + "|" + c.severity(), c.findings(), Long::sum);
        }
        List<Bar> byWeek = new ArrayList<>();
        perWeek.forEach((k, n) -> {
            String[] parts = k.split("\\|");
            LocalDate week = weekOf.get(parts[0]);
            Severity s = Severity.valueOf(parts[1]);
            byWeek.add(new Bar(parts[0], s.name(), n, () -> service.findings(week, week.plusWeeks(1), null, s),
                    () -> i18n.text("dashboard.drill.findings", Severities.name(s, i18n), i18n.text("dashboard.drill.findings.week", parts[0])),
                    RisksLink.category(null, s)));
        });
        out.add(new Chart("findingsChart", i18n.text("dashboard.findings.empty"), weeks, severityStyles(), byWeek, true,
                i18n.text("dashboard.axis.findings"), false));
        Map<String, Long> categoryTotals = new LinkedHashMap<>();
        perCategory.forEach((k, n) -> categoryTotals.merge(k.split("\\|")[0], n, Long::sum));
        List<String> categories = categoryTotals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10).map(Map.Entry::getKey).toList();
        List<Bar> byCategory = new ArrayList<>();
        LocalDate first = w.firstWeek();
        LocalDate end = first.plusWeeks(w.weeks());
        perCategory.forEach((k, n) -> {
            String[] parts = k.split("\\|");
            if (!categories.contains(parts[0])) return;
            Severity s = Severity.valueOf(parts[1]);
            byCategory.add(new Bar(FindingTexts.groupName(i18n.locale(), parts[0]), s.name(), n, () -> service.findings(first, end, parts[0], s),
                    () -> i18n.text("dashboard.drill.findings", Severities.name(s, i18n) + " · " + FindingTexts.groupName(i18n.locale(), parts[0]),
                            i18n.text("dashboard.drill.findings.weeks", w.weeks())), RisksLink.category(parts[0], s)));
        });
        out.add(new Chart("categoriesChart", i18n.text("dashboard.findings.empty"), categories.stream().map(c -> FindingTexts.groupName(i18n.locale(), c)).toList(),
                severityStyles(), byCategory, true, i18n.text("dashboard.axis.findings"), false));
        return out;
    }

    /** Approval turnaround per step: median and slowest. */
    List<Chart> turnaround(List<Turnaround> steps, Window w) {
        if (steps == null || w == null) return List.of();
        List<Chart> out = new ArrayList<>();
        List<Bar> turn = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var t : steps) {
            String name = t.stepName().length() > 16 ? t.stepName().substring(0, 15).strip() + "…" : t.stepName();
            String cat = i18n.text("dashboard.turnaround.step", t.step(), name);
            names.add(cat);
            Callable<List<PostRow>> rows = () -> service.turnaround(t.step(), t.stepName());
            Supplier<String> title = () -> i18n.text("dashboard.drill.turnaround", i18n.text("dashboard.turnaround.step", t.step(),
                    t.stepName()));
            turn.add(new Bar(cat, "median", hours(t.median()), rows, title, null));
            turn.add(new Bar(cat, "slowest", hours(t.slowest()), rows, title, null));
        }
        Map<String, SeriesStyle> turnStyles = new LinkedHashMap<>();
        turnStyles.put("median", new SeriesStyle(i18n.text("dashboard.turnaround.median"), "bar-median"));
        turnStyles.put("slowest", new SeriesStyle(i18n.text("dashboard.turnaround.slowest"), "bar-slowest"));
        out.add(new Chart("turnaroundChart", i18n.text("dashboard.turnaround.empty", DashboardService.TURNAROUND_WINDOW.toDays()), names,
                turnStyles, turn, false, i18n.text("dashboard.turnaround.axis"), true));
        return out;
    }

    /** Due in the next days, by state. */
    List<Chart> due(List<DueCount> counts, Window w) {
        if (counts == null || w == null) return List.of();
        List<Chart> out = new ArrayList<>();
        
        List<String> days = new ArrayList<>();
        for (int i = 0; i < w.dueDays(); i++) days.add(dayLabel.format(w.firstDueDay().plusDays(i)));
        List<Bar> due = new ArrayList<>();
        for (var d : counts) {
            String cat = dayLabel.format(d.day());
            due.add(new Bar(cat, d.state().name(), d.posts(), () -> service.due(d.day(), d.state(), zone),
                    () -> i18n.text("dashboard.drill.due", cat, PostStates.name(d.state(), i18n)), null));
        }
        Map<String, SeriesStyle> dueStyles = new LinkedHashMap<>(stateStyles());
        dueStyles.keySet().removeIf(k -> !DashboardService.OPEN.contains(PostState.valueOf(k)));
        out.add(new Chart("dueChart", i18n.text("dashboard.due.empty", w.dueDays()), days, dueStyles, due, true,
                i18n.text("dashboard.axis.posts"), false));
        return out;
    }

    /** Overrides by rule and by user. */
    List<Chart> overrides(Overrides o, Window w) {
        if (o == null || w == null) return List.of();
        List<Chart> out = new ArrayList<>();
        List<Bar> rules = new ArrayList<>();
        for (var c : o.byRule()) {
            String rule = FindingTexts.groupName(i18n.locale(), c.key());
            rules.add(new Bar(rule, "n", c.count(), () -> service.overridesOfRule(c.key()),
                    () -> i18n.text("dashboard.drill.overrides.rule", rule), RisksLink.rule(c.key())));
        }
        out.add(new Chart("overridesRuleChart", i18n.text("dashboard.overrides.empty"),
                o.byRule().stream().map(c -> FindingTexts.groupName(i18n.locale(), c.key())).toList(),
                Map.of("n", new SeriesStyle(i18n.text("dashboard.axis.overrides"), "bar-overrides-rule")), rules, false,
                i18n.text("dashboard.axis.overrides"), false));
        List<Bar> users = new ArrayList<>();
        for (var c : o.byUser()) {
            users.add(new Bar(c.label(), "n", c.count(), () -> service.overridesBy(Long.parseLong(c.key())),
                    () -> i18n.text("dashboard.drill.overrides.user", c.label()), null));
        }
        out.add(new Chart("overridesUserChart", i18n.text("dashboard.overrides.empty"), o.byUser().stream().map(c -> c.label()).toList(),
                Map.of("n", new SeriesStyle(i18n.text("dashboard.axis.overrides"), "bar-overrides-user")), users, false,
                i18n.text("dashboard.axis.overrides"), false));
        return out;
    }

    Map<String, SeriesStyle> stateStyles() {
        Map<String, SeriesStyle> m = new LinkedHashMap<>();
        for (PostState s : PostState.values()) m.put(s.name(), new SeriesStyle(PostStates.name(s, i18n), barClass(s.name())));
        return m;
    }

    Map<String, SeriesStyle> severityStyles() {
        Map<String, SeriesStyle> m = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.BLOCK, Severity.WARN, Severity.INFO)) {
            m.put(s.name(), new SeriesStyle(Severities.name(s, i18n), barClass(s.name())));
        }
        return m;
    }
}
