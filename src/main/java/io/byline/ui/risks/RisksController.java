package io.byline.ui.risks;

import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.service.ExecutiveService;
import io.byline.service.AllowProposalService;
import io.byline.service.ReviewService;
import io.byline.service.RiskService;
import io.byline.service.RiskService.Risk;
import io.byline.service.Session;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.BackgroundWork;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FormDialog;
import io.byline.ui.common.I18n;
import io.byline.ui.common.PostLink;
import io.byline.ui.common.Screen;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;
import io.byline.ui.common.PolicyRechecks;
import io.byline.ui.common.Severities;
import io.byline.validation.FindingTexts;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The Risks screen: every open finding of posts not yet published (all of them for reviewers, Legal, approvers and
 * admins; their own posts' for writers and executives), with filters, sorting, search and three small charts; acts
 * on a selection: open the post at the finding, acknowledge warnings, override with a written reason (Legal and
 * Approvers), or mark a false positive, which proposes an allowed phrase for Legal or an Admin to apply.
 */
public final class RisksController implements Screen {
    private final RisksViewModel model;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ShellStatus status;
    private final AppActions actions;
    private final Appearance appearance;
    private final PolicyRechecks rechecks;
    private final User user;

    @FXML private Label subtitle;
    @FXML private Label blockChip;
    @FXML private Label warnChip;
    @FXML private Label proposalBanner;
    @FXML private BarChart<Number, String> categoryChart;
    @FXML private BarChart<Number, String> executiveChart;
    @FXML private BarChart<String, Number> dayChart;
    @FXML private TextField searchField;
    @FXML private ComboBox<Severity> severityFilter;
    @FXML private ComboBox<String> categoryFilter;
    @FXML private ComboBox<String> executiveFilter;
    @FXML private Button ruleFilter;
    @FXML private TableView<Risk> table;
    @FXML private TableColumn<Risk, Severity> severityColumn;
    @FXML private TableColumn<Risk, String> findingColumn;
    @FXML private TableColumn<Risk, Risk> contextColumn;
    @FXML private TableColumn<Risk, Long> postColumn;
    @FXML private TableColumn<Risk, String> executiveColumn;
    @FXML private TableColumn<Risk, Risk> publishColumn;
    @FXML private Label selectionLabel;
    @FXML private Button openButton;
    @FXML private Button falsePositiveButton;
    @FXML private Button acknowledgeButton;
    @FXML private Button overrideButton;

    public RisksController(RiskService risks, AllowProposalService proposals, ExecutiveService executives, Session session, TaskRunner runner, I18n i18n,
                           DialogService dialogs, ShellStatus status, AppActions actions, Appearance appearance,
                           PolicyRechecks rechecks, BackgroundWork work) {
        this.model = new RisksViewModel(risks, proposals, executives, runner, ZoneId.systemDefault());
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.status = status;
        this.actions = actions;
        this.appearance = appearance;
        this.rechecks = rechecks;
        this.user = session.require();
        work.findingsChangedProperty().addListener((obs, old, now) -> model.load());
    }

    @FXML
    private void initialize() {
        table.getParent().getStylesheets().add(Severities.stylesheet());
        subtitle.setText(i18n.text(RisksViewModel.subtitleKey(user)));
        blockChip.setGraphic(io.byline.ui.common.Icons.of(io.byline.ui.common.Icons.SEVERITY_BLOCK));
        warnChip.setGraphic(io.byline.ui.common.Icons.of(io.byline.ui.common.Icons.SEVERITY_WARN));
        blockChip.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("risks.count.block",
                model.blocksProperty().get()), model.blocksProperty()));
        warnChip.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("risks.count.warn",
                model.warningsProperty().get()), model.warningsProperty()));
        proposalBanner.visibleProperty().bind(model.pendingProposalsProperty().greaterThan(0));
        proposalBanner.managedProperty().bind(proposalBanner.visibleProperty());
        proposalBanner.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("risks.proposals.pending",
                model.pendingProposalsProperty().get()), model.pendingProposalsProperty()));

        // filters
        searchField.textProperty().bindBidirectional(model.searchProperty());
        List<Severity> sevs = new ArrayList<>();
        sevs.add(null);
        sevs.addAll(List.of(Severity.BLOCK, Severity.WARN, Severity.INFO));
        severityFilter.getItems().setAll(sevs);
        cells(severityFilter, s -> s == null ? i18n.text("risks.filter.allSeverities") : Severities.name(s, i18n));
        severityFilter.valueProperty().bindBidirectional(model.severityProperty());
        cells(categoryFilter, c -> c == null ? i18n.text("risks.filter.allCategories") : FindingTexts.groupName(i18n.locale(), c));
        cells(executiveFilter, e -> e == null ? i18n.text("risks.filter.allExecutives") : e);
        mirror(model.categories(), categoryFilter);
        mirror(model.executives(), executiveFilter);
        categoryFilter.valueProperty().bindBidirectional(model.categoryProperty());
        executiveFilter.valueProperty().bindBidirectional(model.executiveProperty());
        // a rule filter comes only from links (the Dashboard's overrides by rule): shown while set, one click clears it
        ruleFilter.visibleProperty().bind(model.ruleProperty().isNotNull());
        ruleFilter.managedProperty().bind(ruleFilter.visibleProperty());
        ruleFilter.textProperty().bind(Bindings.createStringBinding(() -> model.ruleProperty().get() == null ? ""
                : i18n.text("risks.filter.rule", FindingTexts.groupName(i18n.locale(), model.ruleProperty().get())), model.ruleProperty()));
        ruleFilter.setGraphic(io.byline.ui.common.Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOSE));
        ruleFilter.setTooltip(new Tooltip(i18n.text("risks.filter.rule.clear")));

        // table
        model.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(model.sorted());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(placeholder());
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        severityColumn.setCellFactory(c -> Severities.cell(i18n));
        severityColumn.setComparator(java.util.Comparator.reverseOrder());
        findingColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(RisksViewModel.message(c.getValue(), i18n.locale())));
        findingColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true); // long messages wrap like the context beside them instead of being cut off
            }
        });
        contextColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        contextColumn.setCellFactory(c -> new ContextCell());
        postColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().postId()));
        postColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : "#" + id);
            }
        });
        executiveColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().executiveName()));
        publishColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        publishColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Risk r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : model.publishTime(r, i18n.locale()));
            }
        });
        publishColumn.setComparator(Comparator.comparing(Risk::publishAt));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) openPost();
        });
        table.setOnKeyPressed(e -> { // Enter opens it, as a double click does
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItems().size() == 1) {
                e.consume();
                openPost();
            }
        });

        // actions on the selection
        ListChangeListener<Risk> selection = c -> updateActions();
        table.getSelectionModel().getSelectedItems().addListener(selection);
        model.busyProperty().addListener((obs, old, now) -> updateActions());
        openButton.setTooltip(new Tooltip(i18n.text("risks.open.tooltip")));
        overrideButton.setTooltip(new Tooltip(i18n.text("risks.override.tooltip")));
        acknowledgeButton.setTooltip(new Tooltip(i18n.text("risks.acknowledge.tooltip")));
        falsePositiveButton.setTooltip(new Tooltip(i18n.text("risks.falsePositive.tooltip")));
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) return;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), () -> {
                if (table.getScene() != null && !openButton.isDisabled()) openPost();
            });
        });
        updateActions();

        // charts
        for (javafx.scene.chart.Axis<?> axis : List.of(categoryChart.getXAxis(), executiveChart.getXAxis(), dayChart.getYAxis())) {
            ((javafx.scene.chart.NumberAxis) axis).setTickLabelFormatter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.intValue()) : "";
                }

                @Override
                public Number fromString(String s) {
                    return Integer.valueOf(s);
                }
            });
        }
        categoryChart.setTitle(i18n.text("risks.chart.category"));
        executiveChart.setTitle(i18n.text("risks.chart.executive"));
        dayChart.setTitle(i18n.text("risks.chart.day"));
        model.byCategory().addListener((ListChangeListener<RisksViewModel.Count>) c -> horizontal(categoryChart, model.byCategory(), true));
        model.byExecutive().addListener((ListChangeListener<RisksViewModel.Count>) c -> horizontal(executiveChart, model.byExecutive(), false));
        model.byDay().addListener((ListChangeListener<RisksViewModel.Count>) c -> days());
        model.load();
    }

    private <T> void cells(ComboBox<T> box, Function<T, String> text) {
        box.setButtonCell(new Cell<>(text, true));
        box.setCellFactory(v -> new Cell<>(text, false));
    }

    private static void mirror(javafx.collections.ObservableList<String> source, ComboBox<String> box) {
        box.getItems().setAll(withAll(source));
        source.addListener((ListChangeListener<String>) c -> {
            String keep = box.getValue();
            box.getItems().setAll(withAll(source));
            box.setValue(source.contains(keep) ? keep : null);
        });
    }

    private static List<String> withAll(List<String> items) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(items);
        return out;
    }

    private void updateActions() {
        List<Risk> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        boolean busy = model.busyProperty().get();
        selectionLabel.setText(sel.isEmpty() ? i18n.text("risks.selection.none") : i18n.text("risks.selection", sel.size()));
        openButton.setDisable(busy || sel.size() != 1);
        falsePositiveButton.setDisable(busy || sel.size() != 1 || !RuleIds.LEXICON.equals(sel.get(0).rule()));
        acknowledgeButton.setDisable(busy || sel.isEmpty() || !sel.stream().allMatch(Risk::canAcknowledge));
        overrideButton.setDisable(busy || sel.isEmpty() || !sel.stream().allMatch(Risk::canOverride));
        boolean mayOverride = model.canOverride();
        overrideButton.setVisible(mayOverride);
        overrideButton.setManaged(mayOverride);
    }

    private Node placeholder() {
        VBox box = new VBox(6);
        box.getStyleClass().add(StyleClasses.EMPTY_STATE);
        Label t = new Label();
        t.getStyleClass().add("empty-state-title");
        t.textProperty().bind(Bindings.createStringBinding(() -> i18n.text(model.all().isEmpty()
                ? "risks.empty.title" : "risks.empty.filtered.title"), model.all()));
        Label h = new Label();
        h.textProperty().bind(Bindings.createStringBinding(() -> i18n.text(model.all().isEmpty()
                ? "risks.empty.hint" : "risks.empty.filtered.hint"), model.all()));
        h.setWrapText(true);
        h.getStyleClass().add(StyleClasses.MUTED);
        box.getChildren().addAll(t, h);
        return box;
    }

    @FXML
    void clearRule() {
        model.ruleProperty().set(null);
    }

    /** Opens with only what a link asks for (a category, a rule, a severity), e.g. from a Dashboard chart. */
    @Override
    public boolean open(io.byline.ui.common.RisksLink link) {
        table.getSelectionModel().clearSelection();
        model.showOnly(link.category(), link.rule(), link.severity());
        return true;
    }

    private void horizontal(BarChart<Number, String> chart, List<RisksViewModel.Count> counts, boolean categories) {
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        List<RisksViewModel.Count> reversed = new ArrayList<>(counts);
        java.util.Collections.reverse(reversed); // biggest on top
        for (RisksViewModel.Count c : reversed) {
            s.getData().add(new XYChart.Data<>(c.count(), shorten(categories ? FindingTexts.groupName(i18n.locale(), c.label()) : c.label())));
        }
        chart.getData().setAll(List.of(s));
    }

    private void days() {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", i18n.locale());
        for (RisksViewModel.Count c : model.byDay()) {
            s.getData().add(new XYChart.Data<>(day.format(java.time.LocalDate.parse(c.label())), c.count()));
        }
        dayChart.getData().setAll(List.of(s));
    }

    private static String shorten(String s) {
        return s.length() > 18 ? s.substring(0, 17) + "…" : s;
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    @FXML
    void openPost() {
        Risk r = table.getSelectionModel().getSelectedItem();
        if (r == null) return;
        if (!actions.openPost(new PostLink(r.postId(), r.platform(), r.start(), r.end()))) {
            status.show(i18n.text("risks.open.unavailable", r.postId()));
        }
    }

    @FXML
    void acknowledge() {
        List<Risk> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (sel.isEmpty()) return;
        model.acknowledge(sel, r -> report(r, "risks.acknowledge.done"), dialogs::error);
    }

    @FXML
    void override() {
        List<Risk> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (sel.isEmpty()) return;
        TextArea reason = new TextArea();
        reason.setId("overrideReason");
        reason.setWrapText(true);
        reason.setPrefRowCount(4);
        reason.setPromptText(i18n.text("risks.override.prompt"));
        Label hint = new Label(i18n.text("risks.override.hint", ReviewService.MIN_REASON));
        hint.getStyleClass().add(StyleClasses.HINT);
        hint.setWrapText(true);
        Label what = new Label(i18n.text("risks.override.what", sel.size()));
        what.setWrapText(true);
        VBox content = new VBox(8, what, fieldLabel("risks.override.reason", reason), reason, hint);
        Dialog<ButtonType> d = dialog(i18n.text("risks.override.title"), content, i18n.text("risks.override.confirm"), "overrideDialog");
        Button ok = (Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(1));
        ok.setId("overrideConfirm");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> reason.getText().strip().length() < ReviewService.MIN_REASON,
                reason.textProperty()));
        Node opener = io.byline.ui.common.Keyboard.focusOwner(table);
        d.setOnHidden(e -> {
            if (d.getResult() != null && d.getResult().getButtonData() == ButtonData.OK_DONE) {
                model.override(sel, reason.getText(), r -> report(r, "risks.override.done"), ex -> dialogs.error(i18n.problem(ex), reason.getText()));
            }
            io.byline.ui.common.Keyboard.returnFocus(opener, table);
        });
        d.show();
        reason.requestFocus();
    }

    @FXML
    void markFalsePositive() {
        Risk r = table.getSelectionModel().getSelectedItem();
        if (r == null) return;
        TextField phrase = new TextField(r.matched());
        phrase.setId("falsePositivePhrase");
        TextArea reason = new TextArea();
        reason.setId("falsePositiveReason");
        reason.setWrapText(true);
        reason.setPrefRowCount(3);
        Label intro = new Label(i18n.text("risks.falsePositive.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label phraseHint = new Label(i18n.text("risks.falsePositive.phrase.hint"));
        phraseHint.getStyleClass().add(StyleClasses.HINT);
        phraseHint.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add(StyleClasses.FIELD_ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        VBox content = new VBox(8, intro, fieldLabel("risks.falsePositive.phrase", phrase), phrase, phraseHint, error,
                fieldLabel("risks.falsePositive.reason", reason), reason);
        Dialog<ButtonType> d = dialog(i18n.text("risks.falsePositive.title"), content, i18n.text("risks.falsePositive.confirm"),
                "falsePositiveDialog");
        Button ok = (Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(1));
        ok.setId("falsePositiveConfirm");
        Node opener = io.byline.ui.common.Keyboard.focusOwner(table);
        d.setOnHidden(e -> io.byline.ui.common.Keyboard.returnFocus(opener, table));
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // keep the dialog (and the typed text) open until the proposal is saved
            ok.setDisable(true);
            model.markFalsePositive(r, phrase.getText(), reason.getText(), id -> {
                d.setResult(ButtonType.OK);
                d.close();
                status.show(i18n.text("risks.falsePositive.done"));
            }, ex -> {
                ok.setDisable(false);
                if (ex instanceof io.byline.domain.ValidationException ve) {
                    error.setText(String.join("\n", ve.fieldErrors().values().stream().map(i18n::keyOrText).toList()));
                    error.setVisible(true);
                } else {
                    dialogs.error(i18n.problem(ex), phrase.getText());
                }
            });
        });
        d.show();
        phrase.requestFocus();
    }

    /** A label above a dialog's field that names it for screen readers; its mnemonic focuses it. */
    private Label fieldLabel(String key, Node field) {
        Label l = new Label(i18n.text(key));
        l.getStyleClass().add(StyleClasses.FIELD_LABEL);
        io.byline.ui.common.Keyboard.label(l, field);
        return l;
    }

    private Dialog<ButtonType> dialog(String title, Node content, String confirm, String id) {
        Window w = table.getScene() == null ? null : table.getScene().getWindow();
        Dialog<ButtonType> d = FormDialog.create(w, i18n, appearance, title, confirm, id, 520).dialog();
        d.getDialogPane().setContent(content);
        return d;
    }

    private void report(RiskService.BulkResult r, String doneKey) {
        status.show(i18n.text(doneKey, r.done()));
        if (!r.failures().isEmpty()) {
            RiskService.Failure first = r.failures().get(0);
            I18n.Problem p = i18n.problem(first.error());
            dialogs.error(new I18n.Problem(i18n.text("risks.bulk.partial", r.done(), r.failures().size()), p.action(),
                    p.details()), null);
        }
    }

    @Override
    public void shown() {
        model.load();
        rechecks.startIfDue();
    }

    RisksViewModel model() {
        return model;
    }

    /** The matched text in its context: the match stands out with the severity's colour. */
    private final class ContextCell extends TableCell<Risk, Risk> {
        @Override
        protected void updateItem(Risk r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Text before = new Text(r.before());
            Label match = new Label(r.matched().isEmpty() ? i18n.text("risks.wholePost") : r.matched());
            match.getStyleClass().addAll("context-match", StyleClasses.severity(r.severity()));
            Text after = new Text(r.after());
            TextFlow flow = new TextFlow(before, match, after);
            flow.getStyleClass().add("context-cell");
            flow.setMaxHeight(38);
            flow.prefWidthProperty().bind(getTableColumn().widthProperty().subtract(20));
            setGraphic(flow);
            setTooltip(new Tooltip(r.context()));
            setPrefHeight(44);
        }
    }

    /** A list cell showing an item through a function. */
    private static final class Cell<T> extends ListCell<T> {
        private final Function<T, String> text;

        private final boolean button;

        Cell(Function<T, String> text, boolean button) {
            this.text = text;
            this.button = button;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty && !button ? null : text.apply(empty ? null : item));
        }
    }
}
