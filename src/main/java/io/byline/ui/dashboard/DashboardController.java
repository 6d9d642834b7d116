package io.byline.ui.dashboard;

import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.DashboardFigures.Window;
import io.byline.domain.PostState;
import io.byline.service.DashboardService;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.I18n;
import io.byline.ui.common.PostStates;
import io.byline.ui.common.PublishTimes;
import io.byline.ui.common.RisksLink;
import io.byline.ui.common.Screen;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
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
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Dashboard: charts computed in the background; each bar opens the posts behind it beside the charts. A chart
 * is one Tab stop for the keyboard: the arrow keys choose a bar (outlined, and named under the chart), Enter or Space
 * opens its posts, Escape closes them and Close gives the focus back to the chart.
 */
public final class DashboardController implements Screen {
    /** The charts in the order they are laid out (one column while the list behind a bar is open beside them). */
    private static final List<String> ORDER = List.of("postsChart", "dueChart", "turnaroundChart", "findingsChart",
            "categoriesChart", "overridesRuleChart", "overridesUserChart");
    /** Where each chart's card goes in the two-column grid: column, row, columns spanned. */
    private static final Map<String, int[]> SLOTS = Map.of("postsChart", new int[] {0, 0, 2}, "dueChart", new int[] {0, 1, 1},
            "turnaroundChart", new int[] {1, 1, 1}, "findingsChart", new int[] {0, 2, 1}, "categoriesChart", new int[] {1, 2, 1},
            "overridesRuleChart", new int[] {0, 3, 1}, "overridesUserChart", new int[] {1, 3, 1});
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final DashboardViewModel model;
    private final DashboardCharts charts;
    private final I18n i18n;
    private final AppActions actions;
    private final ShellStatus status;
    /** When the figures were computed, in this computer's zone. */
    private final DateTimeFormatter computed;
    private final NumberFormat integers;
    private boolean shownBefore;
    /** The chart whose bar opened the list beside the charts (the focus goes back there when the list closes). */
    private Node drillOpener;

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
    @FXML private TableColumn<PostRow, PostRow> wordsColumn;
    @FXML private TableColumn<PostRow, String> stateColumn;
    @FXML private TableColumn<PostRow, String> publishColumn;
    @FXML private TableColumn<PostRow, String> detailColumn;
    @FXML private Button drillOpenButton;
    @FXML private Button drillRisksButton;

