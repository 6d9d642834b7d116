package io.byline.ui.policy;

import io.byline.domain.AllowProposal;
import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;
import io.byline.service.AllowProposalService;
import io.byline.service.PolicyBenchService;
import io.byline.service.PolicyService;
import io.byline.service.PolicyTransferService;
import io.byline.ui.common.DateFields;
import io.byline.ui.common.FxTaskRunner;
import io.byline.ui.common.PolicyRechecks;
import io.byline.ui.common.Severities;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FieldErrors;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Keyboard;
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
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Policy screen (Legal, Approver, Admin): terms and patterns with filters and an editor whose pattern tester
 * highlights matches live; allowed phrases and internal domains; embargoes by lift date; proposals to allow a
 * phrase; import with a preview and export. Every change goes through the test bench before it is saved, and a
 * saved change starts the re-check of posts on their way.
 */
public final class PolicyController implements Screen {
    private final PolicyViewModel model;
    private final PolicyTransferService transfer;
    private final PolicyBenchService bench;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ShellStatus status;
    private final Appearance appearance;
    private final PolicyRechecks rechecks;
    private final DateTimeFormatter dates;
    private FieldErrors fieldErrors;

    @FXML private Label subtitle;
    @FXML private TabPane tabs;
    @FXML private Tab termsTab;
    @FXML private Tab proposalsTab;
    @FXML private TextField searchField;
    @FXML private ComboBox<String> categoryFilter;
    @FXML private ComboBox<Severity> severityFilter;
    @FXML private CheckBox showRetiredBox;
    @FXML private TableView<PolicyEntry> table;
    @FXML private TableColumn<PolicyEntry, String> kindColumn;
    @FXML private TableColumn<PolicyEntry, String> textColumn;
    @FXML private TableColumn<PolicyEntry, String> categoryColumn;
    @FXML private TableColumn<PolicyEntry, Severity> severityColumn;
    @FXML private TableColumn<PolicyEntry, String> embargoColumn;
    @FXML private VBox editor;
    @FXML private Label editorTitle;
    @FXML private ToggleButton termToggle;
    @FXML private ToggleButton patternToggle;
    @FXML private Label textLabel;
    @FXML private TextField textField;
    @FXML private Label textError;
    @FXML private ComboBox<String> categoryBox;
    @FXML private Label categoryError;
    @FXML private ComboBox<Severity> severityBox;
    @FXML private DatePicker embargoPicker;
    @FXML private TextArea noteArea;
    @FXML private Label noteError;
    @FXML private VBox tester;
    @FXML private TextArea sampleArea;
    @FXML private TextFlow samplePreview;
    @FXML private Label testerResult;
    @FXML private Button retireButton;
    @FXML private Button revertButton;
    @FXML private Button saveButton;
    @FXML private ListView<String> allowList;
    @FXML private TextField allowField;
    @FXML private Label allowError;
    @FXML private ListView<String> domainList;
    @FXML private TextField domainField;
    @FXML private Label domainError;
    @FXML private Button revertListsButton;
    @FXML private Button saveListsButton;
    @FXML private Button removeAllowButton;
    @FXML private Button removeDomainButton;
    @FXML private TableView<PolicyEntry> embargoTable;
    @FXML private TableColumn<PolicyEntry, String> liftColumn;
    @FXML private TableColumn<PolicyEntry, String> embargoStateColumn;
    @FXML private TableColumn<PolicyEntry, String> embargoTextColumn;
    @FXML private TableColumn<PolicyEntry, String> embargoCategoryColumn;
    @FXML private TableColumn<PolicyEntry, String> embargoNoteColumn;
    @FXML private Label proposalsHint;
    @FXML private TableView<AllowProposal> proposalTable;
    @FXML private TableColumn<AllowProposal, String> phraseColumn;
    @FXML private TableColumn<AllowProposal, String> proposerColumn;
    @FXML private TableColumn<AllowProposal, String> proposalPostColumn;
    @FXML private TableColumn<AllowProposal, String> reasonColumn;
    @FXML private Button applyButton;
    @FXML private Button declineButton;

