package io.byline.ui.policy;

import io.byline.domain.AllowProposal;
import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.AllowProposalService;
import io.byline.service.PolicyBenchService;
import io.byline.service.PolicyService;
import io.byline.service.PolicyTransferService;
import io.byline.service.PolicyService.EntryDraft;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/** State of the Policy screen: the terms with their filters, the editor and its pattern tester, the lists. */
public final class PolicyViewModel {
    private final PolicyService service;
    private final PolicyTransferService transfer;
    private final PolicyBenchService bench;
    private final AllowProposalService proposalService;
    private final TaskRunner runner;

    private final ObservableList<PolicyEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<PolicyEntry> visible = new FilteredList<>(entries, e -> !e.retired());
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<String> allow = FXCollections.observableArrayList();
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObservableList<PolicyEntry> embargoes = FXCollections.observableArrayList();
    private final ObservableList<AllowProposal> proposals = FXCollections.observableArrayList();
    private final LongProperty version = new SimpleLongProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty listsDirty = new SimpleBooleanProperty(false);

    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> categoryFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>();
    private final BooleanProperty showRetired = new SimpleBooleanProperty(false);

    private final ObjectProperty<PolicyEntry> editing = new SimpleObjectProperty<>();
    private final BooleanProperty pattern = new SimpleBooleanProperty(false);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(Severity.BLOCK);
    private final ObjectProperty<LocalDate> embargo = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty sample = new SimpleStringProperty("");
    private final ObjectProperty<PolicyBenchService.PatternTest> test = new SimpleObjectProperty<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    /** Arguments of the field errors' keys (set before the error, so it is shown with them). */
    private final Map<String, List<Object>> errorArgs = new HashMap<>();
    private long testSeq;