    public DashboardController(DashboardService dashboard, TaskRunner runner, I18n i18n, AppActions actions, ShellStatus status) {
        this.model = new DashboardViewModel(dashboard, runner, ZoneId.systemDefault());
        this.charts = new DashboardCharts(i18n, dashboard, model.zone());
        this.i18n = i18n;
        this.actions = actions;
        this.status = status;
        Locale l = i18n.locale();
        this.computed = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(l).withZone(ZoneId.systemDefault());
        this.integers = NumberFormat.getIntegerInstance(l);
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
                        ? i18n.text("dashboard.loading") : model.windowProperty().get() == null ? ""
                        : i18n.text("dashboard.computed", computed.format(model.windowProperty().get().computedAt())),
                model.loadingProperty(), model.windowProperty()));
        // each chart is drawn as soon as its figures are in; until then its card says they are being computed
        model.windowProperty().addListener((Observable o) -> placeholders(model.windowProperty().get()));
        model.postsProperty().addListener((Observable o) -> render(charts.posts(model.postsProperty().get(), model.windowProperty().get())));
        model.dueProperty().addListener((Observable o) -> render(charts.due(model.dueProperty().get(), model.windowProperty().get())));
        model.turnaroundProperty().addListener((Observable o) -> render(charts.turnaround(model.turnaroundProperty().get(), model.windowProperty().get())));
        model.findingsProperty().addListener((Observable o) -> render(charts.findings(model.findingsProperty().get(), model.windowProperty().get())));
        model.overridesProperty().addListener((Observable o) -> render(charts.overrides(model.overridesProperty().get(), model.windowProperty().get())));

        drillPane.visibleProperty().bind(model.drillOpenProperty());
        drillPane.managedProperty().bind(model.drillOpenProperty());
        model.drillOpenProperty().addListener((o, was, open) -> arrange());
        drillTitle.textProperty().bind(model.drillTitleProperty());
        drillCount.textProperty().bind(Bindings.createStringBinding(() -> model.drillRows().size() >= DashboardService.DRILL_LIMIT
                ? i18n.text("dashboard.drill.limited", model.drillRows().size())
                : i18n.text("dashboard.drill.count", model.drillRows().size()), model.drillRows()));
        drillTable.setItems(model.drillRows());
        drillTable.accessibleTextProperty().bind(model.drillTitleProperty());
        drillPane.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                closeDrill();
            }
        });
        // the turnaround or reason column only for the lists that have one
        detailColumn.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.drillRows().stream()
                .anyMatch(r -> r.turnaround() != null || r.note() != null), model.drillRows()));
        drillTable.setPlaceholder(new Label(""));
        wordsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state().name()));
        stateColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label chip = new Label(PostStates.name(PostState.valueOf(s), i18n));
                chip.getStyleClass().addAll(StyleClasses.STATE_CHIP, StyleClasses.state(s));
                setGraphic(chip);
            }
        });
        publishColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(PublishTimes.brief(c.getValue().publishAt(), PublishTimes.zone(c.getValue().timeZone()), i18n.locale())));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(detail(c.getValue())));
        wordsColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(PostRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setTooltip(null);
                    setAccessibleText(null);
                    return;
                }
                Label who = new Label(r.executive());
                who.getStyleClass().add("cell-title");
                Label what = new Label(i18n.text("dashboard.drill.postLine", r.postId(), r.firstWords()));
                what.getStyleClass().add("muted");
                what.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
                VBox box = new VBox(2, who, what);
                box.setMinWidth(0);
                setGraphic(box);
                setTooltip(new Tooltip(r.executive() + " · " + what.getText()));
                setAccessibleText(r.executive() + ", " + what.getText());
            }
        });
        detailColumn.setCellFactory(col -> withTooltip()); // a long reason is cut; the tooltip has all of it

        // a row opens its post where the work on it happens; the findings behind a bar can also be opened in Risks
        drillTable.setRowFactory(t -> {
            TableRow<PostRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) open(row.getItem());
            });
            return row;
        });
        drillTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && drillTable.getSelectionModel().getSelectedItem() != null) {
                open(drillTable.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        drillOpenButton.disableProperty().bind(drillTable.getSelectionModel().selectedItemProperty().isNull());
        drillOpenButton.setTooltip(new Tooltip(i18n.text("dashboard.drill.open.tooltip")));
        drillRisksButton.visibleProperty().bind(model.drillRisksProperty().isNotNull());
        drillRisksButton.managedProperty().bind(drillRisksButton.visibleProperty());
        drillRisksButton.setTooltip(new Tooltip(i18n.text("dashboard.drill.risks.tooltip")));

        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
                if (root.getParent() != null) refresh();
            });
        });
        model.load();
    }

    @Override
    public void shown() {
        if (shownBefore) model.load(); // the first time, initialize() has just started the figures
        shownBefore = true;
    }

    @FXML
    private void refresh() {
        model.load();
    }

    @FXML
    private void closeDrill() {
        model.closeDrill();
        if (drillOpener != null && drillOpener.getScene() != null) drillOpener.requestFocus();
    }

    @FXML
    private void openSelected() {
        PostRow r = drillTable.getSelectionModel().getSelectedItem();
        if (r != null) open(r);
    }

    /** Opens a row's post: in the Queue, or a draft in Compose (when the user may write). */
    private void open(PostRow r) {
        if (!actions.openPost(DashboardViewModel.linkTo(r))) status.show(i18n.text("dashboard.open.unavailable", r.postId()));
    }

    @FXML
    private void openRisks() {
        RisksLink link = model.drillRisksProperty().get();
        if (link != null && !actions.openRisks(link)) status.show(i18n.text("dashboard.risks.unavailable"));
    }

    /** A cell whose text, cut or not, is also its tooltip. */
    private static TableCell<PostRow, String> withTooltip() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isBlank() ? null : new Tooltip(s));
            }
        };
    }

    private String detail(PostRow r) {
        if (r.turnaround() != null) return i18n.text("dashboard.bar.hours", "", DashboardCharts.hours(r.turnaround())).replaceFirst("^: ", "");
        return r.note() == null ? "" : r.note();
    }


    // ---- charts ---------------------------------------------------------------------------------------------

    /** Cards saying the figures are being computed, where no chart is shown yet. */
    private void placeholders(Window w) {
        if (w == null) return;
        for (String id : SLOTS.keySet()) {
            if (grid.lookup("#" + id) != null) continue;
            String[] text = titleAndHint(id, w);
            Label computing = new Label(i18n.text("dashboard.loading"));
            computing.getStyleClass().add("chart-loading");
            place(header(id, text[0], text[1], computing));
        }
    }

    private String[] titleAndHint(String id, Window w) {
        return switch (id) {
            case "postsChart" -> new String[] {i18n.text("dashboard.posts.title"),
                    i18n.text("dashboard.posts.hint", DashboardService.POSTS_WINDOW.toDays())};
            case "dueChart" -> new String[] {i18n.text("dashboard.due.title", w.dueDays()), i18n.text("dashboard.due.hint")};
            case "turnaroundChart" -> new String[] {i18n.text("dashboard.turnaround.title"),
                    i18n.text("dashboard.turnaround.hint", DashboardService.TURNAROUND_WINDOW.toDays())};
            case "findingsChart" -> new String[] {i18n.text("dashboard.findings.title"), i18n.text("dashboard.findings.hint", w.weeks())};
            case "categoriesChart" -> new String[] {i18n.text("dashboard.categories.title"), i18n.text("dashboard.categories.hint")};
            case "overridesRuleChart" -> new String[] {i18n.text("dashboard.overrides.rule.title"), i18n.text("dashboard.overrides.hint")};
            case "overridesUserChart" -> new String[] {i18n.text("dashboard.overrides.user.title"), i18n.text("dashboard.overrides.hint")};
            default -> throw new IllegalArgumentException(id);
        };
    }

    /**
     * Puts a card in its slot, in place of what was there (the keyboard stays on a chart drawn again), keeping the
     * cards in reading order, which Tab follows.
     */
    private void place(VBox card) {
        int[] slot = slot(card.getId());
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        boolean hadFocus = focused != null && card.getId().equals(focused.getId()) && grid.getChildren().contains(focused);
        grid.getChildren().removeIf(n -> card.getId().equals(n.getId()));
        grid.add(card, slot[0], slot[1], slot[2], 1);
        inReadingOrder();
        if (hadFocus && card.isFocusTraversable()) card.requestFocus();
    }

    private void inReadingOrder() {
        List<Node> cards = new ArrayList<>(grid.getChildren());
        cards.sort(java.util.Comparator.comparingInt((Node n) -> index(GridPane.getRowIndex(n)))
                .thenComparingInt(n -> index(GridPane.getColumnIndex(n))));
        if (!cards.equals(grid.getChildren())) grid.getChildren().setAll(cards);
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }

    /** Column, row and columns spanned of a card: two columns, or one while the list behind a bar takes the room. */
    private int[] slot(String id) {
        return model.drillOpenProperty().get() ? new int[] {0, ORDER.indexOf(id), 1} : SLOTS.get(id);
    }

    /** Lays the cards out again in one column or two. */
    private void arrange() {
        boolean oneColumn = model.drillOpenProperty().get();
        List<ColumnConstraints> columns = new ArrayList<>();
        for (int i = 0; i < (oneColumn ? 1 : 2); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(oneColumn ? 100 : 50);
            columns.add(c);
        }
        grid.getColumnConstraints().setAll(columns);
        for (Node n : grid.getChildren()) {
            int[] slot = slot(n.getId());
            GridPane.setConstraints(n, slot[0], slot[1], slot[2], 1);
        }
        inReadingOrder();
    }

    private void render(List<DashboardCharts.Chart> charts) {
        Window w = model.windowProperty().get();
        if (charts == null || w == null) return;
        for (DashboardCharts.Chart c : charts) {
            chart(c.id(), w, c.empty(), c.categories(), c.styles(), c.bars(), c.stacked(), c.axisLabel(), c.decimals());
        }
    }

    /** A card's title and hint, then its content. */
    private VBox header(String id, String title, String hint, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add(StyleClasses.SECTION_TITLE);
        Label h = new Label(hint);
        h.getStyleClass().add(StyleClasses.HINT);
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(t, h, content);
        card.setId(id);
        card.getStyleClass().add("chart-card");
        card.setMinWidth(0);
        return card;
    }

    /** Draws one chart in its card (or says it is empty), in place of what the card showed. */
    private void chart(String id, Window w, String empty, List<String> categories, Map<String, DashboardCharts.SeriesStyle> styles,
                       List<DashboardCharts.Bar> bars, boolean stacked, String axisLabel, boolean decimals) {
        String[] text = titleAndHint(id, w);
        if (bars.isEmpty()) {
            Label e = new Label(empty);
            e.setWrapText(true);
            e.getStyleClass().add("chart-empty");
            place(header(id, text[0], text[1], e));
            return;
        }
        CategoryAxis x = new CategoryAxis();
        x.setCategories(javafx.collections.FXCollections.observableArrayList(categories));
        // slanted labels when many, or when upright ones would not fit the axis (it then keeps room for vertical ones)
        int chars = categories.stream().mapToInt(String::length).sum();
        x.setTickLabelRotation(categories.size() > 7 ? -30 : 0);
        x.widthProperty().addListener((o, was, width) -> x.setTickLabelRotation(categories.size() > 7
                || chars * 7 > width.doubleValue() ? -30 : 0));
        NumberAxis y = new NumberAxis();
        y.setLabel(axisLabel);
        y.setMinorTickVisible(false);
        y.setForceZeroInRange(true);
        if (!decimals) {
            y.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return n.doubleValue() == Math.rint(n.doubleValue()) ? integers.format(n) : "";
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
        for (DashboardCharts.Bar b : bars) used.add(b.series());
        List<Runnable> decorations = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, DashboardCharts.SeriesStyle> s : styles.entrySet()) {
            if (!used.contains(s.getKey())) continue;
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.getValue().label());
            for (DashboardCharts.Bar b : bars) {
                if (!b.series().equals(s.getKey())) continue;
                XYChart.Data<String, Number> d = new XYChart.Data<>(b.category(), b.value());
                series.getData().add(d);
                decorations.add(() -> decorate(d.getNode(), b, s.getValue(), decimals));
                targets.add(new Target(b, d, tip(b, s.getValue(), decimals)));
            }
            chart.getData().add(series);
        }
        // the chart has made the bars and set their classes (each added series sets them all again): now add the series'
        decorations.forEach(Runnable::run);
        VBox card = header(id, text[0], text[1], chart);
        if (used.size() > 1 || styles.size() > 1 && !used.contains("n")) card.getChildren().add(legend(styles, used));
        // the keyboard goes bar by bar in reading order: category after category, each from the bottom up
        targets.sort(java.util.Comparator.comparingInt((Target target) -> categories.indexOf(target.bar().category())));
        keyboard(card, text[0], targets);
        place(card);
    }

    /** A bar the keyboard can choose: what it opens and how it is named. */
    private record Target(DashboardCharts.Bar bar, XYChart.Data<String, Number> data, String tip) {}

    /**
     * Makes the chart card one Tab stop: its name and the chosen bar for screen readers, the arrow keys (and Home,
     * End) choose a bar, which is outlined and named under the chart, and Enter or Space opens the posts behind it.
     */
    private void keyboard(VBox card, String title, List<Target> targets) {
        Label chosen = new Label();
        chosen.setId(card.getId() + "-chosen");
        chosen.getStyleClass().addAll(StyleClasses.HINT, "chart-chosen");
        chosen.setWrapText(true);
        chosen.setMinHeight(Region.USE_PREF_SIZE);
        chosen.visibleProperty().bind(card.focusedProperty());
        chosen.managedProperty().bind(chosen.visibleProperty());
        card.getChildren().add(chosen);
        card.setFocusTraversable(true);
        card.setAccessibleRole(AccessibleRole.BUTTON);
        card.setAccessibleHelp(i18n.text("dashboard.chart.keys"));
        int[] at = {0};
        Runnable show = () -> {
            for (int i = 0; i < targets.size(); i++) {
                Node n = targets.get(i).data().getNode();
                if (n != null) n.pseudoClassStateChanged(CURRENT, i == at[0]);
            }
            String tip = targets.get(at[0]).tip();
            chosen.setText(i18n.text("dashboard.chart.chosen", tip));
            card.setAccessibleText(i18n.text("dashboard.chart.summary", title, targets.size(), tip));
        };
        show.run();
        card.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            int n = targets.size();
            switch (e.getCode()) {
                case RIGHT, DOWN, KP_RIGHT, KP_DOWN -> at[0] = Math.min(n - 1, at[0] + 1);
                case LEFT, UP, KP_LEFT, KP_UP -> at[0] = Math.max(0, at[0] - 1);
                case HOME -> at[0] = 0;
                case END -> at[0] = n - 1;
                case ENTER, SPACE -> {
                    drillOpener = card;
                    DashboardCharts.Bar b = targets.get(at[0]).bar();
                    model.drill(b.drillTitle().get(), b.rows(), b.risks());
                }
                case ESCAPE -> {
                    if (!model.drillOpenProperty().get()) return;
                    closeDrill();
                }
                default -> {
                    return;
                }
            }
            e.consume();
            show.run();
        });
    }

    private String tip(DashboardCharts.Bar b, DashboardCharts.SeriesStyle style, boolean decimals) {
        return decimals ? i18n.text("dashboard.bar.hours", style.label() + " · " + b.category(), b.value())
                : i18n.text("dashboard.bar.tooltip", style.label() + " · " + b.category(), (long) b.value());
    }

    /**
     * A bar: its colour from its series' style class (shared, cached CSS rather than a style parsed per bar), a
     * tooltip made when the pointer first reaches it, and the list behind it on a click.
     */
    private void decorate(Node node, DashboardCharts.Bar b, DashboardCharts.SeriesStyle style, boolean decimals) {
        if (node == null) return;
        node.getStyleClass().add(style.styleClass());
        node.setOnMouseEntered(e -> {
            if (node.getProperties().containsKey(Tooltip.class)) return;
            Tooltip t = new Tooltip(tip(b, style, decimals));
            node.getProperties().put(Tooltip.class, t);
            Tooltip.install(node, t);
        });
        node.setOnMouseClicked(e -> {
            drillOpener = chartCard(node);
            model.drill(b.drillTitle().get(), b.rows(), b.risks());
        });
    }

    private Node legend(Map<String, DashboardCharts.SeriesStyle> styles, Set<String> used) {
        FlowPane legend = new FlowPane(12, 4);
        legend.getStyleClass().add("legend");
        for (Map.Entry<String, DashboardCharts.SeriesStyle> s : styles.entrySet()) {
            if (!used.contains(s.getKey())) continue;
            Region swatch = new Region();
            swatch.getStyleClass().add("legend-swatch");
            swatch.getStyleClass().add(s.getValue().styleClass());
            Label l = new Label(s.getValue().label(), swatch);
            l.getStyleClass().add("legend-item");
            l.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(l);
        }
        return legend;
    }

    private static Node chartCard(Node n) {
        while (n != null && !n.getStyleClass().contains("chart-card")) n = n.getParent();
        return n;
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
