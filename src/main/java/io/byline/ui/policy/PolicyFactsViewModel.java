package io.byline.ui.policy;

import io.byline.domain.Platform;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyFactsService;
import io.byline.service.PolicyFactsService.EngageDraft;
import io.byline.service.PolicyFactsService.FactDraft;
import io.byline.service.PolicyFactsService.PeriodDraft;
import io.byline.service.PolicyService;
import io.byline.ui.common.TaskRunner;
import io.byline.validation.DoNotEngage;
import io.byline.validation.Metric;
import io.byline.validation.PolicyFact;
import io.byline.validation.PolicyFacts;
import io.byline.validation.QuietPeriod;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Facts tab of the Policy screen: the policy's facts, do-not-engage accounts and quiet periods, a form for each,
 * and the test bench before anything is added. Field errors come from the service, per form.
 */
public final class PolicyFactsViewModel {
    private final PolicyFactsService service;
    private final TaskRunner runner;

    private final ObservableList<PolicyFact> facts = FXCollections.observableArrayList();
    private final ObservableList<DoNotEngage> accounts = FXCollections.observableArrayList();
    private final ObservableList<QuietPeriod> periods = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    final StringProperty factId = new SimpleStringProperty("");
    final ObjectProperty<Metric> factMetric = new SimpleObjectProperty<>(Metric.REVENUE);
    final StringProperty factValue = new SimpleStringProperty("");
    final StringProperty factCurrency = new SimpleStringProperty("");
    final StringProperty factPeriod = new SimpleStringProperty("");
    final StringProperty factDisclosedAt = new SimpleStringProperty("");
    final StringProperty factTolerance = new SimpleStringProperty("0.005");
    final ObservableMap<String, String> factErrors = FXCollections.observableHashMap();

    final ObjectProperty<Platform> accountPlatform = new SimpleObjectProperty<>();
    final StringProperty accountHandle = new SimpleStringProperty("");
    final StringProperty accountNames = new SimpleStringProperty("");
    final StringProperty accountReason = new SimpleStringProperty("");
    final ObjectProperty<Severity> accountSeverity = new SimpleObjectProperty<>(Severity.BLOCK);
    final ObservableMap<String, String> accountErrors = FXCollections.observableHashMap();

    final StringProperty periodLabel = new SimpleStringProperty("");
    final StringProperty periodFrom = new SimpleStringProperty("");
    final StringProperty periodTo = new SimpleStringProperty("");
    final ObjectProperty<Severity> periodSeverity = new SimpleObjectProperty<>(Severity.BLOCK);
    final ObservableMap<String, String> periodErrors = FXCollections.observableHashMap();

    public PolicyFactsViewModel(PolicyFactsService service, TaskRunner runner) {
        this.service = service;
        this.runner = runner;
    }

    public ObservableList<PolicyFact> facts() { return facts; }
    public ObservableList<DoNotEngage> accounts() { return accounts; }
    public ObservableList<QuietPeriod> periods() { return periods; }
    public BooleanProperty busyProperty() { return busy; }

    public boolean canManage() {
        return service.canManage();
    }

    public void load(Consumer<Throwable> onFailure) {
        if (!service.canManage()) return;
        busy.set(true);
        runner.run(service::current, this::show, e -> {
            busy.set(false);
            onFailure.accept(e);
        });
    }

    private void show(PolicyFacts p) {
        facts.setAll(p.facts());
        accounts.setAll(p.doNotEngage());
        periods.setAll(p.quietPeriods());
        busy.set(false);
    }

    FactDraft factDraft() {
        return new FactDraft(factId.get(), factMetric.get() == null ? "" : factMetric.get().id(), factValue.get(),
                factCurrency.get(), factPeriod.get(), factDisclosedAt.get(), factTolerance.get());
    }

    EngageDraft accountDraft() {
        return new EngageDraft(accountPlatform.get() == null ? "" : accountPlatform.get().id(), accountHandle.get(),
                accountNames.get(), accountReason.get(), accountSeverity.get());
    }