    public PolicyController(PolicyService service, PolicyTransferService transfer, PolicyBenchService bench,
                            AllowProposalService proposals, TaskRunner runner, I18n i18n, DialogService dialogs,
                            ShellStatus status, Appearance appearance, PolicyRechecks rechecks) {
        this.model = new PolicyViewModel(service, transfer, bench, proposals, runner);
        this.transfer = transfer;
        this.bench = bench;
        this.runner = runner;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.status = status;
        this.appearance = appearance;
        this.rechecks = rechecks;
        this.dates = DateTimeFormatter.ofPattern("d MMM yyyy", i18n.locale()).withZone(java.time.ZoneOffset.UTC);
    }

    @FXML
    private void initialize() {
        tabs.getParent().getStylesheets().add(Severities.stylesheet());
        tabs.getProperties().put(PolicyController.class, this); // tests reach importFile/exportTo (no file chooser headless)
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("policy.subtitle",
                model.versionProperty().get(), model.entries().stream().filter(e -> !e.retired()).count()),
                model.versionProperty(), model.entries()));

        // terms table and filters
        searchField.textProperty().bindBidirectional(model.searchProperty());
        categoryFilter.getItems().add(null);
        model.categories().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = categoryFilter.getValue();
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(model.categories());
            categoryFilter.getItems().setAll(items);
            categoryFilter.setValue(keep);
            categoryBox.getItems().setAll(model.categories());
        });
        categoryFilter.setConverter(converter(c -> c == null ? i18n.text("policy.filter.allCategories") : c));
        categoryFilter.setButtonCell(new Cell<>(c -> c == null ? i18n.text("policy.filter.allCategories") : c, true));
        categoryFilter.setCellFactory(v -> new Cell<>(c -> c == null ? i18n.text("policy.filter.allCategories") : c));
        categoryFilter.valueProperty().bindBidirectional(model.categoryFilterProperty());
        List<Severity> sevs = new ArrayList<>();
        sevs.add(null);
        sevs.addAll(List.of(Severity.BLOCK, Severity.WARN, Severity.INFO));
        severityFilter.getItems().setAll(sevs);
        severityFilter.setButtonCell(new Cell<>(s -> s == null ? i18n.text("policy.filter.allSeverities") : Severities.name(s, i18n), true));
        severityFilter.setCellFactory(v -> new Cell<>(s -> s == null ? i18n.text("policy.filter.allSeverities") : Severities.name(s, i18n)));
        severityFilter.valueProperty().bindBidirectional(model.severityFilterProperty());
        showRetiredBox.selectedProperty().bindBidirectional(model.showRetiredProperty());

        table.setItems(model.visible());
        table.setPlaceholder(placeholder());
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(i18n.text(c.getValue().isPattern()
                ? "policy.kind.pattern" : "policy.kind.term")));
        textColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));
        categoryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        severityColumn.setCellFactory(c -> Severities.cell(i18n));
        embargoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().embargoUntil() == null ? ""
                : dates.format(c.getValue().embargoUntil())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PolicyEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove(StyleClasses.RETIRED);
                if (!empty && e != null && e.retired()) getStyleClass().add(StyleClasses.RETIRED);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == null || model.isEditing(now.id())) return;
            if (model.dirty() && !dialogs.confirm(i18n.text("shell.unsaved.title"), i18n.text("shell.unsaved.message"),
                    i18n.text("shell.unsaved.discard"))) {
                FxTaskRunner.later(() -> table.getSelectionModel().select(old));
                return;
            }
            model.edit(now);
        });

        // editor
        ToggleGroup kind = new ToggleGroup();
        termToggle.setToggleGroup(kind);
        patternToggle.setToggleGroup(kind);
        termToggle.setSelected(!model.patternProperty().get());
        patternToggle.setSelected(model.patternProperty().get());
        kind.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) old.setSelected(true);
            else model.patternProperty().set(now == patternToggle);
        });
        model.patternProperty().addListener((obs, old, now) -> (now ? patternToggle : termToggle).setSelected(true));
        textLabel.textProperty().bind(Bindings.when(model.patternProperty()).then(i18n.text("policy.field.pattern"))
                .otherwise(i18n.text("policy.field.term")));
        textField.textProperty().bindBidirectional(model.textProperty());
        textField.promptTextProperty().bind(Bindings.when(model.patternProperty()).then("\\bAX-[0-9]{4}\\b")
                .otherwise(i18n.text("policy.field.term.prompt")));
        categoryBox.getEditor().textProperty().bindBidirectional(model.categoryProperty());
        categoryBox.setPromptText(i18n.text("policy.field.category.prompt"));
        severityBox.getItems().setAll(Severity.BLOCK, Severity.WARN, Severity.INFO);
        severityBox.setButtonCell(new Cell<>(s -> s == null ? "" : Severities.name(s, i18n)));
        severityBox.setCellFactory(v -> new Cell<>(s -> s == null ? "" : Severities.name(s, i18n)));
        severityBox.valueProperty().bindBidirectional(model.severityProperty());
        embargoPicker.setConverter(DateFields.converter(i18n.locale()));
        embargoPicker.valueProperty().bindBidirectional(model.embargoProperty());
        noteArea.textProperty().bindBidirectional(model.noteProperty());
        sampleArea.textProperty().bindBidirectional(model.sampleProperty());
        tester.visibleProperty().bind(model.patternProperty());
        tester.managedProperty().bind(tester.visibleProperty());
        model.testProperty().addListener((obs, old, now) -> showTest());
        model.sampleProperty().addListener((obs, old, now) -> showTest());
        editorTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            PolicyEntry e = model.editingProperty().get();
            if (e == null) return i18n.text("policy.editor.new");
            return i18n.text(e.retired() ? "policy.editor.retired" : "policy.editor.edit");
        }, model.editingProperty()));
        retireButton.visibleProperty().bind(model.editingProperty().isNotNull());
        retireButton.managedProperty().bind(retireButton.visibleProperty());
        retireButton.textProperty().bind(Bindings.createStringBinding(() -> {
            PolicyEntry e = model.editingProperty().get();
            return i18n.text(e != null && e.retired() ? "policy.restore" : "policy.retire");
        }, model.editingProperty()));
        saveButton.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(
                () -> model.editingProperty().get() != null && model.editingProperty().get().retired(), model.editingProperty())));
        saveButton.setTooltip(new Tooltip(i18n.text("policy.saveEntry.tooltip")));
        fieldErrors = new FieldErrors(model.errors(), model.errorArgs(), i18n)
                .field("text", textField, textError)
                .field("category", categoryBox, categoryError)
                .field("note", noteArea, noteError)
                .field("allow", allowList, allowError)
                .field("domains", domainList, domainError);

        // lists
        allowList.setItems(model.allow());
        allowList.setPlaceholder(new Label(i18n.text("policy.allow.empty")));
        domainList.setItems(model.domains());
        domainList.setPlaceholder(new Label(i18n.text("policy.domains.empty")));
        removeAllowButton.disableProperty().bind(allowList.getSelectionModel().selectedItemProperty().isNull());
        removeDomainButton.disableProperty().bind(domainList.getSelectionModel().selectedItemProperty().isNull());
        saveListsButton.disableProperty().bind(model.listsDirtyProperty().not());
        revertListsButton.disableProperty().bind(model.listsDirtyProperty().not());

        // embargoes
        embargoTable.setItems(model.embargoes());
        embargoTable.setPlaceholder(new Label(i18n.text("policy.embargoes.empty")));
        liftColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(dates.format(c.getValue().embargoUntil())));
        embargoStateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(liftState(c.getValue())));
        embargoTextColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));
        embargoCategoryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category()));
        embargoNoteColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().note()));

        // proposals
        boolean decide = model.canDecideProposals();
        proposalsHint.setText(i18n.text(decide ? "policy.proposals.hint" : "policy.proposals.hint.readOnly"));
        proposalTable.setItems(model.proposals());
        proposalTable.setPlaceholder(new Label(i18n.text("policy.proposals.empty")));
        phraseColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().phrase()));
        proposerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().proposedByName()));
        proposalPostColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().postId() == null ? ""
                : "#" + c.getValue().postId()));
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        for (Button b : new Button[] {applyButton, declineButton}) {
            b.setVisible(decide);
            b.setManaged(decide);
            b.disableProperty().bind(proposalTable.getSelectionModel().selectedItemProperty().isNull());
        }
        proposalsTab.textProperty().bind(Bindings.createStringBinding(() -> model.proposals().isEmpty()
                ? i18n.text("policy.tab.proposals") : i18n.text("policy.tab.proposals.count", model.proposals().size()),
                model.proposals()));

        model.newEntry(false);
        model.load();
    }

    private Node placeholder() {
        VBox box = new VBox(6);
        box.getStyleClass().add(StyleClasses.EMPTY_STATE);
        Label t = new Label(i18n.text("policy.empty.title"));
        t.getStyleClass().add("empty-state-title");
        Label h = new Label(i18n.text("policy.empty.hint"));
        h.setWrapText(true);
        h.getStyleClass().add(StyleClasses.MUTED);
        box.getChildren().addAll(t, h);
        return box;
    }

    private String liftState(PolicyEntry e) {
        if (model.lifted(e)) return i18n.text("policy.embargoes.lifted");
        long days = Math.max(0, Duration.between(Instant.now(), e.embargoUntil()).toDays());
        return i18n.text("policy.embargoes.inDays", days);
    }

    /** The sample with the pattern's matches highlighted, and what the tester found. */
    private void showTest() {
        PolicyBenchService.PatternTest t = model.testProperty().get();
        String sample = model.sampleProperty().get();
        List<Node> parts = new ArrayList<>();
        testerResult.getStyleClass().removeAll("tester-ok", "tester-error");
        if (t == null) {
            testerResult.setText(model.textProperty().get().isEmpty() ? i18n.text("policy.tester.typePattern") : "");
            if (!sample.isEmpty()) parts.add(new Text(sample));
        } else if (!t.ok()) {
            String detail = t.detail() == null ? null : PolicyProblems.reason(i18n, t.detailKey(), t.detailArgs(), t.detail());
            testerResult.setText(i18n.text(t.errorKey()) + (detail != null && t.errorKey().equals("policy.error.badRegex")
                    ? " — " + detail : ""));
            testerResult.getStyleClass().add("tester-error");
            if (!sample.isEmpty()) parts.add(new Text(sample));
        } else {
            int at = 0;
            for (int[] m : t.matches()) {
                if (m[1] > sample.length()) break;
                if (m[0] > at) parts.add(new Text(sample.substring(at, m[0])));
                Label hit = new Label(sample.substring(m[0], m[1]));
                hit.getStyleClass().add("tester-match");
                parts.add(hit);
                at = m[1];
            }
            if (at < sample.length()) parts.add(new Text(sample.substring(at)));
            testerResult.setText(sample.isEmpty() ? i18n.text("policy.tester.valid")
                    : i18n.text("policy.tester.matches", t.matches().size()));
            testerResult.getStyleClass().add("tester-ok");
        }
        samplePreview.getChildren().setAll(parts);
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    @FXML
    private void newEntry() {
        if (model.dirty() && !dialogs.confirm(i18n.text("shell.unsaved.title"), i18n.text("shell.unsaved.message"),
                i18n.text("shell.unsaved.discard"))) return;
        table.getSelectionModel().clearSelection();
        model.newEntry(false);
        textField.requestFocus();
    }

    @FXML
    private void clearEmbargo() {
        model.embargoProperty().set(null);
    }

    @FXML
    private void revert() {
        PolicyEntry e = model.editingProperty().get();
        if (e == null) model.newEntry(model.patternProperty().get());
        else model.edit(e);
    }

    /** Validates, shows the test bench, and saves when the user confirms there. */
    @FXML
    void save() {
        Node opener = Keyboard.focusOwner(tabs);
        model.prepareSave(candidate -> returnFocus(TestBenchDialog.show(bench, candidate, runner, i18n, appearance, window(),
                i18n.text(model.editingProperty().get() == null ? "policy.bench.what.add" : "policy.bench.what.edit"),
                i18n.text("policy.bench.save"), () -> model.save(saved -> changed(), dialogs::error)), opener, table),
                dialogs::error);
    }

    /** When the dialog closes, the focus goes back to what opened it (else to {@code fallback}). */
    private static void returnFocus(javafx.scene.control.Dialog<?> dialog, Node opener, Node fallback) {
        javafx.event.EventHandler<javafx.scene.control.DialogEvent> before = dialog.getOnHidden();
        dialog.setOnHidden(e -> {
            if (before != null) before.handle(e);
            Keyboard.returnFocus(opener, fallback);
        });
    }

    @FXML
    private void toggleRetired() {
        PolicyEntry e = model.editingProperty().get();
        if (e == null) return;
        if (e.retired()) {
            model.setRetired(false, this::changed, dialogs::error);
            return;
        }
        model.prepareRetire(candidate -> TestBenchDialog.show(bench, candidate, runner, i18n, appearance, window(),
                i18n.text("policy.bench.what.retire"), i18n.text("policy.retire"),
                () -> model.setRetired(true, this::changed, dialogs::error)), dialogs::error);
    }

    @FXML
    private void addAllow() {
        model.addAllow(allowField.getText());
        allowField.clear();
    }

    @FXML
    private void removeAllow() {
        model.remove(model.allow(), allowList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void addDomain() {
        model.addDomain(domainField.getText());
        domainField.clear();
    }

    @FXML
    private void removeDomain() {
        model.remove(model.domains(), domainList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void revertLists() {
        model.load();
    }

    @FXML
    private void saveLists() {
        Node opener = Keyboard.focusOwner(tabs);
        model.prepareSaveLists(candidate -> returnFocus(TestBenchDialog.show(bench, candidate, runner, i18n, appearance,
                window(), i18n.text("policy.bench.what.lists"), i18n.text("policy.bench.save"),
                () -> model.saveLists(this::changed, dialogs::error)), opener, allowField), dialogs::error);
    }

    @FXML
    private void applyProposal() {
        AllowProposal p = proposalTable.getSelectionModel().getSelectedItem();
        if (p != null) model.decide(p, true, this::changed, dialogs::error);
    }

    @FXML
    private void declineProposal() {
        AllowProposal p = proposalTable.getSelectionModel().getSelectedItem();
        if (p != null) model.decide(p, false, () -> status.show(i18n.text("policy.proposals.declined")), dialogs::error);
    }

    @FXML
    private void importPolicy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("policy.import.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.text("policy.import.filter"), "*.json", "*.csv"),
                new FileChooser.ExtensionFilter(i18n.text("policy.import.filter.all"), "*.*"));
        File f = chooser.showOpenDialog(window());
        if (f != null) importFile(f.toPath());
    }

    /** Previews the file in the background, then shows the preview (Apply applies all of it). */
    public void importFile(Path file) {
        model.previewImport(file, preview -> ImportPreviewDialog.show(transfer, file, preview, runner,
                i18n, appearance, window(), r -> {
                    status.show(ImportPreviewDialog.done(r, i18n));
                    model.load();
                    rechecks.start();
                }, dialogs::error), dialogs::error);
    }

    @FXML
    private void exportPolicy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("policy.export.choose"));
        chooser.setInitialFileName("policy.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("policy.import.filter"), "*.json"));
        File f = chooser.showSaveDialog(window());
        if (f != null) exportTo(f.toPath());
    }

    /** Writes the policy to the file in the background. */
    public void exportTo(Path file) {
        model.exportTo(file, n -> status.show(i18n.text("policy.export.done", n, file.getFileName())),
                dialogs::error);
    }

    /** A change was saved: say so, reload, and re-check the posts on their way. */
    private void changed() {
        status.saved();
        model.load();
        rechecks.start();
    }

    private Window window() {
        return editor.getScene() == null ? null : editor.getScene().getWindow();
    }

    @Override
    public void shown() {
        model.load();
        rechecks.startIfDue();
    }

    @Override
    public boolean hasUnsavedChanges() {
        return model.dirty() || model.listsDirtyProperty().get();
    }

    /** The view model (tests drive the editor through it). */
    PolicyViewModel model() {
        return model;
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
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

    /** A list cell showing an item through a function (for combo boxes). */
    static final class Cell<T> extends ListCell<T> {
        private final java.util.function.Function<T, String> text;

        private final boolean button;

        Cell(java.util.function.Function<T, String> text) {
            this(text, false);
        }

        /** @param button a combo box's button cell: a null value is shown too ("All categories") */
        Cell(java.util.function.Function<T, String> text, boolean button) {
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
