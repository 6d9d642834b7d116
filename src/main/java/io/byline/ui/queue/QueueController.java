package io.byline.ui.queue;

import io.byline.service.QueueService;
import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.Comment;
import io.byline.domain.DecisionKind;
import io.byline.domain.Executive;
import io.byline.domain.Notification;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Severity;
import io.byline.service.ChainProgress;
import io.byline.service.DraftService;
import io.byline.service.ExecutiveService;
import io.byline.service.NotificationService;
import io.byline.service.PublishService;
import io.byline.service.QueueItem;
import io.byline.service.ReviewService;
import io.byline.service.Session;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Keyboard;
import io.byline.ui.common.Icons;
import io.byline.ui.common.PostStates;
import io.byline.ui.common.PublishTimes;
import io.byline.ui.common.Screen;
import io.byline.ui.common.Severities;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;
import io.byline.validation.FindingTexts;
import io.byline.validation.LengthInfo;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.controlsfx.control.PopOver;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Queue screen: the table of posts with filters, the selected post's detail (text with highlighted findings,
 * previews, findings and their decisions, the diff since the viewer last reviewed it, the approval chain, notes)
 * with the actions the user may take, the publishing hand-over, exports, the calendar and the notification bell.
 */
public final class QueueController implements Screen {
    private final QueueViewModel model;
    private final CalendarViewModel calendar;
    private final NotificationsViewModel bell;
    private final PublishService publishing;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Appearance appearance;
    private final ShellStatus status;
    private final ZoneId zone = ZoneId.systemDefault();
    private ExportApprovedTask exportTask;
    private PopOver bellPopOver;
    private CalendarView calendarView;

    @FXML private VBox root;
    @FXML private HBox exportBox;
    @FXML private Label exportLabel;
    @FXML private ProgressBar exportProgress;
    @FXML private Button exportCancelButton;
    @FXML private Button bellButton;
    @FXML private MenuButton exportButton;
    @FXML private MenuItem exportJsonItem;
    @FXML private TabPane tabs;
    @FXML private Tab queueTab;
    @FXML private Tab calendarTab;
    @FXML private ComboBox<QueueViewModel.View> viewBox;
    @FXML private ComboBox<Executive> executiveBox;
    @FXML private ComboBox<Platform> platformBox;
    @FXML private ComboBox<PostState> stateBox;
    @FXML private ComboBox<Severity> severityBox;
    @FXML private TextField searchField;
    @FXML private Button clearFiltersButton;
    @FXML private SplitPane split;
    @FXML private TableView<QueueItem> table;
    @FXML private TableColumn<QueueItem, QueueItem> postColumn;
    @FXML private TableColumn<QueueItem, QueueItem> stateColumn;
    @FXML private TableColumn<QueueItem, QueueItem> findingColumn;
    @FXML private TableColumn<QueueItem, QueueItem> deadlineColumn;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyHint;
    @FXML private VBox noSelection;
    @FXML private VBox detailPane;
    @FXML private ScrollPane detailScroll;
    @FXML private VBox detailBox;
    @FXML private VBox actionBar;
    @FXML private Label actionProblem;
    @FXML private Label actionError;
    @FXML private Button rejectButton;
    @FXML private Button requestChangesButton;
    @FXML private Button approveButton;
    @FXML private Button previousButton;
    @FXML private Button todayButton;
    @FXML private Button nextButton;
    @FXML private Label periodLabel;
    @FXML private ComboBox<Executive> calendarExecutiveBox;
    @FXML private ToggleButton monthToggle;
    @FXML private ToggleButton weekToggle;
    @FXML private Label calendarHint;
    @FXML private Label moveBanner;
    @FXML private StackPane calendarHolder;

    public QueueController(ReviewService reviews, QueueService queue, PublishService publishing, DraftService drafts,
                           ExecutiveService executives, NotificationService notifications, Session session,
                           TaskRunner runner, java.time.Clock clock, I18n i18n, DialogService dialogs, Appearance appearance, ShellStatus status) {
        this.model = new QueueViewModel(reviews, queue, publishing, drafts, executives, session, runner, clock);
        this.calendar = new CalendarViewModel(reviews, queue, session, runner, clock, model::zoneOf);
        this.bell = new NotificationsViewModel(notifications, runner);
        this.publishing = publishing;
        this.runner = runner;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.appearance = appearance;
        this.status = status;
        Runnable changed = () -> {
            status.requestRefresh();
            bell.load();
        };
        model.setOnChanged(changed);
        calendar.setOnChanged(() -> {
            changed.run();
            model.load();
        });
    }

    @FXML
    private void initialize() {
        initFilters();
        initTable();
        initDetail();
        initCalendar();
        initHeader();
        root.sceneProperty().addListener((o, old, scene) -> installShortcuts(scene));
        model.failureProperty().addListener((o, a, e) -> {
            if (e == null) return;
            model.failureProperty().set(null);
            dialogs.error(e);
        });
        calendar.failureProperty().addListener((o, a, e) -> {
            if (e == null) return;
            calendar.failureProperty().set(null);
            dialogs.error(e);
        });
        model.noticeProperty().addListener((o, a, key) -> {
            if (key != null) status.show(i18n.text(key));
            model.noticeProperty().set(null);
        });
        model.start();
        calendar.load();
        bell.load();
    }

    @Override
    public void shown() {
        model.load();
        calendar.load();
        bell.load();
    }

    // ------------------------------------------------------------------ header: bell and export

