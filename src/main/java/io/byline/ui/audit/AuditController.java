package io.byline.ui.audit;

import io.byline.domain.AuditEvent;
import io.byline.domain.ExportFormat;
import io.byline.domain.StorageException;
import io.byline.service.AuditService;
import io.byline.service.EvidenceService;
import io.byline.service.WorkspaceService;
import io.byline.ui.common.DateFields;
import io.byline.ui.common.FileChoosers;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Icons;
import io.byline.ui.common.Screen;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The Audit screen: the log with filters, the chain check, exports, checkpoints and evidence bundles. */
public final class AuditController implements Screen {
    private final TaskRunner runner;
    private final I18n i18n;
    private final ShellStatus status;
    private final FileChoosers files;
    private final AuditViewModel model;
    private final AuditExportsViewModel exports;
    private final AuditEventText text;
    private VerifyAuditTask verifying;
    private long badEntry = -1;

    @FXML private VBox root;
    @FXML private Button verifyButton;
    @FXML private VBox verifyBox;
    @FXML private StackPane verifyIcon;
    @FXML private Label verifyLabel;
    @FXML private Button showBadButton;
    @FXML private Button cancelVerifyButton;
    @FXML private ProgressBar verifyProgress;
    @FXML private ComboBox<AuditService.Actor> userBox;
    @FXML private ComboBox<String> eventBox;
    @FXML private ComboBox<String> entityBox;
    @FXML private TextField entityIdField;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Label idError;
    @FXML private Label countLabel;
    @FXML private Button checkpointButton;
    @FXML private Button evidenceButton;
    @FXML private Button exportButton;
    @FXML private Label resultBanner;
    @FXML private TableView<AuditEvent> table;
    @FXML private TableColumn<AuditEvent, Long> seqColumn;
    @FXML private TableColumn<AuditEvent, String> whenColumn;
    @FXML private TableColumn<AuditEvent, String> whoColumn;
    @FXML private TableColumn<AuditEvent, String> eventColumn;
    @FXML private TableColumn<AuditEvent, String> onColumn;
    @FXML private TableColumn<AuditEvent, String> detailsColumn;
    @FXML private VBox emptyState;

    public AuditController(AuditService audit, EvidenceService evidence, WorkspaceService workspace, TaskRunner runner,
                           I18n i18n, ShellStatus status, FileChoosers files) {
        this.runner = runner;
        this.i18n = i18n;
        this.status = status;
        this.files = files;
        ZoneId zone = ZoneId.systemDefault();
        this.model = new AuditViewModel(audit, runner, zone);
        this.exports = new AuditExportsViewModel(audit, evidence, workspace, runner, model::reload);
        this.text = new AuditEventText(i18n, zone);
    }

