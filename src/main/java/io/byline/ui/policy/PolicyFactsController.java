package io.byline.ui.policy;

import io.byline.domain.Platform;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyFactsService;
import io.byline.service.PolicyService;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FieldErrors;
import io.byline.ui.common.I18n;
import io.byline.ui.common.PolicyRechecks;
import io.byline.ui.common.Severities;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;
import io.byline.validation.DoNotEngage;
import io.byline.validation.Metric;
import io.byline.validation.PolicyFact;
import io.byline.validation.QuietPeriod;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The Facts tab of the Policy screen: binds {@link PolicyFactsViewModel}; every add goes through the test bench. */
public final class PolicyFactsController {
    @FXML private ScrollPane root;
    @FXML private Button importButton;
    @FXML private TableView<PolicyFact> factsTable;
    @FXML private TableColumn<PolicyFact, String> factIdColumn;
    @FXML private TableColumn<PolicyFact, String> factMetricColumn;
    @FXML private TableColumn<PolicyFact, String> factValueColumn;
    @FXML private TableColumn<PolicyFact, String> factPeriodColumn;
    @FXML private TableColumn<PolicyFact, String> factDisclosedColumn;
    @FXML private TableColumn<PolicyFact, String> factToleranceColumn;
    @FXML private TextField factIdField;
    @FXML private ComboBox<Metric> factMetricBox;
    @FXML private TextField factValueField;
    @FXML private TextField factCurrencyField;
    @FXML private TextField factPeriodField;
    @FXML private TextField factDisclosedField;
    @FXML private TextField factToleranceField;
    @FXML private Label factError;
    @FXML private Button removeFactButton;
    @FXML private Button addFactButton;
    @FXML private TableView<DoNotEngage> accountsTable;
    @FXML private TableColumn<DoNotEngage, String> accountHandleColumn;
    @FXML private TableColumn<DoNotEngage, String> accountPlatformColumn;
    @FXML private TableColumn<DoNotEngage, String> accountNamesColumn;
    @FXML private TableColumn<DoNotEngage, String> accountReasonColumn;
    @FXML private TableColumn<DoNotEngage, Severity> accountSeverityColumn;
    @FXML private TextField accountHandleField;
    @FXML private ComboBox<Platform> accountPlatformBox;
    @FXML private TextField accountNamesField;
    @FXML private TextField accountReasonField;
    @FXML private ComboBox<Severity> accountSeverityBox;
    @FXML private Label accountError;
    @FXML private Button removeAccountButton;
    @FXML private Button addAccountButton;
    @FXML private TableView<QuietPeriod> periodsTable;
    @FXML private TableColumn<QuietPeriod, String> periodLabelColumn;
    @FXML private TableColumn<QuietPeriod, String> periodFromColumn;
    @FXML private TableColumn<QuietPeriod, String> periodToColumn;
    @FXML private TableColumn<QuietPeriod, Severity> periodSeverityColumn;
    @FXML private TextField periodLabelField;
    @FXML private TextField periodFromField;
    @FXML private TextField periodToField;
    @FXML private ComboBox<Severity> periodSeverityBox;
    @FXML private Label periodError;
    @FXML private Button removePeriodButton;
    @FXML private Button addPeriodButton;

    private final PolicyFactsViewModel model;
    private final io.byline.service.PolicyBenchService policy;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Appearance appearance;
    private final ShellStatus status;
    private final PolicyRechecks rechecks;

    public PolicyFactsController(PolicyFactsService service, io.byline.service.PolicyBenchService policy, TaskRunner runner, I18n i18n,
                                 DialogService dialogs, Appearance appearance, ShellStatus status, PolicyRechecks rechecks) {
        this.model = new PolicyFactsViewModel(service, runner);
        this.policy = policy;
        this.runner = runner;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.appearance = appearance;
        this.status = status;
        this.rechecks = rechecks;
    }

