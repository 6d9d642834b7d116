package io.byline.ui.dashboard;

import io.byline.domain.DashboardFigures;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.PostState;
import io.byline.domain.Severity;
import io.byline.service.DashboardService;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Screen;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** The Dashboard: charts computed in the background; each bar opens the posts behind it beside the charts. */
public final class DashboardController implements Screen {
    private static final Map<PostState, String> STATE_COLOURS = new EnumMap<>(Map.of(
            PostState.DRAFT, "-byline-text-muted", PostState.IN_REVIEW, "-byline-info",
            PostState.CHANGES_REQUESTED, "-byline-warn", PostState.APPROVED, "-byline-ok",
            PostState.SCHEDULED, "-byline-accent", PostState.PUBLISHED, "derive(-byline-ok, -35%)",
            PostState.REJECTED, "-byline-block", PostState.EXPIRED, "derive(-byline-block, 45%)",
            PostState.WITHDRAWN, "-byline-border-strong"));
    private static final Map<Severity, String> SEVERITY_COLOURS = new EnumMap<>(Map.of(
            Severity.BLOCK, "-byline-block", Severity.WARN, "-byline-warn", Severity.INFO, "-byline-info"));

    private final DashboardViewModel model;
    private final I18n i18n;
    private final DateTimeFormatter dayLabel;
    private final DateTimeFormatter weekLabel;
    private final DateTimeFormatter publish;

    @FXML private VBox root;
    @FXML private ProgressIndicator spinner;
    @FXML private Label computedLabel;
    @FXML private Button refreshButton;
    @FXML private Label errorBanner;
    @FXML private GridPane grid;
    @FXML private VBox drillPane;
    @FXML private Label drillTitle;
    @FXML private Label drillCount;
    @FXML private TableView<PostRow> drillTable;
    @FXML private TableColumn<PostRow, Long> postColumn;
    @FXML private TableColumn<PostRow, String> executiveColumn;
    @FXML private TableColumn<PostRow, String> wordsColumn;
    @FXML private TableColumn<PostRow, String> stateColumn;
    @FXML private TableColumn<PostRow, String> publishColumn;
    @FXML private TableColumn<PostRow, String> detailColumn;

    public DashboardController(DashboardService dashboard, TaskRunner runner, I18n i18n) {
        this.model = new DashboardViewModel(dashboard, runner, ZoneId.systemDefault());
        this.i18n = i18n;
        Locale l = i18n.locale();
        this.dayLabel = DateTimeFormatter.ofPattern("EEE d MMM", l);
        this.weekLabel = DateTimeFormatter.ofPattern("d MMM", l);
        this.publish = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(l).withZone(ZoneId.systemDefault());
    }