    public PolicyViewModel(PolicyService service, PolicyTransferService transfer, PolicyBenchService bench,
                           AllowProposalService proposalService, TaskRunner runner) {
        this.service = service;
        this.transfer = transfer;
        this.bench = bench;
        this.proposalService = proposalService;
        this.runner = runner;
        search.addListener((o, a, b) -> refilter());
        categoryFilter.addListener((o, a, b) -> refilter());
        severityFilter.addListener((o, a, b) -> refilter());
        showRetired.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> {
            errors.remove("text");
            retest();
        });
        sample.addListener((o, a, b) -> retest());
        pattern.addListener((o, a, b) -> {
            errors.remove("text");
            retest();
        });
        category.addListener((o, a, b) -> errors.remove("category"));
    }

    public boolean canDecideProposals() {
        return proposalService.canDecideProposals();
    }

    // ---- loading ---------------------------------------------------------------------------------------------

    public void load() {
        load(null);
    }

    /** Reloads everything; then runs {@code after} (may be null). */
    public void load(Runnable after) {
        runner.run(() -> new Loaded(service.state(), service.embargoes(), proposalService.proposals(true)), l -> {
            entries.setAll(l.state().entries());
            TreeSet<String> cats = new TreeSet<>();
            for (PolicyEntry e : l.state().entries()) cats.add(e.category());
            String keep = categoryFilter.get();
            categories.setAll(cats);
            if (keep != null && !cats.contains(keep)) categoryFilter.set(null);
            allow.setAll(l.state().allow());
            domains.setAll(l.state().internalDomains());
            listsDirty.set(false);
            embargoes.setAll(l.embargoes());
            proposals.setAll(l.proposals());
            version.set(l.state().version());
            loaded.set(true);
            if (after != null) after.run();
        }, e -> loaded.set(true));
    }

    private record Loaded(PolicyService.PolicyState state, List<PolicyEntry> embargoes, List<AllowProposal> proposals) {}

    private void refilter() {
        String needle = fold(search.get());
        String cat = categoryFilter.get();
        Severity sev = severityFilter.get();
        boolean retired = showRetired.get();
        visible.setPredicate(e -> (retired || !e.retired()) && (cat == null || cat.equals(e.category()))
                && (sev == null || sev == e.severity())
                && (needle.isEmpty() || fold(e.text()).contains(needle) || fold(e.note()).contains(needle)
                || fold(e.category()).contains(needle)));
    }

    static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    // ---- editor ----------------------------------------------------------------------------------------------

    /** Starts a new entry in the editor. */
    public void newEntry(boolean asPattern) {
        editing.set(null);
        pattern.set(asPattern);
        text.set("");
        category.set(categoryFilter.get() == null ? "" : categoryFilter.get());
        severity.set(asPattern ? Severity.WARN : Severity.BLOCK);
        embargo.set(null);
        note.set("");
        errors.clear();
    }

    /** Loads an entry into the editor. */
    public void edit(PolicyEntry e) {
        if (e == null) return;
        editing.set(e);
        pattern.set(e.isPattern());
        text.set(e.text());
        category.set(e.category());
        severity.set(e.severity());
        embargo.set(e.embargoUntil() == null ? null : LocalDate.ofInstant(e.embargoUntil(), ZoneOffset.UTC));
        note.set(e.note());
        errors.clear();
    }

    /** Whether the editor holds something other than the entry it shows (or a new entry with text). */
    public boolean dirty() {
        PolicyEntry e = editing.get();
        if (e == null) return !text.get().isBlank() || !note.get().isBlank();
        return !EntryDraft.of(e).equals(draft());
    }

    public EntryDraft draft() {
        Instant lift = embargo.get() == null ? null : embargo.get().atStartOfDay().toInstant(ZoneOffset.UTC);
        return new EntryDraft(pattern.get(), text.get(), category.get(), severity.get(), lift, note.get());
    }

    /**
     * Validates the editor's entry as part of the whole policy and hands the would-be policy to {@code onReady}
     * (for the test bench); field errors stay in {@link #errors()}.
     */
    public void prepareSave(Consumer<PolicyService.Candidate> onReady, Consumer<Throwable> onFailure) {
        errors.clear();
        Long id = editing.get() == null ? null : editing.get().id();
        EntryDraft d = draft();
        busy.set(true);
        runner.run(() -> service.candidate(id, d), c -> {
            busy.set(false);
            onReady.accept(c);
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException ve) show(ve);
            else onFailure.accept(e);
        });
    }

    /** Saves the editor's entry (after the test bench); {@code onSaved} runs with the saved entry. */
    public void save(Consumer<PolicyEntry> onSaved, Consumer<Throwable> onFailure) {
        Long id = editing.get() == null ? null : editing.get().id();
        EntryDraft d = draft();
        busy.set(true);
        runner.run(() -> id == null ? service.add(d) : service.edit(id, d), saved -> {
            busy.set(false);
            load(() -> edit(entries.stream().filter(e -> e.id() == saved.id()).findFirst().orElse(saved)));
            onSaved.accept(saved);
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException ve) show(ve);
            else onFailure.accept(e);
        });
    }

    public void prepareRetire(Consumer<PolicyService.Candidate> onReady, Consumer<Throwable> onFailure) {
        PolicyEntry e = editing.get();
        if (e == null) return;
        runner.run(() -> service.candidateRetire(e.id()), onReady, onFailure);
    }

    public void setRetired(boolean retired, Runnable onDone, Consumer<Throwable> onFailure) {
        PolicyEntry e = editing.get();
        if (e == null) return;
        runner.perform(() -> service.setRetired(e.id(), retired), () -> {
            load(() -> edit(entries.stream().filter(x -> x.id() == e.id()).findFirst().orElse(null)));
            onDone.run();
        }, onFailure);
    }

    /** Shows a service's field errors, each with the arguments of its key. */
    private void show(ValidationException ve) {
        for (String field : ve.fieldErrors().keySet()) errorArgs.put(field, ve.args(field));
        errors.putAll(ve.fieldErrors());
    }

    // ---- the pattern tester -------------------------------------------------------------------------------------

    /** Re-runs the tester in the background; only the latest run's answer is kept. */
    private void retest() {
        if (!pattern.get()) {
            test.set(null);
            return;
        }
        long seq = ++testSeq;
        String regex = text.get();
        String sampleText = sample.get();
        if (regex.isEmpty()) {
            test.set(null);
            return;
        }
        runner.run(() -> bench.testPattern(regex, sampleText), r -> {
            if (seq == testSeq) test.set(r);
        }, e -> { });
    }

    // ---- lists -------------------------------------------------------------------------------------------------

    public void addAllow(String phrase) {
        addTo(allow, phrase);
    }

    public void addDomain(String domain) {
        addTo(domains, domain);
    }

    private void addTo(ObservableList<String> list, String item) {
        String t = item == null ? "" : item.strip();
        if (t.isEmpty() || list.stream().anyMatch(x -> x.equalsIgnoreCase(t))) return;
        list.add(t);
        listsDirty.set(true);
        errors.remove("allow");
        errors.remove("domains");
    }

    public void remove(ObservableList<String> list, String item) {
        if (item != null && list.remove(item)) listsDirty.set(true);
    }

    /** Reads a policy file (JSON or CSV) in the background and hands its preview on; nothing changes yet. */
    public void previewImport(Path file, Consumer<PolicyTransferService.ImportPreview> onReady, Consumer<Throwable> onFailure) {
        runner.run(() -> transfer.previewFile(file, false), onReady, onFailure);
    }

    /** Writes the policy to the file as JSON in the background; hands on how many entries it holds. */
    public void exportTo(Path file, Consumer<Integer> onDone, Consumer<Throwable> onFailure) {
        runner.run(() -> transfer.exportTo(file), onDone, onFailure);
    }

    public void prepareSaveLists(Consumer<PolicyService.Candidate> onReady, Consumer<Throwable> onFailure) {
        List<String> a = List.copyOf(allow);
        List<String> d = List.copyOf(domains);
        runner.run(() -> service.candidateLists(a, d), onReady, e -> {
            if (e instanceof ValidationException ve) show(ve);
            else onFailure.accept(e);
        });
    }

    public void saveLists(Runnable onSaved, Consumer<Throwable> onFailure) {
        List<String> a = List.copyOf(allow);
        List<String> d = List.copyOf(domains);
        runner.perform(() -> service.saveLists(a, d), () -> {
            load();
            onSaved.run();
        }, e -> {
            if (e instanceof ValidationException ve) show(ve);
            else onFailure.accept(e);
        });
    }

    // ---- proposals --------------------------------------------------------------------------------------------

    public void decide(AllowProposal p, boolean apply, Runnable onDone, Consumer<Throwable> onFailure) {
        runner.perform(() -> {
            if (apply) proposalService.applyProposal(p.id());
            else proposalService.declineProposal(p.id());
        }, () -> {
            load();
            onDone.run();
        }, onFailure);
    }

    // ---- accessors ----------------------------------------------------------------------------------------------

    public ObservableList<PolicyEntry> entries() { return entries; }
    public FilteredList<PolicyEntry> visible() { return visible; }
    public ObservableList<String> categories() { return categories; }
    public ObservableList<String> allow() { return allow; }
    public ObservableList<String> domains() { return domains; }
    public ObservableList<PolicyEntry> embargoes() { return embargoes; }
    public ObservableList<AllowProposal> proposals() { return proposals; }
    public LongProperty versionProperty() { return version; }
    public BooleanProperty loadedProperty() { return loaded; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty listsDirtyProperty() { return listsDirty; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<String> categoryFilterProperty() { return categoryFilter; }
    public ObjectProperty<Severity> severityFilterProperty() { return severityFilter; }
    public BooleanProperty showRetiredProperty() { return showRetired; }
    public ObjectProperty<PolicyEntry> editingProperty() { return editing; }
    public BooleanProperty patternProperty() { return pattern; }
    public StringProperty textProperty() { return text; }
    public StringProperty categoryProperty() { return category; }
    public ObjectProperty<Severity> severityProperty() { return severity; }
    public ObjectProperty<LocalDate> embargoProperty() { return embargo; }
    public StringProperty noteProperty() { return note; }
    public StringProperty sampleProperty() { return sample; }
    public ObjectProperty<PolicyBenchService.PatternTest> testProperty() { return test; }
    public ObservableMap<String, String> errors() { return errors; }
    /** Field → arguments of its error's key (see {@link #errors()}). */
    public Map<String, List<Object>> errorArgs() { return errorArgs; }

    public boolean lifted(PolicyEntry e) {
        return service.lifted(e);
    }

    /** Whether the entry shown is the one with this id. */
    public boolean isEditing(long id) {
        return editing.get() != null && Objects.equals(editing.get().id(), id);
    }
}
