package io.byline.ui.risks;

import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.service.ExecutiveService;
import io.byline.service.AllowProposalService;
import io.byline.service.RiskService;
import io.byline.service.RiskService.Risk;
import io.byline.service.RiskService.RiskRef;
import io.byline.ui.common.PublishTimes;
import io.byline.ui.common.TaskRunner;
import io.byline.validation.FindingTexts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** State of the Risks screen: every open finding the user may see, filters, counts for the charts, and actions. */
public final class RisksViewModel {
    /** A labelled count for a chart. */
    public record Count(String label, int count) {}

    private final RiskService risks;
    private final AllowProposalService proposals;
    private final ExecutiveService executiveService;
    /** Each executive's zone, read with the findings: publish times show in it. */
    private PublishTimes times = PublishTimes.none();
    private final TaskRunner runner;
    private final ObservableList<Risk> all = FXCollections.observableArrayList();
    private final FilteredList<Risk> filtered = new FilteredList<>(all, r -> true);
    private final SortedList<Risk> sorted = new SortedList<>(filtered);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final ObjectProperty<String> executive = new SimpleObjectProperty<>();
    /** Only the findings of one rule (set from a link, e.g. the Dashboard's overrides by rule), or null. */
    private final ObjectProperty<String> rule = new SimpleObjectProperty<>();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<String> executives = FXCollections.observableArrayList();
    private final ObservableList<Count> byCategory = FXCollections.observableArrayList();
    private final ObservableList<Count> byExecutive = FXCollections.observableArrayList();
    private final ObservableList<Count> byDay = FXCollections.observableArrayList();
    private final IntegerProperty blocks = new SimpleIntegerProperty();
    private final IntegerProperty warnings = new SimpleIntegerProperty();
    private final IntegerProperty pendingProposals = new SimpleIntegerProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ZoneId zone;

    public RisksViewModel(RiskService risks, AllowProposalService proposals, ExecutiveService executives, TaskRunner runner, ZoneId zone) {
        this.risks = risks;
        this.proposals = proposals;
        this.executiveService = executives;
        this.runner = runner;
        this.zone = zone;
        search.addListener((o, a, b) -> refilter());
        severity.addListener((o, a, b) -> refilter());
        category.addListener((o, a, b) -> refilter());
        executive.addListener((o, a, b) -> refilter());
        rule.addListener((o, a, b) -> refilter());
    }

    /**
     * Shows only what a link from another screen asks for: its category, rule and severity (null: any); the search and
     * the executive are cleared. The filters stay when none of the open findings match, so the list says so.
     */
    public void showOnly(String onlyCategory, String onlyRule, Severity onlySeverity) {
        search.set("");
        executive.set(null);
        if (onlyCategory != null && !categories.contains(onlyCategory)) {
            TreeSet<String> cats = new TreeSet<>(categories);
            cats.add(onlyCategory);
            categories.setAll(cats);
        }
        category.set(onlyCategory);
        rule.set(onlyRule);
        severity.set(onlySeverity);
    }

    private record Loaded(List<Risk> risks, int proposals, PublishTimes times) {}

    public void load() {
        runner.run(() -> new Loaded(risks.openRisks(), proposals.canSeeProposals() ? proposals.proposals(true).size() : 0,
                PublishTimes.of(executiveService.list(true))), l -> {
            times = l.times();
            all.setAll(l.risks());
            TreeSet<String> cats = new TreeSet<>();
            TreeSet<String> execs = new TreeSet<>();
            for (Risk r : l.risks()) {
                cats.add(categoryOf(r));
                execs.add(r.executiveName());
            }
            if (category.get() != null) cats.add(category.get()); // a chosen filter stays, even with nothing left to show
            categories.setAll(cats);
            executives.setAll(execs);
            if (executive.get() != null && !execs.contains(executive.get())) executive.set(null);
            pendingProposals.set(l.proposals());
            recount();
            loaded.set(true);
        }, e -> loaded.set(true));
    }

    /** What the screen says it lists: every open finding, or the user's own posts' (by what the user may see). */
    public static String subtitleKey(User user) {
        return RiskService.seesAll(user) ? "risks.subtitle.all" : "risks.subtitle.own";
    }

    /** When the finding's post publishes, in its executive's zone, named ("6 Dec, 09:00 WIB"). */
    public String publishTime(Risk r, Locale locale) {
        return PublishTimes.brief(r.publishAt(), times.zoneOf(r.executiveId()), locale);
    }

    /** The finding's message in the language (never the policy term); the post's text is not at hand here. */
    public static String message(Risk r, Locale locale) {
        return FindingTexts.message(locale, r.rule(), r.messageKey(), r.category(), r.platform(), null, null);
    }