    @FXML
    private void initialize() {
        spinner.visibleProperty().bind(model.loadingProperty());
        refreshButton.setTooltip(new Tooltip(i18n.text("dashboard.refresh.tooltip")));
        show(errorBanner, false);
        model.failureProperty().addListener((o, old, e) -> {
            show(errorBanner, e != null);
            if (e != null) {
                I18n.Problem p = i18n.problem(e);
                errorBanner.setText(i18n.text("dashboard.error") + " " + p.what() + ". " + p.action());
            }
        });
        computedLabel.textProperty().bind(Bindings.createStringBinding(() -> model.loadingProperty().get()
                        && model.figuresProperty().get() == null ? i18n.text("dashboard.loading")
                        : model.figuresProperty().get() == null ? ""
                        : i18n.text("dashboard.computed", publish.format(model.figuresProperty().get().window().computedAt())),
                model.loadingProperty(), model.figuresProperty()));
        model.figuresProperty().addListener((o, old, f) -> render(f));

        drillPane.visibleProperty().bind(model.drillOpenProperty());
        drillPane.managedProperty().bind(model.drillOpenProperty());
        drillTitle.textProperty().bind(model.drillTitleProperty());
        drillCount.textProperty().bind(Bindings.createStringBinding(() -> model.drillRows().size() >= DashboardService.DRILL_LIMIT
                ? i18n.text("dashboard.drill.limited", model.drillRows().size())
                : i18n.text("dashboard.drill.count", model.drillRows().size()), model.drillRows()));
        drillTable.setItems(model.drillRows());
        drillTable.setPlaceholder(new Label(""));
        postColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().postId()));
        executiveColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().executive()));
        wordsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().firstWords()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state().name()));
        stateColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label chip = new Label(i18n.text("dashboard.state." + s));
                chip.getStyleClass().addAll(StyleClasses.STATE_CHIP, StyleClasses.state(s));
                setGraphic(chip);
            }
        });
        publishColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(publish.format(c.getValue().publishAt())));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(detail(c.getValue())));
        wordsColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isBlank() ? null : new Tooltip(s));
            }
        });

        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
                if (root.getParent() != null) refresh();
            });
        });
        model.load();
    }

    @Override
    public void shown() {
        if (model.figuresProperty().get() != null) model.load();
    }

    @FXML
    private void refresh() {
        model.load();
    }

    @FXML
    private void closeDrill() {
        model.closeDrill();
    }

    private String detail(PostRow r) {
        if (r.turnaround() != null) return i18n.text("dashboard.bar.hours", "", hours(r.turnaround())).replaceFirst("^: ", "");
        return r.note() == null ? "" : r.note();
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }

    // ---- charts ---------------------------------------------------------------------------------------------

    /** One bar (or one stacked part of a bar). */
    private record Bar(String category, String series, double value, Callable<List<PostRow>> rows, String drillTitle) {}

    private record SeriesStyle(String label, String colour) {}

    private void render(DashboardFigures f) {
        grid.getChildren().clear();
        if (f == null) return;
        DashboardService service = model.service();
        ZoneId zone = model.zone();

        // posts per executive and platform, by state
        List<Bar> posts = new ArrayList<>();
        Set<String> postCats = new LinkedHashSet<>();
        for (var c : f.posts()) {
            String cat = c.executive() + " · " + c.platform().displayName();
            postCats.add(cat);
            posts.add(new Bar(cat, c.state().name(), c.posts(), () -> service.posts(c.executiveId(), c.platform(), c.state()),
                    i18n.text("dashboard.drill.posts", c.executive(), c.platform().displayName(), stateName(c.state()))));
        }
        grid.add(card("postsChart", i18n.text("dashboard.posts.title"), i18n.text("dashboard.posts.hint", DashboardService.POSTS_WINDOW.toDays()),
                i18n.text("dashboard.posts.empty"), new ArrayList<>(postCats), stateStyles(), posts, true,
                i18n.text("dashboard.axis.posts"), false), 0, 0, 2, 1);

        // findings per week, by severity; and by category
        List<String> weeks = new ArrayList<>();
        Map<String, LocalDate> weekOf = new LinkedHashMap<>();
        for (int i = 0; i < f.window().weeks(); i++) {
            LocalDate w = f.window().firstWeek().plusWeeks(i);
            weeks.add(weekLabel.format(w));
            weekOf.put(weekLabel.format(w), w);
        }
        Map<String, Long> perWeek = new TreeMap<>();
        Map<String, Long> perCategory = new LinkedHashMap<>();
        for (var c : f.findings()) {
            perWeek.merge(weekLabel.format(c.weekStart()) + "|" + c.severity(), c.findings(), Long::sum);
            perCategory.merge(c.category() + "|" + c.severity(), c.findings(), Long::sum);
        }
        List<Bar> byWeek = new ArrayList<>();
        perWeek.forEach((k, n) -> {
            String[] parts = k.split("\\|");
            LocalDate w = weekOf.get(parts[0]);
            Severity s = Severity.valueOf(parts[1]);
            byWeek.add(new Bar(parts[0], s.name(), n, () -> service.findings(w, w.plusWeeks(1), null, s),
                    i18n.text("dashboard.drill.findings", severityName(s), i18n.text("dashboard.drill.findings.week", parts[0]))));
        });
        grid.add(card("findingsChart", i18n.text("dashboard.findings.title"),
                i18n.text("dashboard.findings.hint", f.window().weeks()), i18n.text("dashboard.findings.empty"), weeks,
                severityStyles(), byWeek, true, i18n.text("dashboard.axis.findings"), false), 0, 2);
        Map<String, Long> categoryTotals = new LinkedHashMap<>();
        perCategory.forEach((k, n) -> categoryTotals.merge(k.split("\\|")[0], n, Long::sum));
        List<String> categories = categoryTotals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10).map(Map.Entry::getKey).toList();
        List<Bar> byCategory = new ArrayList<>();
        LocalDate first = f.window().firstWeek();
        LocalDate end = first.plusWeeks(f.window().weeks());
        perCategory.forEach((k, n) -> {
            String[] parts = k.split("\\|");
            if (!categories.contains(parts[0])) return;
            Severity s = Severity.valueOf(parts[1]);
            byCategory.add(new Bar(categoryName(parts[0]), s.name(), n, () -> service.findings(first, end, parts[0], s),
                    i18n.text("dashboard.drill.findings", severityName(s) + " · " + categoryName(parts[0]),
                            i18n.text("dashboard.drill.findings.weeks", f.window().weeks()))));
        });
        grid.add(card("categoriesChart", i18n.text("dashboard.categories.title"), i18n.text("dashboard.categories.hint"),
                i18n.text("dashboard.findings.empty"), categories.stream().map(this::categoryName).toList(), severityStyles(),
                byCategory, true, i18n.text("dashboard.axis.findings"), false), 1, 2);

        // approval turnaround per step: median and slowest
        long windowDays = DashboardService.TURNAROUND_WINDOW.toDays();
        List<Bar> turn = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (var t : f.turnaround()) {
            String name = t.stepName().length() > 16 ? t.stepName().substring(0, 15).strip() + "…" : t.stepName();
            String cat = i18n.text("dashboard.turnaround.step", t.step(), name);
            steps.add(cat);
            Callable<List<PostRow>> rows = () -> service.turnaround(t.step(), t.stepName());
            String title = i18n.text("dashboard.drill.turnaround", i18n.text("dashboard.turnaround.step", t.step(), t.stepName()));
            turn.add(new Bar(cat, "median", hours(t.median()), rows, title));
            turn.add(new Bar(cat, "slowest", hours(t.slowest()), rows, title));
        }
        Map<String, SeriesStyle> turnStyles = new LinkedHashMap<>();
        turnStyles.put("median", new SeriesStyle(i18n.text("dashboard.turnaround.median"), "-byline-accent"));
        turnStyles.put("slowest", new SeriesStyle(i18n.text("dashboard.turnaround.slowest"), "derive(-byline-accent, 55%)"));
        grid.add(card("turnaroundChart", i18n.text("dashboard.turnaround.title"), i18n.text("dashboard.turnaround.hint", windowDays),
                i18n.text("dashboard.turnaround.empty", windowDays), steps, turnStyles, turn, false,
                i18n.text("dashboard.turnaround.axis"), true), 1, 1);

        // due in the next days
        List<String> days = new ArrayList<>();
        Map<String, LocalDate> dayOf = new LinkedHashMap<>();
        for (int i = 0; i < f.window().dueDays(); i++) {
            LocalDate d = f.window().firstDueDay().plusDays(i);
            days.add(dayLabel.format(d));
            dayOf.put(dayLabel.format(d), d);
        }
        List<Bar> due = new ArrayList<>();
        for (var d : f.due()) {
            String cat = dayLabel.format(d.day());
            due.add(new Bar(cat, d.state().name(), d.posts(), () -> service.due(d.day(), d.state(), zone),
                    i18n.text("dashboard.drill.due", cat, stateName(d.state()))));
        }
        Map<String, SeriesStyle> dueStyles = new LinkedHashMap<>(stateStyles());
        dueStyles.keySet().removeIf(k -> !DashboardService.OPEN.contains(PostState.valueOf(k)));
        grid.add(card("dueChart", i18n.text("dashboard.due.title", f.window().dueDays()), i18n.text("dashboard.due.hint"),
                i18n.text("dashboard.due.empty", f.window().dueDays()), days, dueStyles, due, true,
                i18n.text("dashboard.axis.posts"), false), 0, 1);

        // overrides by rule and by user
        List<Bar> rules = new ArrayList<>();
        for (var c : f.overridesByRule()) {
            rules.add(new Bar(c.label(), "n", c.count(), () -> service.overridesOfRule(c.key()),
                    i18n.text("dashboard.drill.overrides.rule", c.label())));
        }
        grid.add(card("overridesRuleChart", i18n.text("dashboard.overrides.rule.title"), i18n.text("dashboard.overrides.hint"),
                i18n.text("dashboard.overrides.empty"), f.overridesByRule().stream().map(c -> c.label()).toList(),
                Map.of("n", new SeriesStyle(i18n.text("dashboard.axis.overrides"), "-byline-block")), rules, false,
                i18n.text("dashboard.axis.overrides"), false), 0, 3);
        List<Bar> users = new ArrayList<>();
        for (var c : f.overridesByUser()) {
            users.add(new Bar(c.label(), "n", c.count(), () -> service.overridesBy(Long.parseLong(c.key())),
                    i18n.text("dashboard.drill.overrides.user", c.label())));
        }
        grid.add(card("overridesUserChart", i18n.text("dashboard.overrides.user.title"), i18n.text("dashboard.overrides.hint"),
                i18n.text("dashboard.overrides.empty"), f.overridesByUser().stream().map(c -> c.label()).toList(),
                Map.of("n", new SeriesStyle(i18n.text("dashboard.axis.overrides"), "-byline-accent")), users, false,
                i18n.text("dashboard.axis.overrides"), false), 1, 3);
    }

    private Map<String, SeriesStyle> stateStyles() {
        Map<String, SeriesStyle> m = new LinkedHashMap<>();
        for (PostState s : PostState.values()) m.put(s.name(), new SeriesStyle(stateName(s), STATE_COLOURS.get(s)));
        return m;
    }

    private Map<String, SeriesStyle> severityStyles() {
        Map<String, SeriesStyle> m = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.BLOCK, Severity.WARN, Severity.INFO)) {
            m.put(s.name(), new SeriesStyle(severityName(s), SEVERITY_COLOURS.get(s)));
        }
        return m;
    }

    private String stateName(PostState s) {
        return i18n.text("dashboard.state." + s.name());
    }

    private String severityName(Severity s) {
        return i18n.text("dashboard.severity." + s.name());
    }

    /** A policy category or rule id in words when the findings bundle names it, else as it is. */
    private String categoryName(String category) {
        for (String key : List.of("category." + category, "finding.category." + category)) {
            if (i18n.has(key)) return i18n.text(key);
        }
        return category;
    }

    private VBox card(String id, String title, String hint, String empty, List<String> categories,
                      Map<String, SeriesStyle> styles, List<Bar> bars, boolean stacked, String axisLabel, boolean decimals) {
        Label t = new Label(title);
        t.getStyleClass().add(StyleClasses.SECTION_TITLE);
        Label h = new Label(hint);
        h.getStyleClass().add(StyleClasses.HINT);
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(t, h);
        card.setId(id);
        card.getStyleClass().add("chart-card");
        card.setMinWidth(0);
        if (bars.isEmpty()) {
            Label e = new Label(empty);
            e.setWrapText(true);
            e.getStyleClass().add("chart-empty");
            card.getChildren().add(e);
            return card;
        }
        CategoryAxis x = new CategoryAxis();
        x.setCategories(javafx.collections.FXCollections.observableArrayList(categories));
        x.setTickLabelRotation(categories.size() > 7 ? -30 : 0);
        NumberAxis y = new NumberAxis();
        y.setLabel(axisLabel);
        y.setMinorTickVisible(false);
        y.setForceZeroInRange(true);
        if (!decimals) {
            y.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return n.doubleValue() == Math.rint(n.doubleValue()) ? NumberFormat.getIntegerInstance(i18n.locale()).format(n) : "";
                }

                @Override
                public Number fromString(String s) {
                    return 0;
                }
            });
        }
        XYChart<String, Number> chart = stacked ? new StackedBarChart<>(x, y) : new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(230);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        chart.setMinHeight(230);
        if (chart instanceof BarChart<String, Number> bc) bc.setCategoryGap(categories.size() > 6 ? 6 : 18);
        if (chart instanceof StackedBarChart<String, Number> sc) sc.setCategoryGap(categories.size() > 6 ? 6 : 18);
        Set<String> used = new LinkedHashSet<>();
        for (Bar b : bars) used.add(b.series());
        for (Map.Entry<String, SeriesStyle> s : styles.entrySet()) {
            if (!used.contains(s.getKey())) continue;
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.getValue().label());
            for (Bar b : bars) {
                if (!b.series().equals(s.getKey())) continue;
                XYChart.Data<String, Number> d = new XYChart.Data<>(b.category(), b.value());
                d.nodeProperty().addListener((o, old, node) -> decorate(node, b, s.getValue(), decimals));
                series.getData().add(d);
            }
            chart.getData().add(series);
        }
        card.getChildren().add(chart);
        if (used.size() > 1 || styles.size() > 1 && !used.contains("n")) card.getChildren().add(legend(styles, used));
        return card;
    }

    private void decorate(Node node, Bar b, SeriesStyle style, boolean decimals) {
        if (node == null) return;
        node.setStyle("-fx-bar-fill: " + style.colour() + ";");
        String tip = decimals ? i18n.text("dashboard.bar.hours", style.label() + " · " + b.category(), b.value())
                : i18n.text("dashboard.bar.tooltip", style.label() + " · " + b.category(), (long) b.value());
        Tooltip.install(node, new Tooltip(tip));
        node.setOnMouseClicked(e -> model.drill(b.drillTitle(), b.rows()));
    }

    private Node legend(Map<String, SeriesStyle> styles, Set<String> used) {
        FlowPane legend = new FlowPane(12, 4);
        legend.getStyleClass().add("legend");
        for (Map.Entry<String, SeriesStyle> s : styles.entrySet()) {
            if (!used.contains(s.getKey())) continue;
            Region swatch = new Region();
            swatch.getStyleClass().add("legend-swatch");
            swatch.setStyle("-fx-background-color: " + s.getValue().colour() + ";");
            Label l = new Label(s.getValue().label(), swatch);
            l.getStyleClass().add("legend-item");
            l.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(l);
        }
        return legend;
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    /** For tests: the drill-down's rows. */
    TableView<PostRow> drillTable() {
        return drillTable;
    }
}