    PeriodDraft periodDraft() {
        return new PeriodDraft(periodLabel.get(), periodFrom.get(), periodTo.get(), periodSeverity.get());
    }

    /** Checks the fact form, then hands the test-bench candidate (the stored policy with this fact) to {@code bench}. */
    public void prepareFact(Consumer<PolicyService.Candidate> bench, Consumer<Throwable> onFailure) {
        prepare(factErrors, () -> service.candidate(service.withFact(factDraft())), bench, onFailure);
    }

    public void prepareAccount(Consumer<PolicyService.Candidate> bench, Consumer<Throwable> onFailure) {
        prepare(accountErrors, () -> service.candidate(service.withAccount(accountDraft())), bench, onFailure);
    }

    public void preparePeriod(Consumer<PolicyService.Candidate> bench, Consumer<Throwable> onFailure) {
        prepare(periodErrors, () -> service.candidate(service.withPeriod(periodDraft())), bench, onFailure);
    }

    private void prepare(ObservableMap<String, String> errors, Supplier<PolicyService.Candidate> work,
                         Consumer<PolicyService.Candidate> bench, Consumer<Throwable> onFailure) {
        errors.clear();
        runner.run(work::get, bench, e -> fail(errors, e, onFailure));
    }

    public void addFact(Runnable done, Consumer<Throwable> onFailure) {
        FactDraft d = factDraft();
        save(factErrors, () -> service.addFact(d), () -> {
            factId.set("");
            factValue.set("");
            factPeriod.set("");
            done.run();
        }, onFailure);
    }

    public void addAccount(Runnable done, Consumer<Throwable> onFailure) {
        EngageDraft d = accountDraft();
        save(accountErrors, () -> service.addAccount(d), () -> {
            accountHandle.set("");
            accountNames.set("");
            accountReason.set("");
            done.run();
        }, onFailure);
    }

    public void addPeriod(Runnable done, Consumer<Throwable> onFailure) {
        PeriodDraft d = periodDraft();
        save(periodErrors, () -> service.addPeriod(d), () -> {
            periodLabel.set("");
            periodFrom.set("");
            periodTo.set("");
            done.run();
        }, onFailure);
    }

    public void removeFact(PolicyFact f, Runnable done, Consumer<Throwable> onFailure) {
        save(factErrors, () -> service.removeFact(f.id()), done, onFailure);
    }

    public void removeAccount(DoNotEngage a, Runnable done, Consumer<Throwable> onFailure) {
        save(accountErrors, () -> service.removeAccount(a), done, onFailure);
    }

    public void removePeriod(QuietPeriod q, Runnable done, Consumer<Throwable> onFailure) {
        save(periodErrors, () -> service.removePeriod(q), done, onFailure);
    }

    /** Imports the parts a policy file has; {@code done} gets what is stored now. */
    public void importFile(Path file, Consumer<PolicyFactsService.ImportResult> done, Consumer<Throwable> onFailure) {
        busy.set(true);
        runner.run(() -> {
            PolicyFactsService.ImportResult r = service.importFile(file);
            return new Object[] {r, service.current()};
        }, out -> {
            show((PolicyFacts) out[1]);
            done.accept((PolicyFactsService.ImportResult) out[0]);
        }, e -> {
            busy.set(false);
            onFailure.accept(e);
        });
    }

    private void save(ObservableMap<String, String> errors, Supplier<PolicyFacts> work, Runnable done, Consumer<Throwable> onFailure) {
        errors.clear();
        busy.set(true);
        runner.run(work::get, p -> {
            show(p);
            done.run();
        }, e -> {
            busy.set(false);
            fail(errors, e, onFailure);
        });
    }

    private static void fail(ObservableMap<String, String> errors, Throwable e, Consumer<Throwable> onFailure) {
        if (e instanceof ValidationException v) errors.putAll(v.fieldErrors());
        else onFailure.accept(e);
    }

    /** A date of a fact or period as the tab shows and reads it (UTC, to the minute). */
    public static String format(java.time.Instant t) {
        return PolicyFactsService.format(t);
    }
}