    /** The category shown for a finding: the policy category, else the rule. */
    public static String categoryOf(Risk r) {
        return r.category() == null || r.category().isBlank() ? r.rule() : r.category();
    }

    private void refilter() {
        String needle = fold(search.get());
        Severity sev = severity.get();
        String cat = category.get();
        String exec = executive.get();
        String only = rule.get();
        filtered.setPredicate(r -> (sev == null || r.severity() == sev) && (cat == null || cat.equals(categoryOf(r)))
                && (only == null || only.equals(r.rule()))
                && (exec == null || exec.equals(r.executiveName()))
                && (needle.isEmpty() || fold(r.context()).contains(needle) || fold(r.executiveName()).contains(needle)
                || fold(categoryOf(r)).contains(needle) || fold(r.rule()).contains(needle)
                || ("#" + r.postId()).equals(needle) || String.valueOf(r.postId()).equals(needle)));
        recount();
    }

    /** Counts for the summary and the charts, over what the filters show. */
    private void recount() {
        Map<String, Integer> cats = new TreeMap<>();
        Map<String, Integer> execs = new TreeMap<>();
        Map<LocalDate, Integer> days = new TreeMap<>();
        int b = 0;
        int w = 0;
        for (Risk r : filtered) {
            cats.merge(categoryOf(r), 1, Integer::sum);
            execs.merge(r.executiveName(), 1, Integer::sum);
            days.merge(LocalDate.ofInstant(r.publishAt(), zone), 1, Integer::sum);
            if (r.severity() == Severity.BLOCK) b++;
            else if (r.severity() == Severity.WARN) w++;
        }
        byCategory.setAll(top(cats, 6));
        byExecutive.setAll(top(execs, 6));
        byDay.setAll(days.entrySet().stream().map(e -> new Count(e.getKey().toString(), e.getValue())).limit(14).toList());
        blocks.set(b);
        warnings.set(w);
    }

    private static List<Count> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(n)
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    public void override(List<Risk> selection, String reason, Consumer<RiskService.BulkResult> onDone, Consumer<Throwable> onFailure) {
        act(() -> risks.override(refs(selection), reason), onDone, onFailure);
    }

    public void acknowledge(List<Risk> selection, Consumer<RiskService.BulkResult> onDone, Consumer<Throwable> onFailure) {
        act(() -> risks.acknowledge(refs(selection), ""), onDone, onFailure);
    }

    public void markFalsePositive(Risk risk, String phrase, String reason, Consumer<Long> onDone, Consumer<Throwable> onFailure) {
        busy.set(true);
        runner.run(() -> risks.markFalsePositive(RiskRef.of(risk), phrase, reason), id -> {
            busy.set(false);
            load();
            onDone.accept(id);
        }, e -> {
            busy.set(false);
            onFailure.accept(e);
        });
    }

    private void act(java.util.concurrent.Callable<RiskService.BulkResult> work, Consumer<RiskService.BulkResult> onDone,
                     Consumer<Throwable> onFailure) {
        busy.set(true);
        runner.run(work, r -> {
            busy.set(false);
            load();
            onDone.accept(r);
        }, e -> {
            busy.set(false);
            onFailure.accept(e);
        });
    }

    private static List<RiskRef> refs(List<Risk> selection) {
        return selection.stream().map(RiskRef::of).distinct().toList();
    }

    // ---- accessors ----------------------------------------------------------------------------------------------

    public ObservableList<Risk> all() { return all; }
    public SortedList<Risk> sorted() { return sorted; }
    public FilteredList<Risk> filtered() { return filtered; }
    /** Whether to offer overriding blocking findings: the service decides. */
    public boolean canOverride() {
        return risks.canOverride();
    }

    public StringProperty searchProperty() { return search; }
    public ObjectProperty<Severity> severityProperty() { return severity; }
    public ObjectProperty<String> categoryProperty() { return category; }
    public ObjectProperty<String> executiveProperty() { return executive; }
    public ObjectProperty<String> ruleProperty() { return rule; }
    public ObservableList<String> categories() { return categories; }
    public ObservableList<String> executives() { return executives; }
    public ObservableList<Count> byCategory() { return byCategory; }
    public ObservableList<Count> byExecutive() { return byExecutive; }
    public ObservableList<Count> byDay() { return byDay; }
    public IntegerProperty blocksProperty() { return blocks; }
    public IntegerProperty warningsProperty() { return warnings; }
    public IntegerProperty pendingProposalsProperty() { return pendingProposals; }
    public BooleanProperty loadedProperty() { return loaded; }
    public BooleanProperty busyProperty() { return busy; }
}
