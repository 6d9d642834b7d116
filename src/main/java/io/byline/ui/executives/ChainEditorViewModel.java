package io.byline.ui.executives;

import io.byline.domain.ApprovalChain;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Capacity;
import io.byline.domain.Role;
import io.byline.domain.StepRule;
import io.byline.domain.ValidationException;
import io.byline.service.ChainService;
import io.byline.service.Session;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The approval chain editor of one executive: for each capacity (official, personal) the ordered steps, the roles
 * that may sign each and whether any one or all of them must. Approvers and Admins edit; others see it read-only.
 */
public final class ChainEditorViewModel {
    /** Roles a step may name (writers never sign). */
    public static final List<Role> SIGNING_ROLES = List.of(Role.REVIEWER, Role.LEGAL, Role.APPROVER, Role.EXECUTIVE);

    /** One editable step. */
    public static final class Step {
        private final StringProperty name = new SimpleStringProperty("");
        private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
        private final ObjectProperty<StepRule> rule = new SimpleObjectProperty<>(StepRule.ANY);

        Step(ApprovalStep s) {
            for (Role r : SIGNING_ROLES) roles.put(r, new SimpleBooleanProperty(s != null && s.roles().contains(r)));
            if (s != null) {
                name.set(s.name());
                rule.set(s.rule());
            }
        }

        public StringProperty nameProperty() { return name; }
        public BooleanProperty roleProperty(Role r) { return roles.get(r); }
        public ObjectProperty<StepRule> ruleProperty() { return rule; }

        Set<Role> roles() {
            Set<Role> out = EnumSet.noneOf(Role.class);
            roles.forEach((r, p) -> {
                if (p.get()) out.add(r);
            });
            return out;
        }
    }

    private final ChainService chains;
    private final TaskRunner runner;
    private final boolean canEdit;
    private final ObjectProperty<Capacity> capacity = new SimpleObjectProperty<>(Capacity.OFFICIAL);
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper builtIn = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private Long executiveId;
    private Runnable onSaved = () -> { };
    private boolean filling;

    public ChainEditorViewModel(ChainService chains, Session session, TaskRunner runner) {
        this.chains = chains;
        this.runner = runner;
        session.require();
        this.canEdit = chains.canEditChains();
        capacity.addListener((o, a, b) -> load());
    }

    public boolean canEdit() { return canEdit; }
    public ObjectProperty<Capacity> capacityProperty() { return capacity; }
    public ObservableList<Step> steps() { return steps; }
    /** Whether the shown chain is Byline's default (none saved for this executive and capacity). */
    public ReadOnlyBooleanProperty builtInProperty() { return builtIn.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** "steps" → bundle key of what is wrong. */
    public ObservableMap<String, String> errors() { return errors; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }

    public void setOnSaved(Runnable r) {
        onSaved = r;
    }

    public boolean hasUnsavedChanges() {
        return dirty.get();
    }

    /** Shows the chains of this executive (null: nothing). */
    public void show(Long executive) {
        executiveId = executive;
        load();
    }

    public void load() {
        Long id = executiveId;
        Capacity c = capacity.get();
        if (id == null) {
            fill(List.of());
            return;
        }
        runner.run(() -> chains.chain(id, c), chain -> {
            if (id.equals(executiveId) && c == capacity.get()) {
                fill(chain.steps());
                builtIn.set(chain.builtIn());
            }
        }, failure::set);
    }

    private void fill(List<ApprovalStep> list) {
        filling = true;
        try {
            steps.setAll(list.stream().map(this::watched).toList());
            errors.clear();
            dirty.set(false);
        } finally {
            filling = false;
        }
    }

    private Step watched(ApprovalStep s) {
        Step step = new Step(s);
        step.name.addListener((o, a, b) -> changed());
        step.rule.addListener((o, a, b) -> changed());
        step.roles.values().forEach(p -> p.addListener((o, a, b) -> changed()));
        return step;
    }

    private void changed() {
        if (filling) return;
        dirty.set(true);
        errors.clear();
    }

    public void addStep() {
        Step s = watched(null);
        steps.add(s);
        changed();
    }

    public void remove(Step s) {
        if (steps.remove(s)) changed();
    }

    /** Moves a step up (-1) or down (+1) the chain. */
    public void move(Step s, int delta) {
        int i = steps.indexOf(s);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= steps.size()) return;
        steps.remove(i);
        steps.add(j, s);
        changed();
    }

    public void revert() {
        load();
    }

    /** Checks the steps here first (every step named, with a role), then saves through the service. */
    public void save() {
        Long id = executiveId;
        if (id == null || busy.get()) return;
        List<ApprovalStep> out = new ArrayList<>();
        for (Step s : steps) {
            String name = s.name.get() == null ? "" : s.name.get().strip();
            if (name.isEmpty()) {
                errors.put("steps", "chains.error.stepName");
                return;
            }
            if (s.roles().isEmpty()) {
                errors.put("steps", "chains.error.noRoles");
                return;
            }
            out.add(new ApprovalStep(name, s.roles(), s.rule.get()));
        }
        Capacity c = capacity.get();
        busy.set(true);
        runner.run(() -> chains.saveChain(id, c, out), (ApprovalChain saved) -> {
            busy.set(false);
            fill(saved.steps());
            builtIn.set(false);
            onSaved.run();
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException ve) errors.putAll(ve.fieldErrors());
            else failure.set(e);
        });
    }
}