    @FXML
    private void initialize() {
        show(verifyBox, false);
        show(resultBanner, false);
        verifyButton.setTooltip(new Tooltip(i18n.text("audit.verify.tooltip")));
        verifyButton.setGraphic(Icons.of(Icons.CHECK));
        exportButton.setTooltip(new Tooltip(i18n.text("audit.export.tooltip")));
        checkpointButton.setTooltip(new Tooltip(i18n.text("audit.checkpoint.tooltip")));
        evidenceButton.setTooltip(new Tooltip(i18n.text("audit.evidence.tooltip")));

        // filters
        userBox.setItems(withNull(model.actors()));
        userBox.setConverter(converter(a -> a == null ? i18n.text("audit.filter.anyUser") : a.name()));
        userBox.valueProperty().bindBidirectional(model.actorProperty());
        eventBox.setItems(withNull(model.types()));
        eventBox.setConverter(converter(text::typeLabel));
        eventBox.valueProperty().bindBidirectional(model.typeProperty());
        entityBox.getItems().add(null);
        entityBox.getItems().addAll(AuditViewModel.ENTITY_TYPES);
        entityBox.setConverter(converter(text::entityTypeLabel));
        entityBox.valueProperty().bindBidirectional(model.entityTypeProperty());
        entityIdField.textProperty().bindBidirectional(model.entityIdProperty());
        entityIdField.disableProperty().bind(model.entityTypeProperty().isNull());
        cells(userBox);
        cells(eventBox);
        cells(entityBox);
        fromPicker.setConverter(DateFields.converter(i18n.locale()));
        toPicker.setConverter(DateFields.converter(i18n.locale()));
        fromPicker.valueProperty().bindBidirectional(model.fromProperty());
        toPicker.valueProperty().bindBidirectional(model.toProperty());
        idError.textProperty().bind(Bindings.createStringBinding(() -> model.idErrorProperty().get() == null ? ""
                : i18n.text(model.idErrorProperty().get()), model.idErrorProperty()));
        idError.visibleProperty().bind(model.idErrorProperty().isNotNull());
        idError.managedProperty().bind(idError.visibleProperty());

        // table
        table.setItems(model.entries());
        table.setPlaceholder(new Label(""));
        seqColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seq()));
        whenColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.when(c.getValue())));
        whoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.who(c.getValue())));
        eventColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.eventName(c.getValue().type())));
        onColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.entity(c.getValue())));
        detailsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.details(c.getValue())));
        detailsColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isBlank() ? null : new Tooltip(s));
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEvent e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("bad-entry");
                if (!empty && e != null && e.seq() == badEntry) getStyleClass().add("bad-entry");
            }
        });
        emptyState.visibleProperty().bind(model.loadedProperty().and(Bindings.isEmpty(model.entries())));
        countLabel.textProperty().bind(Bindings.createStringBinding(this::countText, model.entries(),
                model.totalProperty(), model.loadingProperty(), model.loadedProperty()));
        evidenceButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.evidencePost(table.getSelectionModel().getSelectedItem()).isEmpty(),
                table.getSelectionModel().selectedItemProperty(), model.entityTypeProperty(), model.entityIdProperty()));
        model.failureProperty().addListener((o, old, e) -> {
            if (e != null) showResult(problemText(e), true);
        });
        exports.outcomeProperty().addListener((o, old, r) -> {
            if (r == null) return;
            showResult(r.failed() ? problemText(r.error()) : i18n.text(r.key(), r.args().toArray()), r.failed());
        });

        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) return;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    () -> ifShown(this::verify));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> ifShown(this::export));
        });
        model.load();
    }

    @Override
    public void shown() {
        model.load();
    }

    private void ifShown(Runnable r) {
        if (root.getParent() != null && root.isVisible()) r.run();
    }

    private String countText() {
        if (!model.loadedProperty().get()) return i18n.text("audit.loading");
        long total = model.totalProperty().get();
        int shown = model.entries().size();
        if (total > shown) return i18n.text("audit.count.limited", shown, total);
        return i18n.text("audit.count.all", total);
    }

    // ---- verify -----------------------------------------------------------------------------------------------

    @FXML
    private void verify() {
        if (verifying != null) return;
        VerifyAuditTask task = exports.verifyTask();
        verifying = task;
        badEntry = -1;
        table.refresh();
        show(verifyBox, true);
        setBanner(null);
        verifyProgress.progressProperty().bind(task.progressProperty());
        show(verifyProgress, true);
        show(cancelVerifyButton, true);
        show(showBadButton, false);
        verifyButton.setDisable(true);
        verifyLabel.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("audit.verify.running",
                (long) Math.max(0, task.getWorkDone()), (long) Math.max(0, task.getTotalWork())),
                task.workDoneProperty(), task.totalWorkProperty()));
        runner.run(() -> {
            task.run();
            return task.get();
        }, this::verified, e -> {
            finishVerify();
            if (task.isCancelled() || e instanceof java.util.concurrent.CancellationException) {
                verifyLabel.setText(i18n.text("audit.verify.cancelled"));
                setBanner(null);
            } else {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                verifyLabel.setText(i18n.text("audit.verify.failed") + " " + problemText(cause));
                setBanner(false);
            }
        });
    }

    private void verified(AuditService.Check c) {
        finishVerify();
        if (c.ok()) {
            verifyLabel.setText(i18n.text("audit.verify.ok", c.entries(), c.lastSeq()));
            setBanner(true);
        } else {
            badEntry = c.firstBad();
            String kind = c.kind() == null ? c.problem() : i18n.text("audit.verify.kind." + c.kind());
            verifyLabel.setText(i18n.text("audit.verify.bad", c.firstBad(), kind));
            showBadButton.setText(i18n.text("audit.verify.bad.show", c.firstBad()));
            show(showBadButton, true);
            setBanner(false);
            table.refresh();
        }
    }

    private void finishVerify() {
        verifying = null;
        verifyLabel.textProperty().unbind();
        verifyProgress.progressProperty().unbind();
        show(verifyProgress, false);
        show(cancelVerifyButton, false);
        verifyButton.setDisable(false);
    }

    @FXML
    private void cancelVerify() {
        if (verifying != null) verifying.cancel();
    }

    /** Brings the first bad entry into view (among the entries listed), selected. */
    @FXML
    private void showBad() {
        if (badEntry < 0) return;
        Optional<AuditEvent> e = model.entries().stream().filter(x -> x.seq() == badEntry).findFirst();
        if (e.isEmpty()) {
            model.clearFilters();
            return;
        }
        table.getSelectionModel().select(e.get());
        table.scrollTo(e.get());
        table.requestFocus();
    }

    /** {@code null}: neutral (running), true: the chain holds, false: it does not. */
    private void setBanner(Boolean ok) {
        verifyBox.getStyleClass().removeAll("banner-ok", StyleClasses.BANNER_ERROR);
        if (ok == null) {
            verifyIcon.getChildren().setAll(Icons.of(Icons.INFO));
        } else if (ok) {
            verifyBox.getStyleClass().add("banner-ok");
            verifyIcon.getChildren().setAll(Icons.of(Icons.CHECK));
        } else {
            verifyBox.getStyleClass().add(StyleClasses.BANNER_ERROR);
            verifyIcon.getChildren().setAll(Icons.of(Icons.ERROR));
        }
    }

    // ---- exports ----------------------------------------------------------------------------------------------

    @FXML
    private void export() {
        var filter = model.filter();
        if (filter.isEmpty()) return;
        FileChoosers.Kind jsonl = new FileChoosers.Kind(i18n.text("audit.export.jsonl"), "*.jsonl");
        FileChoosers.Kind csv = new FileChoosers.Kind(i18n.text("audit.export.csv"), "*.csv");
        Optional<Path> target = files.save(window(), i18n.text("audit.export.title"), null,
                "audit-" + LocalDate.now() + ".jsonl", List.of(jsonl, csv));
        if (target.isEmpty()) return;
        Path file = target.get();
        exports.export(file, filter.get());
    }

    @FXML
    private void exportCheckpoint() {
        Optional<Path> target = files.save(window(), i18n.text("audit.checkpoint.title"), null,
                "byline-audit-checkpoint-" + LocalDate.now() + ".txt",
                List.of(new FileChoosers.Kind(i18n.text("audit.checkpoint.filter"), "*.txt")));
        if (target.isEmpty()) return;
        Path file = target.get();
        exports.checkpoint(file);
    }

    @FXML
    private void exportEvidence() {
        Optional<String> post = model.evidencePost(table.getSelectionModel().getSelectedItem());
        if (post.isEmpty()) {
            showResult(i18n.text("audit.evidence.needPost"), true);
            return;
        }
        long id = Long.parseLong(post.get());
        Optional<Path> target = files.save(window(), i18n.text("audit.evidence.title", post.get()), null,
                "evidence-post-" + id + ".json", List.of(new FileChoosers.Kind(i18n.text("audit.evidence.filter"), "*.json")));
        if (target.isEmpty()) return;
        exports.evidence(id, target.get());
    }

    @FXML
    private void clearFilters() {
        model.clearFilters();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void showResult(String message, boolean error) {
        resultBanner.setText(message);
        resultBanner.getStyleClass().remove(StyleClasses.BANNER_ERROR);
        if (error) resultBanner.getStyleClass().add(StyleClasses.BANNER_ERROR);
        resultBanner.setGraphic(Icons.of(error ? Icons.ERROR : Icons.CHECK));
        show(resultBanner, true);
        if (!error) status.show(message);
    }

    private String problemText(Throwable e) {
        I18n.Problem p = i18n.problem(e);
        String details = e instanceof StorageException && p.details() != null ? " (" + p.details() + ")" : "";
        return p.what() + ". " + p.action() + details;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static <T> javafx.collections.ObservableList<T> withNull(javafx.collections.ObservableList<T> source) {
        javafx.collections.ObservableList<T> out = javafx.collections.FXCollections.observableArrayList();
        Runnable copy = () -> {
            List<T> items = new java.util.ArrayList<>();
            items.add(null);
            items.addAll(source);
            out.setAll(items);
        };
        copy.run();
        source.addListener((javafx.collections.ListChangeListener<T>) c -> copy.run());
        return out;
    }

    /** Cells that show every item, null ("any") included, through the converter. */
    private static <T> void cells(ComboBox<T> box) {
        javafx.util.Callback<javafx.scene.control.ListView<T>, javafx.scene.control.ListCell<T>> factory = lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : box.getConverter().toString(item));
            }
        };
        box.setCellFactory(factory);
        box.setButtonCell(factory.call(null));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