    @FXML
    private void initialize() {
        root.getProperties().put(PolicyFactsController.class, this); // tests reach importFile (no file chooser headless)
        List<Severity> severities = List.of(Severity.BLOCK, Severity.WARN, Severity.INFO);

        factsTable.setItems(model.facts());
        factsTable.setPlaceholder(new Label(i18n.text("policy.facts.empty")));
        factIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        factMetricColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(metric(c.getValue().metric())));
        factValueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(value(c.getValue())));
        factPeriodColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().period() == null ? "" : c.getValue().period()));
        factDisclosedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(PolicyFactsViewModel.format(c.getValue().disclosedAt())));
        factToleranceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(percent(c.getValue().tolerance())));
        factMetricBox.getItems().setAll(Arrays.asList(Metric.values()));
        factMetricBox.setConverter(PolicyController.converter(this::metric));
        factMetricBox.setButtonCell(new PolicyController.Cell<>(this::metric, true));
        factMetricBox.setCellFactory(v -> new PolicyController.Cell<>(this::metric));
        factMetricBox.valueProperty().bindBidirectional(model.factMetric);
        factIdField.textProperty().bindBidirectional(model.factId);
        factValueField.textProperty().bindBidirectional(model.factValue);
        factCurrencyField.textProperty().bindBidirectional(model.factCurrency);
        factPeriodField.textProperty().bindBidirectional(model.factPeriod);
        factDisclosedField.textProperty().bindBidirectional(model.factDisclosedAt);
        factToleranceField.textProperty().bindBidirectional(model.factTolerance);
        errors(model.factErrors, factError, new Object[][] {{"id", factIdField}, {"metric", factMetricBox}, {"value", factValueField},
            {"currency", factCurrencyField}, {"period", factPeriodField}, {"disclosedAt", factDisclosedField},
            {"tolerance", factToleranceField}});
        removeFactButton.disableProperty().bind(factsTable.getSelectionModel().selectedItemProperty().isNull());

        accountsTable.setItems(model.accounts());
        accountsTable.setPlaceholder(new Label(i18n.text("policy.engage.empty")));
        accountHandleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().atHandle()));
        accountPlatformColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(platform(c.getValue().platform())));
        accountNamesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ", c.getValue().names())));
        accountReasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        accountSeverityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        accountSeverityColumn.setCellFactory(c -> Severities.cell(i18n));
        List<Platform> platforms = new ArrayList<>();
        platforms.add(null);
        platforms.addAll(Arrays.asList(Platform.values()));
        accountPlatformBox.getItems().setAll(platforms);
        accountPlatformBox.setConverter(PolicyController.converter(this::platform));
        accountPlatformBox.setButtonCell(new PolicyController.Cell<>(this::platform, true));
        accountPlatformBox.setCellFactory(v -> new PolicyController.Cell<>(this::platform));
        accountPlatformBox.valueProperty().bindBidirectional(model.accountPlatform);
        accountHandleField.textProperty().bindBidirectional(model.accountHandle);
        accountNamesField.textProperty().bindBidirectional(model.accountNames);
        accountReasonField.textProperty().bindBidirectional(model.accountReason);
        severityBox(accountSeverityBox, severities);
        accountSeverityBox.valueProperty().bindBidirectional(model.accountSeverity);
        errors(model.accountErrors, accountError, new Object[][] {{"platform", accountPlatformBox}, {"handle", accountHandleField},
            {"names", accountNamesField}, {"reason", accountReasonField}, {"severity", accountSeverityBox}});
        removeAccountButton.disableProperty().bind(accountsTable.getSelectionModel().selectedItemProperty().isNull());

        periodsTable.setItems(model.periods());
        periodsTable.setPlaceholder(new Label(i18n.text("policy.quiet.empty")));
        periodLabelColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        periodFromColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(PolicyFactsViewModel.format(c.getValue().from())));
        periodToColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(PolicyFactsViewModel.format(c.getValue().to())));
        periodSeverityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        periodSeverityColumn.setCellFactory(c -> Severities.cell(i18n));
        periodLabelField.textProperty().bindBidirectional(model.periodLabel);
        periodFromField.textProperty().bindBidirectional(model.periodFrom);
        periodToField.textProperty().bindBidirectional(model.periodTo);
        severityBox(periodSeverityBox, severities);
        periodSeverityBox.valueProperty().bindBidirectional(model.periodSeverity);
        errors(model.periodErrors, periodError, new Object[][] {{"label", periodLabelField}, {"from", periodFromField},
            {"to", periodToField}, {"severity", periodSeverityBox}});
        removePeriodButton.disableProperty().bind(periodsTable.getSelectionModel().selectedItemProperty().isNull());

        for (Button b : List.of(addFactButton, addAccountButton, addPeriodButton, importButton)) b.disableProperty().bind(model.busyProperty());
        model.load(dialogs::error);
    }

    private void severityBox(ComboBox<Severity> box, List<Severity> severities) {
        box.getItems().setAll(severities);
        box.setButtonCell(new PolicyController.Cell<>(s -> s == null ? "" : Severities.name(s, i18n), true));
        box.setCellFactory(v -> new PolicyController.Cell<>(s -> s == null ? "" : Severities.name(s, i18n)));
    }

    /** Outlines the fields with an error and writes their messages under the form. */
    private void errors(ObservableMap<String, String> errors, Label message, Object[][] fields) {
        FieldErrors fe = new FieldErrors(errors, i18n);
        for (Object[] f : fields) fe.field((String) f[0], (javafx.scene.control.Control) f[1], null);
        message.getStyleClass().add(StyleClasses.FIELD_ERROR);
        message.managedProperty().bind(message.visibleProperty());
        message.setWrapText(true);
        message.setVisible(false);
        errors.addListener((MapChangeListener<String, String>) c -> {
            List<String> lines = new ArrayList<>();
            for (Object[] f : fields) {
                String key = errors.get((String) f[0]);
                if (key != null) lines.add(i18n.keyOrText(key));
            }
            message.setText(String.join("\n", lines));
            message.setVisible(!lines.isEmpty());
        });
    }

    private String metric(Metric m) {
        return m == null ? "" : i18n.text("policy.facts.metric." + m.id());
    }

    private String platform(Platform p) {
        return p == null ? i18n.text("policy.engage.platform.all") : p.displayName();
    }

    private String value(PolicyFact f) {
        String v = f.value().stripTrailingZeros().toPlainString();
        java.math.BigDecimal abs = f.value().abs();
        if (abs.compareTo(java.math.BigDecimal.valueOf(1000)) >= 0 && f.value().stripTrailingZeros().scale() <= 0) {
            v = String.format(i18n.locale(), "%,d", f.value().toBigInteger());
        }
        if (f.metric() == Metric.GROWTH && f.currency() == null) return v + " %";
        return f.currency() == null ? v : f.currency() + " " + v;
    }

    private static String percent(double share) {
        return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + " %";
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void addFact() {
        model.prepareFact(c -> bench(c, "policy.facts.bench.what", () -> model.addFact(this::changed, dialogs::error)), dialogs::error);
    }

    @FXML
    private void addAccount() {
        model.prepareAccount(c -> bench(c, "policy.engage.bench.what", () -> model.addAccount(this::changed, dialogs::error)),
                dialogs::error);
    }

    @FXML
    private void addPeriod() {
        model.preparePeriod(c -> bench(c, "policy.quiet.bench.what", () -> model.addPeriod(this::changed, dialogs::error)),
                dialogs::error);
    }

    private void bench(PolicyService.Candidate candidate, String what, Runnable save) {
        TestBenchDialog.show(policy, candidate, runner, i18n, appearance, window(), i18n.text(what), i18n.text("policy.bench.save"),
                save);
    }

    @FXML
    private void removeFact() {
        PolicyFact f = factsTable.getSelectionModel().getSelectedItem();
        if (f != null && confirmRemove()) model.removeFact(f, this::changed, dialogs::error);
    }

    @FXML
    private void removeAccount() {
        DoNotEngage a = accountsTable.getSelectionModel().getSelectedItem();
        if (a != null && confirmRemove()) model.removeAccount(a, this::changed, dialogs::error);
    }

    @FXML
    private void removePeriod() {
        QuietPeriod q = periodsTable.getSelectionModel().getSelectedItem();
        if (q != null && confirmRemove()) model.removePeriod(q, this::changed, dialogs::error);
    }

    private boolean confirmRemove() {
        return dialogs.confirm(i18n.text("policy.facts.remove.title"), i18n.text("policy.facts.remove.message"),
                i18n.text("policy.list.remove"));
    }

    private void changed() {
        status.show(i18n.text("policy.facts.saved"));
        rechecks.start();
    }

    @FXML
    private void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("policy.facts.import"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("policy.import.filter"), "*.json"));
        File f = chooser.showOpenDialog(window());
        if (f != null) importFile(f.toPath());
    }

    /** Imports the facts, accounts and periods a policy file has (all or nothing). */
    public void importFile(Path file) {
        Consumer<Throwable> failed = e -> {
            if (e instanceof ValidationException v && v.fieldErrors().containsKey("import")) {
                dialogs.info(i18n.text("policy.facts.import"), i18n.text(v.fieldErrors().get("import"), v.args("import").toArray()));
            } else {
                dialogs.error(e);
            }
        };
        model.importFile(file, r -> {
            status.show(i18n.text("policy.facts.imported", r.facts(), r.accounts(), r.periods()));
            rechecks.start();
        }, failed);
    }
}