    private void initHeader() {
        Label count = new Label();
        count.getStyleClass().add(StyleClasses.NAV_BADGE);
        count.textProperty().bind(bell.unreadProperty().asString());
        count.visibleProperty().bind(bell.unreadProperty().greaterThan(0));
        count.managedProperty().bind(count.visibleProperty());
        HBox g = new HBox(4, Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignB.BELL_OUTLINE), count);
        g.setAlignment(Pos.CENTER_LEFT);
        bellButton.setGraphic(g);
        bellButton.setTooltip(new Tooltip(i18n.text("queue.notifications.title")));
        bell.unreadProperty().addListener((o, a, n) -> bellButton.setAccessibleText(
                i18n.text("queue.notifications.unread", n.longValue())));
        exportBox.setVisible(false);
        exportBox.managedProperty().bind(exportBox.visibleProperty());
        exportButton.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignE.EXPORT_VARIANT));
        boolean mayExport = model.canExport();
        exportButton.setVisible(mayExport);
        exportButton.setManaged(mayExport);
        exportButton.disableProperty().bind(model.exportingProperty());
    }

    /** Opens a post from elsewhere (a finding in Risks, a notification): the queue tab, the post selected. */
    @Override
    public boolean open(io.byline.ui.common.PostLink link) {
        tabs.getSelectionModel().select(queueTab);
        model.show(link.postId());
        return true;
    }

    @FXML
    private void openNotifications() {
        if (bellPopOver != null && bellPopOver.isShowing()) {
            bellPopOver.hide();
            return;
        }
        VBox list = new VBox(2);
        list.getStyleClass().add("notification-list");
        if (bell.recent().isEmpty()) {
            Label none = new Label(i18n.text("queue.notifications.empty"));
            none.getStyleClass().add(StyleClasses.MUTED);
            none.setWrapText(true);
            list.getChildren().add(none);
        }
        for (Notification n : bell.recent()) {
            Label text = new Label(QueueTexts.notification(i18n, n));
            text.setWrapText(true);
            Label when = new Label(QueueTexts.dateTime(i18n, n.createdAt(), zone));
            when.getStyleClass().add(StyleClasses.HINT);
            VBox row = new VBox(2, text, when);
            row.getStyleClass().add("notification-row");
            if (!n.read()) row.getStyleClass().add("notification-unread");
            Runnable open = () -> {
                bell.markRead(n);
                if (n.postId() != null) {
                    tabs.getSelectionModel().select(queueTab);
                    model.show(n.postId());
                }
                bellPopOver.hide();
            };
            row.setOnMouseClicked(e -> open.run());
            // a row is a button for the keyboard too: Tab reaches it, Enter or Space opens it
            row.setFocusTraversable(true);
            row.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
            row.setAccessibleText(text.getText() + ", " + when.getText());
            row.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    e.consume();
                    open.run();
                }
            });
            list.getChildren().add(row);
        }
        Label title = new Label(i18n.text("queue.notifications.title"));
        title.getStyleClass().add(StyleClasses.SECTION_TITLE);
        Button all = new Button(i18n.text("queue.notifications.markAllRead"));
        all.setId("markAllReadButton");
        all.getStyleClass().add(StyleClasses.GHOST);
        all.setOnAction(e -> {
            bell.markAllRead();
            bellPopOver.hide();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, all);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(360, 40 + 56 * Math.max(1, bell.recent().size())));
        VBox content = new VBox(8, head, scroll);
        content.getStyleClass().add("notification-popover");
        content.setPrefWidth(380);
        bellPopOver = new PopOver(content);
        bellPopOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        bellPopOver.setDetachable(false);
        bellPopOver.show(bellButton);
        // keyboard users start in the list (Escape closes it and leaves the focus on the bell)
        Node first = list.getChildren().stream().filter(Node::isFocusTraversable).findFirst().orElse(all);
        first.requestFocus();
    }

    @FXML private void exportJson() { export(ExportApprovedTask.Format.JSON); }
    @FXML private void exportHootsuite() { export(ExportApprovedTask.Format.HOOTSUITE); }
    @FXML private void exportBuffer() { export(ExportApprovedTask.Format.BUFFER); }
    @FXML private void exportBylineCsv() { export(ExportApprovedTask.Format.BYLINE_CSV); }

    private void export(ExportApprovedTask.Format format) {
        Window w = root.getScene().getWindow();
        File target;
        if (format.folder()) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.text("queue.export.chooseFolder"));
            target = chooser.showDialog(w);
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.text("queue.export.chooseFile"));
            boolean json = format == ExportApprovedTask.Format.JSON;
            chooser.setInitialFileName(json ? "byline-approved.json" : "byline-approved.csv");
            chooser.getExtensionFilters().add(json ? new FileChooser.ExtensionFilter("JSON", "*.json")
                    : new FileChooser.ExtensionFilter("CSV", "*.csv"));
            target = chooser.showSaveDialog(w);
        }
        if (target != null) startExport(format, target.toPath());
    }

    /** Runs the export in the background with its progress in the header (tests call this directly). */
    public void startExport(ExportApprovedTask.Format format, java.nio.file.Path target) {
        ExportApprovedTask task = new ExportApprovedTask(publishing, format, target);
        exportTask = task;
        model.exportingProperty().set(true);
        exportLabel.setText(i18n.text("queue.export.running"));
        exportProgress.progressProperty().bind(task.progressProperty());
        exportBox.setVisible(true);
        runner.run(() -> {
            task.run();
            return task.get();
        }, result -> {
            exportDone();
            if (result == null) return;
            String text = i18n.text("queue.export.done", result.exported().size(), result.files().size());
            if (!result.refused().isEmpty()) text += " " + i18n.text("queue.export.refused", result.refused().size());
            status.show(text);
            if (!result.refused().isEmpty() || !result.warnings().isEmpty()) {
                StringBuilder details = new StringBuilder();
                result.refused().forEach((id, gate) -> details.append(i18n.text("queue.export.refusedPost", id)).append(' ')
                        .append(gateText(gate)).append('\n'));
                result.warnings().forEach(wn -> details.append(wn).append('\n'));
                dialogs.choose(i18n.text("queue.export.title"), text, details.toString().strip(), List.of(i18n.text("common.ok")));
            }
        }, e -> {
            exportDone();
            if (e instanceof java.util.concurrent.CancellationException) status.show(i18n.text("queue.export.cancelled"));
            else dialogs.error(e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e);
        });
    }

    private void exportDone() {
        exportProgress.progressProperty().unbind();
        exportBox.setVisible(false);
        model.exportingProperty().set(false);
        exportTask = null;
    }

    @FXML
    private void cancelExport() {
        if (exportTask != null) exportTask.cancel();
    }

    // ------------------------------------------------------------------ filters and table

    private void initFilters() {
        viewBox.getItems().setAll(QueueViewModel.View.values());
        viewBox.setConverter(converter(v -> i18n.text("queue.view." + v.name().toLowerCase(Locale.ROOT).replace('_', '-')), null));
        viewBox.valueProperty().bindBidirectional(model.viewProperty());
        executiveBox.setConverter(converter(Executive::name, i18n.text("queue.filter.any")));
        model.executives().addListener((ListChangeListener<Executive>) c -> {
            Executive keep = executiveBox.getValue();
            executiveBox.getItems().setAll(withNull(model.executives()));
            executiveBox.setValue(keep);
            Executive keepCal = calendarExecutiveBox.getValue();
            calendarExecutiveBox.getItems().setAll(withNull(model.executives()));
            calendarExecutiveBox.setValue(keepCal);
        });
        executiveBox.getItems().setAll(withNull(List.of()));
        for (ComboBox<?> b : List.of(executiveBox, platformBox, stateBox, severityBox)) b.setPromptText(i18n.text("queue.filter.any"));
        executiveBox.valueProperty().bindBidirectional(model.executiveProperty());
        platformBox.getItems().setAll(withNull(List.of(Platform.values())));
        platformBox.setConverter(converter(Platform::displayName, i18n.text("queue.filter.any")));
        platformBox.valueProperty().bindBidirectional(model.platformProperty());
        stateBox.getItems().setAll(withNull(List.of(PostState.values())));
        stateBox.setConverter(converter(s -> PostStates.name(s, i18n), i18n.text("queue.filter.any")));
        stateBox.valueProperty().bindBidirectional(model.stateProperty());
        severityBox.getItems().setAll(withNull(List.of(Severity.BLOCK, Severity.WARN, Severity.INFO)));
        severityBox.setConverter(converter(s -> i18n.text("queue.filter.severity." + s.name().toLowerCase(Locale.ROOT)),
                i18n.text("queue.filter.any")));
        severityBox.valueProperty().bindBidirectional(model.minSeverityProperty());
        searchField.textProperty().bindBidirectional(model.searchProperty());
        searchField.setTooltip(new Tooltip(i18n.text("queue.filter.search.tooltip",
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).getDisplayText())));
    }

    private void initTable() {
        table.setItems(model.items());
        postColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        postColumn.setCellFactory(col -> graphicCell(this::postCell));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(col -> graphicCell(item -> stateChip(item.state())));
        findingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        findingColumn.setCellFactory(col -> graphicCell(this::findingCell));
        deadlineColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        deadlineColumn.setCellFactory(col -> graphicCell(this::deadlineCell));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Region());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) model.selectedProperty().set(item);
        });
        model.selectedProperty().addListener((o, a, item) -> {
            if (item == null) table.getSelectionModel().clearSelection();
            else if (table.getSelectionModel().getSelectedItem() != item) table.getSelectionModel().select(item);
        });
        emptyState.visibleProperty().bind(model.loadedProperty().and(Bindings.isEmpty(model.items())));
        Runnable emptyText = () -> {
            boolean waiting = model.viewProperty().get() == QueueViewModel.View.WAITING_ON_ME;
            emptyTitle.setText(i18n.text(model.filtered() ? "queue.empty.filtered.title"
                    : waiting ? "queue.empty.waiting.title" : "queue.empty.title"));
            emptyHint.setText(i18n.text(model.filtered() ? "queue.empty.filtered.hint"
                    : waiting ? "queue.empty.waiting.hint" : "queue.empty.hint"));
        };
        model.items().addListener((ListChangeListener<QueueItem>) c -> emptyText.run());
        emptyText.run();
        clearFiltersButton.disableProperty().bind(Bindings.createBooleanBinding(model::filtered, model.executiveProperty(),
                model.platformProperty(), model.stateProperty(), model.minSeverityProperty(), model.searchProperty()));
    }

    private Node stateChip(PostState s) {
        Label l = new Label(PostStates.name(s, i18n));
        l.getStyleClass().addAll(StyleClasses.STATE_CHIP, StyleClasses.state(s.name()));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Executive and platforms on the first line, the first words of the post under them. */
    private Node postCell(QueueItem item) {
        Label name = new Label(item.executiveName());
        name.getStyleClass().add("cell-title");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label platforms = new Label(QueueTexts.platforms(item.platforms()));
        platforms.getStyleClass().add(StyleClasses.HINT);
        HBox first = new HBox(8, name, platforms);
        first.setAlignment(Pos.BASELINE_LEFT);
        Label text = new Label(QueueTexts.shorten(item.excerpt(), 120));
        text.getStyleClass().add(StyleClasses.MUTED);
        text.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(2, first, text);
        box.setMinWidth(0);
        box.setAccessibleText(item.executiveName() + ", " + QueueTexts.platforms(item.platforms()) + ": " + item.excerpt());
        return box;
    }

    private Node findingCell(QueueItem item) {
        if (item.worstSeverity() == null) {
            Label none = new Label("—");
            none.getStyleClass().add(StyleClasses.MUTED);
            none.setAccessibleText(i18n.text("queue.finding.none"));
            return none;
        }
        Label l = new Label(item.unresolved() > 0 ? String.valueOf(item.unresolved()) : "", Icons.of(Icons.severity(item.worstSeverity())));
        l.getStyleClass().addAll(StyleClasses.SEVERITY_CHIP, StyleClasses.severity(item.worstSeverity()));
        String tip = Severities.name(item.worstSeverity(), i18n)
                + (item.worstFinding() == null ? "" : ": " + FindingTexts.message(i18n.locale(), item.worstFinding(), null))
                + "\n" + i18n.text("queue.finding.unresolved", item.unresolved());
        l.setTooltip(new Tooltip(tip));
        l.setAccessibleText(tip);
        return l;
    }

    private Node deadlineCell(QueueItem item) {
        boolean awaiting = PostState.AWAITING_APPROVAL.contains(item.state());
        ZoneId executiveZone = model.zoneOf(item.executiveId());
        Label date = new Label(PublishTimes.brief(awaiting ? item.deadline() : item.publishAt(), executiveZone, i18n.locale()));
        date.setMinWidth(Region.USE_PREF_SIZE);
        HBox first = new HBox(6, date);
        first.setAlignment(Pos.CENTER_LEFT);
        if (awaiting && !item.deadline().isAfter(model.now())) {
            first.getChildren().add(flag("queue.deadline.over", StyleClasses.FINDING_BLOCK));
        } else if (item.nearDeadline()) {
            first.getChildren().add(flag("queue.deadline.near", StyleClasses.FINDING_WARN));
        }
        VBox box = new VBox(2, first);
        String second = item.waitingStep() != null ? i18n.text("queue.waitingOn", item.waitingStep())
                : awaiting ? i18n.text("queue.due.approve") : i18n.text("queue.due.publishes");
        Label step = new Label(second);
        step.getStyleClass().add(StyleClasses.HINT);
        box.getChildren().add(step);
        Tooltip.install(box, new Tooltip(i18n.text("queue.deadline.tooltip", PublishTimes.full(item.publishAt(), executiveZone, i18n.locale()))));
        return box;
    }

    private Label flag(String key, String style) {
        Label l = new Label(i18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(StyleClasses.CHIP, style);
        return l;
    }

    private <T> TableCell<QueueItem, QueueItem> graphicCell(Function<QueueItem, Node> make) {
        return new TableCell<>() {
            @Override
            protected void updateItem(QueueItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : make.apply(item));
            }
        };
    }

    @FXML
    private void clearFilters() {
        model.clearFilters();
    }

    // ------------------------------------------------------------------ detail

    private void initDetail() {
        noSelection.visibleProperty().bind(model.detailProperty().isNull());
        detailPane.visibleProperty().bind(model.detailProperty().isNotNull());
        model.detailProperty().addListener((o, a, d) -> renderDetail());
        model.handoverProperty().addListener((o, a, h) -> renderDetail());
        model.errors().addListener((javafx.collections.MapChangeListener<String, String>) c -> showErrors());
        actionError.getStyleClass().add(StyleClasses.FIELD_ERROR);
        actionError.managedProperty().bind(actionError.visibleProperty());
        actionProblem.managedProperty().bind(actionProblem.visibleProperty());
        actionProblem.setMinHeight(Region.USE_PREF_SIZE);
        actionError.setMinHeight(Region.USE_PREF_SIZE);
        for (Button b : List.of(approveButton, requestChangesButton, rejectButton)) b.setMinWidth(Region.USE_PREF_SIZE);
        approveButton.setGraphic(Icons.of(Icons.CHECK));
        String approveKeys = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).getDisplayText();
        approveButton.setTooltip(new Tooltip(i18n.text("queue.approve.tooltip", approveKeys)));
        requestChangesButton.setTooltip(new Tooltip(i18n.text("queue.requestChanges.tooltip",
                new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).getDisplayText())));
        rejectButton.setTooltip(new Tooltip(i18n.text("queue.reject.tooltip")));
        for (Button b : List.of(approveButton, requestChangesButton, rejectButton)) enable(b, false);
        showErrors();
    }

    /** Enabled while the user may act and nothing is running (the service refuses anyway). */
    private void enable(Button b, boolean may) {
        b.disableProperty().unbind();
        if (may) b.disableProperty().bind(model.busyProperty());
        else b.setDisable(true);
    }

    private void showErrors() {
        String key = model.errors().values().stream().findFirst().orElse(null);
        actionError.setVisible(key != null);
        actionError.setText(key == null ? "" : i18n.keyOrText(key));
    }

    private void renderDetail() {
        QueueViewModel.Detail d = model.detailProperty().get();
        detailBox.getChildren().clear();
        if (d == null) {
            for (Button b : List.of(approveButton, requestChangesButton, rejectButton)) enable(b, false);
            return;
        }
        ReviewService.Actions acts = d.actions();
        enable(approveButton, acts.canApprove());
        enable(requestChangesButton, acts.canRequestChanges());
        enable(rejectButton, acts.canReject());
        boolean inReview = d.post().post().state() == PostState.IN_REVIEW;
        boolean reviewBar = inReview || acts.canApprove() || acts.canRequestChanges() || acts.canReject();
        actionBar.setVisible(reviewBar);
        actionBar.setManaged(reviewBar);
        actionProblem.setVisible(acts.approveBlockKey() != null && inReview);
        actionProblem.setText(acts.approveBlockKey() == null ? "" : i18n.keyOrText(acts.approveBlockKey()));
        if (acts.canApprove() && acts.approveAs() != null) {
            actionProblem.setVisible(true);
            actionProblem.setText(i18n.text("queue.approve.as", QueueTexts.role(i18n, acts.approveAs())));
        }
        detailBox.getChildren().add(header(d));
        Node publish = publishSection(d);
        if (publish != null) detailBox.getChildren().add(publish); // for an approved post, publishing is what is next
        detailBox.getChildren().addAll(textSection(d), diffSection(d), findingsSection(d), previewsSection(d),
                chainSection(d), commentsSection(d));
    }

    private VBox section(String titleKey, Object... args) {
        Label title = new Label(i18n.text(titleKey, args));
        title.getStyleClass().add(StyleClasses.SECTION_TITLE);
        VBox box = new VBox(8, title);
        box.getStyleClass().add("detail-section");
        return box;
    }

    private Node header(QueueViewModel.Detail d) {
        var p = d.post();
        Label name = new Label(p.executive().name());
        name.getStyleClass().add("detail-title");
        name.setId("detailExecutive");
        Label state = (Label) stateChip(p.post().state());
        state.setId("detailState");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label version = new Label(i18n.text("queue.detail.version", p.current().number()));
        version.getStyleClass().add(StyleClasses.MUTED);
        HBox top = new HBox(10, name, state, spacer, version);
        top.setAlignment(Pos.CENTER_LEFT);
        ZoneId executiveZone = PublishTimes.zone(p.executive());
        Label when = new Label(i18n.text("queue.detail.when", PublishTimes.full(p.post().publishAt(), executiveZone, i18n.locale()),
                PublishTimes.full(p.deadline(), executiveZone, i18n.locale())));
        when.setId("detailWhen");
        when.setWrapText(true);
        Label who = new Label(i18n.text("queue.detail.author", p.current().authorName(),
                QueueTexts.platforms(p.targets().stream().map(Account::platform).distinct().toList())));
        who.getStyleClass().add(StyleClasses.MUTED);
        who.setWrapText(true);
        VBox box = new VBox(6, top, when, who);
        boolean awaiting = PostState.AWAITING_APPROVAL.contains(p.post().state());
        if (awaiting && !p.deadline().isAfter(model.now())) {
            box.getChildren().add(banner(i18n.text("queue.detail.deadlinePassed"), true));
        } else if (awaiting && model.items().stream().anyMatch(i -> i.postId() == d.postId() && i.nearDeadline())) {
            box.getChildren().add(banner(i18n.text("queue.detail.deadlineNear"), false));
        }
        if (p.post().submitReason() != null) {
            box.getChildren().add(banner(i18n.text("queue.detail.submitReason", p.post().submitReason()), false));
        }
        if (p.post().liveUrl() != null) {
            Label url = new Label(i18n.text("queue.detail.liveUrl", p.post().liveUrl()));
            url.setWrapText(true);
            box.getChildren().add(url);
        }
        box.getStyleClass().add("detail-section");
        return box;
    }

    private Label banner(String text, boolean error) {
        Label l = new Label(text, Icons.of(error ? Icons.ERROR : Icons.INFO));
        l.getStyleClass().add(StyleClasses.BANNER);
        if (error) l.getStyleClass().add(StyleClasses.BANNER_ERROR);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** The post's findings: as the final gate just computed them with the current policy, else as cached. */
    private List<PostFinding> findings(QueueViewModel.Detail d) {
        QueueViewModel.Handover h = model.handoverProperty().get();
        return h != null && h.gate().postId() == d.postId() ? h.gate().findings() : d.post().findings();
    }

    private Node textSection(QueueViewModel.Detail d) {
        VBox box = section("queue.detail.text");
        PostVersion v = d.post().current();
        List<PostFinding> shared = findings(d).stream()
                .filter(f -> f.platform() == null || !v.variants().containsKey(f.platform())).toList();
        var flow = Highlights.findings(v.text(), shared, i18n);
        flow.setId("detailText");
        box.getChildren().add(flow);
        return box;
    }

    private Node diffSection(QueueViewModel.Detail d) {
        var diff = d.diff();
        VBox box = section("queue.detail.diff");
        box.setId("diffSection");
        for (io.byline.domain.PostMove m : d.moves()) {
            String moved = i18n.text("queue.detail.moved", QueueTexts.dateTime(i18n, m.from(), zone),
                    QueueTexts.dateTime(i18n, m.to(), zone), m.userName());
            if (m.approvalsVoided() > 0) moved += " " + i18n.text("queue.detail.moved.voided", m.approvalsVoided());
            box.getChildren().add(hint(moved));
        }
        if (diff.fromNumber() == 0) {
            box.getChildren().add(hint(i18n.text("queue.detail.diff.first")));
        } else if (!diff.changed()) {
            box.getChildren().add(hint(i18n.text(d.moves().isEmpty() ? "queue.detail.diff.none" : "queue.detail.diff.textSame",
                    diff.fromNumber())));
        } else {
            box.getChildren().add(hint(i18n.text("queue.detail.diff.since", diff.fromNumber(), diff.toNumber())));
            var flow = Highlights.diff(diff.text());
            flow.setId("diffText");
            box.getChildren().add(flow);
            diff.variants().forEach((platform, segs) -> {
                if (segs.stream().anyMatch(s -> s.op() != io.byline.domain.WordDiff.Op.EQUAL)) {
                    Label l = new Label(platform.displayName());
                    l.getStyleClass().add("platform-label");
                    box.getChildren().addAll(l, Highlights.diff(segs));
                }
            });
            Label legend = hint(i18n.text("queue.detail.diff.legend"));
            legend.getStyleClass().add(StyleClasses.HINT);
            box.getChildren().add(legend);
        }
        return box;
    }

    private Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.MUTED);
        l.setWrapText(true);
        return l;
    }

    private Node findingsSection(QueueViewModel.Detail d) {
        List<PostFinding> fs = findings(d);
        VBox box = section("queue.detail.findings", fs.size());
        box.setId("findingsSection");
        if (fs.isEmpty()) {
            box.getChildren().add(hint(i18n.text("queue.detail.findings.none")));
            return box;
        }
        ReviewService.Actions acts = d.actions();
        for (PostFinding f : fs) {
            Label sev = new Label(Severities.name(f.severity(), i18n), Icons.of(Icons.severity(f.severity())));
            sev.getStyleClass().addAll(StyleClasses.SEVERITY_CHIP, StyleClasses.severity(f.severity()));
            sev.setMinWidth(Region.USE_PREF_SIZE);
            Label msg = new Label(d.message(f, i18n.locale())
                    + (f.platform() == null ? "" : " · " + f.platform().displayName()));
            msg.setWrapText(true);
            Label state = new Label(decisionText(f));
            state.getStyleClass().add(StyleClasses.HINT);
            state.setWrapText(true);
            VBox texts = new VBox(2, msg, state);
            HBox.setHgrow(texts, Priority.ALWAYS);
            HBox row = new HBox(10, sev, texts);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("finding-row");
            if (f.unresolved() && f.severity() == Severity.BLOCK && acts.canOverride()) {
                Button b = new Button(i18n.text("queue.finding.override"));
                b.getStyleClass().add("small");
                b.setId("override-" + f.fingerprint().substring(0, 8));
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.disableProperty().bind(model.busyProperty());
                b.setOnAction(e -> {
                    ReasonDialog.ask(window(), appearance, i18n, i18n.text("queue.override.title"),
                            i18n.text("queue.override.message"), i18n.text("queue.finding.override"), false, null)
                            .ifPresent(reason -> model.override(f.fingerprint(), reason));
                    Keyboard.returnFocus(b, table);
                });
                row.getChildren().add(b);
            } else if (f.unresolved() && f.severity() == Severity.WARN && acts.canAcknowledge()) {
                Button b = new Button(i18n.text("queue.finding.acknowledge"));
                b.getStyleClass().add("small");
                b.setId("ack-" + f.fingerprint().substring(0, 8));
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.disableProperty().bind(model.busyProperty());
                b.setOnAction(e -> model.acknowledge(f.fingerprint()));
                row.getChildren().add(b);
            }
            box.getChildren().add(row);
        }
        return box;
    }

    private String decisionText(PostFinding f) {
        if (f.severity() == Severity.INFO) return i18n.text("queue.finding.info");
        if (f.decision() == null || !f.decision().covers(f.severity())) {
            return i18n.text(f.severity() == Severity.BLOCK ? "queue.finding.needsOverride" : "queue.finding.needsAck");
        }
        String when = QueueTexts.dateTime(i18n, f.decision().at(), zone);
        if (f.decision().kind() == DecisionKind.OVERRIDE) {
            return i18n.text("queue.finding.overridden", f.decision().userName(), when, f.decision().reason());
        }
        return i18n.text("queue.finding.acknowledged", f.decision().userName(), when);
    }

    private Node previewsSection(QueueViewModel.Detail d) {
        VBox box = section("queue.detail.previews");
        FlowPane cards = new FlowPane(12, 12);
        PostVersion v = d.post().current();
        for (Account a : d.post().targets()) {
            String text = v.textFor(a.platform());
            Label platform = new Label(a.platform().displayName());
            platform.getStyleClass().add("platform-label");
            Label handle = new Label((a.platform() == Platform.LINKEDIN ? "" : "@") + a.handle());
            handle.getStyleClass().add(StyleClasses.MUTED);
            HBox head = new HBox(8, platform, handle);
            List<PostFinding> fs = findings(d).stream().filter(f -> f.platform() == a.platform()).toList();
            var flow = Highlights.findings(text, fs, i18n);
            LengthInfo length = d.length(a.platform());
            Label counter = new Label(i18n.text("queue.detail.count", length.count(), length.limit()));
            counter.getStyleClass().add(length.count() > length.limit() ? "counter-over" : StyleClasses.HINT);
            VBox card = new VBox(6, head, flow, counter);
            card.getStyleClass().add("preview-card");
            card.setPrefWidth(300);
            cards.getChildren().add(card);
        }
        box.getChildren().add(cards);
        return box;
    }

    private Node chainSection(QueueViewModel.Detail d) {
        VBox box = section("queue.detail.chain");
        box.setId("chainSection");
        ChainProgress progress = d.post().progress();
        ChainProgress.StepProgress current = progress.current().orElse(null);
        boolean inReview = d.post().post().state() == PostState.IN_REVIEW;
        for (ChainProgress.StepProgress st : progress.steps()) {
            String stateKey = st.done() ? "queue.chain.done" : (inReview && st == current) ? "queue.chain.waiting" : "queue.chain.pending";
            Label mark = new Label(i18n.text(stateKey));
            mark.getStyleClass().addAll(StyleClasses.CHIP, st.done() ? "state-approved" : (inReview && st == current) ? "state-in-review" : "state-draft");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            Label name = new Label(st.ordinal() + ". " + st.step().name());
            name.setStyle("-fx-font-weight: bold;");
            String rule = i18n.text(st.step().rule() == io.byline.domain.StepRule.ALL ? "chains.rule.all" : "chains.rule.any");
            Label roles = new Label(QueueTexts.roles(i18n, st.step().roles()) + " · " + rule);
            roles.getStyleClass().add(StyleClasses.HINT);
            VBox texts = new VBox(2, name, roles);
            for (Approval a : st.signatures()) {
                Label s = new Label(i18n.text("queue.chain.signed", a.userName(), QueueTexts.role(i18n, a.role()),
                        QueueTexts.dateTime(i18n, a.at(), zone)));
                s.getStyleClass().add(StyleClasses.MUTED);
                s.setWrapText(true);
                texts.getChildren().add(s);
            }
            HBox.setHgrow(texts, Priority.ALWAYS);
            HBox row = new HBox(10, texts, mark);
            row.getStyleClass().add("chain-row");
            row.setAlignment(Pos.TOP_LEFT);
            box.getChildren().add(row);
        }
        return box;
    }

    private Node publishSection(QueueViewModel.Detail d) {
        PostState s = d.post().post().state();
        if (!(s == PostState.APPROVED || s == PostState.SCHEDULED) || !d.canPublish()) return null;
        VBox box = section("queue.publish.title");
        box.setId("publishSection");
        QueueViewModel.Handover h = model.handoverProperty().get();
        if (h != null && h.gate().postId() != d.postId()) h = null;
        if (h == null) {
            box.getChildren().add(hint(i18n.text("queue.publish.hint")));
            Button go = new Button(i18n.text("queue.publish.button"));
            go.setId("publishButton");
            go.getStyleClass().add(StyleClasses.PRIMARY);
            go.disableProperty().bind(model.busyProperty());
            go.setOnAction(e -> model.prepareHandover());
            HBox bar = new HBox(go);
            bar.setAlignment(Pos.CENTER_RIGHT);
            box.getChildren().add(bar);
            return box;
        }
        if (!h.gate().ok()) {
            Label refused = banner(i18n.text("queue.publish.refused"), true);
            refused.setId("gateRefused");
            box.getChildren().add(refused);
            VBox reasons = new VBox(4);
            reasons.setId("gateProblems");
            for (PublishService.GateProblem p : h.gate().problems()) {
                Label l = new Label("• " + problemText(p, h.gate(), d));
                l.setWrapText(true);
                reasons.getChildren().add(l);
            }
            box.getChildren().add(reasons);
            Button again = new Button(i18n.text("queue.publish.again"));
            again.setId("publishAgainButton");
            again.setOnAction(e -> model.prepareHandover());
            HBox bar = new HBox(again);
            bar.setAlignment(Pos.CENTER_RIGHT);
            box.getChildren().add(bar);
            return box;
        }
        Label ok = banner(i18n.text("queue.publish.passed", h.gate().versionNumber()), false);
        ok.setId("gatePassed");
        box.getChildren().add(ok);
        for (PublishService.HandoverText t : h.texts()) {
            Label which = new Label(t.platform().displayName() + "  " + (t.platform() == Platform.LINKEDIN ? "" : "@") + t.handle());
            which.setStyle("-fx-font-weight: bold;");
            HBox.setHgrow(which, Priority.ALWAYS);
            which.setMaxWidth(Double.MAX_VALUE);
            Button copy = new Button(i18n.text("queue.publish.copy"));
            copy.setId("copy-" + t.platform().id());
            copy.setMinWidth(Region.USE_PREF_SIZE);
            copy.setOnAction(e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(t.text());
                Clipboard.getSystemClipboard().setContent(c);
                copy.setText(i18n.text("queue.publish.copied"));
                status.show(i18n.text("queue.publish.copiedStatus", t.platform().displayName()));
            });
            HBox row = new HBox(8, which, copy);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        Label urlLabel = new Label(i18n.text("queue.publish.url"));
        urlLabel.getStyleClass().add(StyleClasses.FIELD_LABEL);
        TextField url = new TextField();
        url.setId("liveUrlField");
        io.byline.ui.common.Keyboard.label(urlLabel, url);
        url.setPromptText("https://");
        Label urlError = new Label();
        urlError.setId("liveUrlError");
        urlError.getStyleClass().add(StyleClasses.FIELD_ERROR);
        // a binding, not a listener: the pane is rebuilt on every redraw, and bindings let go of the old one
        javafx.beans.binding.ObjectBinding<String> liveUrlError = Bindings.valueAt(model.errors(), "liveUrl");
        urlError.textProperty().bind(Bindings.createStringBinding(
                () -> liveUrlError.get() == null ? "" : i18n.keyOrText(liveUrlError.get()), liveUrlError));
        urlError.visibleProperty().bind(liveUrlError.isNotNull());
        urlError.managedProperty().bind(urlError.visibleProperty());
        Button scheduled = new Button(i18n.text("queue.publish.markScheduled"));
        scheduled.setId("markScheduledButton");
        scheduled.setVisible(s == PostState.APPROVED);
        scheduled.setManaged(s == PostState.APPROVED);
        scheduled.setOnAction(e -> model.markScheduled());
        Button published = new Button(i18n.text("queue.publish.markPublished"));
        published.setId("markPublishedButton");
        published.getStyleClass().add(StyleClasses.PRIMARY);
        published.disableProperty().bind(model.busyProperty());
        published.setOnAction(e -> model.markPublished(url.getText()));
        HBox bar = new HBox(8, scheduled, published);
        bar.setAlignment(Pos.CENTER_RIGHT);
        box.getChildren().addAll(new VBox(4, urlLabel, url, hint(i18n.text("queue.publish.url.hint")), urlError), bar);
        return box;
    }

    private String problemText(PublishService.GateProblem p, PublishService.GateResult gate, QueueViewModel.Detail d) {
        Object[] args = p.args().toArray();
        if (p.code() == PublishService.ProblemCode.STATE && !p.args().isEmpty()) {
            args = new Object[] {PostStates.name(PostState.valueOf(p.args().get(0)), i18n)};
        }
        boolean block = p.code() == PublishService.ProblemCode.BLOCK_FINDING;
        if ((block || p.code() == PublishService.ProblemCode.UNACKNOWLEDGED_WARNING) && gate != null && p.args().size() == 3) {
            Platform platform = Platform.fromId(p.args().get(2)).orElse(null);
            PostFinding f = gate.findings().stream().filter(x -> x.unresolved() && x.rule().equals(p.args().get(0))
                    && (x.termId() == null ? "" : x.termId()).equals(p.args().get(1)) && x.platform() == platform)
                    .findFirst().orElse(null);
            if (f != null) {
                String message = d == null ? FindingTexts.message(i18n.locale(), f, null) : d.message(f, i18n.locale());
                return i18n.text(block ? "queue.publish.problem.block" : "queue.publish.problem.warn",
                        message, platform == null ? "" : platform.displayName());
            }
        }
        return i18n.has(p.messageKey()) ? i18n.text(p.messageKey(), args) : p.messageKey();
    }

    private String gateText(PublishService.GateResult g) {
        return String.join("; ", g.problems().stream().map(p -> problemText(p, g, null)).toList());
    }

    private Node commentsSection(QueueViewModel.Detail d) {
        VBox box = section("queue.comments.title", d.comments().size());
        box.setId("commentsSection");
        Label hint = hint(i18n.text("queue.comments.hint"));
        box.getChildren().add(hint);
        for (Comment c : d.comments()) {
            Label who = new Label(c.userName() + " · " + QueueTexts.dateTime(i18n, c.createdAt(), zone));
            who.getStyleClass().add(StyleClasses.HINT);
            Label text = new Label(c.text());
            text.setWrapText(true);
            VBox row = new VBox(2, who, text);
            row.getStyleClass().add("comment-row");
            box.getChildren().add(row);
        }
        TextArea area = new TextArea();
        area.setId("commentArea");
        area.setPromptText(i18n.text("queue.comments.prompt"));
        area.setPrefRowCount(2);
        area.setWrapText(true);
        area.setAccessibleText(i18n.text("queue.comments.prompt"));
        Button add = new Button(i18n.text("queue.comments.add"));
        add.setId("addCommentButton");
        add.disableProperty().bind(area.textProperty().isEmpty().or(model.busyProperty()));
        add.setOnAction(e -> {
            model.comment(area.getText());
        });
        Label err = new Label();
        err.getStyleClass().add(StyleClasses.FIELD_ERROR);
        String e0 = model.errors().get("comment");
        err.setText(e0 == null ? "" : i18n.keyOrText(e0));
        err.setVisible(e0 != null);
        err.managedProperty().bind(err.visibleProperty());
        HBox bar = new HBox(add);
        bar.setAlignment(Pos.CENTER_RIGHT);
        box.getChildren().addAll(area, err, bar);
        return box;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void approve() {
        model.approve();
    }

    @FXML
    private void requestChanges() {
        Node opener = Keyboard.focusOwner(root);
        ReasonDialog.ask(window(), appearance, i18n, i18n.text("queue.requestChanges.title"),
                i18n.text("queue.requestChanges.message"), i18n.text("queue.requestChanges.confirm"), false, null)
                .ifPresent(model::requestChanges);
        Keyboard.returnFocus(opener, table);
    }

    @FXML
    private void reject() {
        Node opener = Keyboard.focusOwner(root);
        ReasonDialog.ask(window(), appearance, i18n, i18n.text("queue.reject.title"), i18n.text("queue.reject.message"),
                i18n.text("queue.reject.confirm"), true, null).ifPresent(model::reject);
        Keyboard.returnFocus(opener, table);
    }

    private void installShortcuts(Scene scene) {
        if (scene == null) return;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            if (root.getParent() != null && tabs.getSelectionModel().getSelectedItem() == queueTab && !approveButton.isDisabled()) approve();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            if (root.getParent() != null && !requestChangesButton.isDisabled()) requestChanges();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (root.getParent() == null) return;
            tabs.getSelectionModel().select(queueTab);
            searchField.requestFocus();
        });
    }

    // ------------------------------------------------------------------ calendar

    private void initCalendar() {
        calendarView = new CalendarView(calendar, i18n, id -> {
            tabs.getSelectionModel().select(queueTab);
            model.show(id);
        });
        calendarHolder.getChildren().add(calendarView);
        ToggleGroup g = new ToggleGroup();
        monthToggle.setToggleGroup(g);
        weekToggle.setToggleGroup(g);
        monthToggle.setSelected(true);
        g.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
                return;
            }
            calendar.modeProperty().set(t == weekToggle ? CalendarViewModel.Mode.WEEK : CalendarViewModel.Mode.MONTH);
        });
        previousButton.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_LEFT));
        nextButton.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_RIGHT));
        previousButton.setTooltip(new Tooltip(i18n.text("calendar.previous")));
        nextButton.setTooltip(new Tooltip(i18n.text("calendar.next")));
        calendarExecutiveBox.setConverter(converter(Executive::name, i18n.text("calendar.allExecutives")));
        calendarExecutiveBox.getItems().setAll(withNull(List.of()));
        calendarExecutiveBox.setPromptText(i18n.text("calendar.allExecutives"));
        calendarExecutiveBox.valueProperty().bindBidirectional(calendar.executiveProperty());
        periodLabel.textProperty().bind(Bindings.createStringBinding(this::periodText, calendar.modeProperty(),
                calendar.anchorProperty()));
        calendarHint.setText(i18n.text(calendar.canReschedule() ? "calendar.hint.move" : "calendar.hint.view"));
        moveBanner.setVisible(false);
        moveBanner.managedProperty().bind(moveBanner.visibleProperty());
        calendar.lastMoveProperty().addListener((o, a, m) -> showMove(m));
    }

    private String periodText() {
        var days = calendar.days();
        if (calendar.modeProperty().get() == CalendarViewModel.Mode.MONTH) {
            var a = calendar.anchorProperty().get();
            return a.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, i18n.locale()) + " " + a.getYear();
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", i18n.locale());
        return days.get(0).format(f) + " – " + days.get(6).format(f);
    }

    private void showMove(CalendarViewModel.MoveOutcome m) {
        moveBanner.getStyleClass().remove(StyleClasses.BANNER_ERROR);
        if (m == null) {
            moveBanner.setVisible(false);
            return;
        }
        String day = m.day().format(DateTimeFormatter.ofPattern("EEEE d MMMM", i18n.locale()));
        String text;
        boolean bad;
        if (!m.ok()) {
            text = i18n.text("calendar.move.refused", day, i18n.keyOrText(m.errorKey()));
            bad = true;
        } else if (!m.result().newFindings().isEmpty()) {
            text = i18n.text("calendar.move.embargo", day, m.result().newFindings().size(), m.result().approvalsVoided());
            bad = true;
        } else if (m.result().approvalsVoided() > 0) {
            text = i18n.text("calendar.move.voided", day, m.result().approvalsVoided());
            bad = false;
        } else {
            text = i18n.text("calendar.move.done", day);
            bad = false;
        }
        moveBanner.setText(text);
        moveBanner.setGraphic(Icons.of(bad ? Icons.ERROR : Icons.CHECK));
        if (bad) moveBanner.getStyleClass().add(StyleClasses.BANNER_ERROR);
        moveBanner.setVisible(true);
        status.show(text);
    }

    @FXML private void previousPeriod() { calendar.previous(); }
    @FXML private void nextPeriod() { calendar.next(); }
    @FXML private void today() { calendar.goToday(); }

    // ------------------------------------------------------------------ for tests

    public QueueViewModel model() {
        return model;
    }

    public CalendarViewModel calendar() {
        return calendar;
    }

    public CalendarView calendarView() {
        return calendarView;
    }

    public NotificationsViewModel bell() {
        return bell;
    }

    // ------------------------------------------------------------------ helpers

    private static <T> List<T> withNull(List<T> items) {
        java.util.ArrayList<T> out = new java.util.ArrayList<>();
        out.add(null);
        out.addAll(items);
        return out;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f, String nullText) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? (nullText == null ? "" : nullText) : f.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
