package io.byline.ui.audit;

import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.service.AuditService;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Audit screen's state: the filters, the newest matching entries and how many match in all. Every change of a
 * filter reloads in the background; an answer to an older filter is dropped. A failed load keeps the filters as
 * they were typed and says what happened.
 */
public final class AuditViewModel {
    /** At most this many entries are listed; exports have no limit. */
    public static final int LIMIT = 1_000;
    /** The kinds of thing entries are about, for the "concerning" filter. */
    public static final List<String> ENTITY_TYPES = List.of("post", "user", "executive", "account", "workspace", "database", "audit");

    private final AuditService audit;
    private final TaskRunner runner;
    private final ZoneId zone;
    private final ObjectProperty<AuditService.Actor> actor = new SimpleObjectProperty<>();
    private final StringProperty type = new SimpleStringProperty();
    private final StringProperty entityType = new SimpleStringProperty();
    private final StringProperty entityId = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<AuditEvent> entries = FXCollections.observableArrayList();
    private final ObservableList<AuditService.Actor> actors = FXCollections.observableArrayList();
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final StringProperty idError = new SimpleStringProperty();
    private long generation;
    private boolean muted;

    public AuditViewModel(AuditService audit, TaskRunner runner, ZoneId zone) {
        this.audit = audit;
        this.runner = runner;
        this.zone = zone;
        actor.addListener((o, a, b) -> changed());
        type.addListener((o, a, b) -> changed());
        entityType.addListener((o, a, b) -> changed());
        entityId.addListener((o, a, b) -> changed());
        from.addListener((o, a, b) -> changed());
        to.addListener((o, a, b) -> changed());
    }

    private void changed() {
        if (!muted) reload();
    }

    /** Loads the choices of the filters and the entries. */
    public void load() {
        runner.run(() -> new Choices(audit.actors(), audit.eventTypes()), c -> {
            muted = true;
            try {
                AuditService.Actor keep = actor.get();
                String keepType = type.get();
                actors.setAll(c.actors());
                types.setAll(withGroups(c.types()));
                actor.set(keep == null ? null : actors.stream().filter(a -> a.id() == keep.id()).findFirst().orElse(null));
                type.set(keepType);
            } finally {
                muted = false;
            }
        }, failure::set);
        reload();
    }

    private record Choices(List<AuditService.Actor> actors, List<String> types) {}

    private record Page(List<AuditEvent> entries, long total) {}

    /** Event types, each group first as a prefix ({@code post.*}) when it has more than one type. */
    static List<String> withGroups(List<String> types) {
        Set<String> out = new LinkedHashSet<>();
        List<String> sorted = new ArrayList<>(types);
        sorted.sort(null);
        for (String t : sorted) {
            int dot = t.indexOf('.');
            if (dot > 0) {
                String group = t.substring(0, dot);
                if (sorted.stream().filter(x -> x.startsWith(group + ".")).count() > 1) out.add(group + ".*");
            }
            out.add(t);
        }
        return new ArrayList<>(out);
    }

    /** The filter as typed, or empty (with {@link #idErrorProperty()} set) when the id is not a number. */
    public Optional<AuditFilter> filter() {
        String id = entityId.get() == null ? "" : entityId.get().strip();
        if (!id.isEmpty() && !id.chars().allMatch(Character::isDigit)) {
            idError.set("audit.filter.badId");
            return Optional.empty();
        }
        idError.set(null);
        LocalDate f = from.get();
        LocalDate t = to.get();
        String et = entityType.get();
        return Optional.of(new AuditFilter(actor.get() == null ? null : actor.get().id(), type.get(), et,
                et == null || id.isEmpty() ? null : id,
                f == null ? null : f.atStartOfDay(zone).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    public void reload() {
        Optional<AuditFilter> f = filter();
        if (f.isEmpty()) return;
        long gen = ++generation;
        loading.set(true);
        runner.run(() -> new Page(audit.list(f.get(), LIMIT), audit.count(f.get())), page -> {
            if (gen != generation) return;
            entries.setAll(page.entries());
            total.set(page.total());
            failure.set(null);
            loading.set(false);
            loaded.set(true);
        }, e -> {
            if (gen != generation) return;
            failure.set(e);
            loading.set(false);
        });
    }

    public void clearFilters() {
        muted = true;
        try {
            actor.set(null);
            type.set(null);
            entityType.set(null);
            entityId.set("");
            from.set(null);
            to.set(null);
        } finally {
            muted = false;
        }
        reload();
    }

    /** Shows the entries about one entity (e.g. after the check names a bad entry's post). */
    public void showEntity(String kind, String id) {
        muted = true;
        try {
            entityType.set(kind);
            entityId.set(id == null ? "" : id);
        } finally {
            muted = false;
        }
        reload();
    }

    /** The post an evidence bundle would be about: the selected entry's, else the filtered one's. */
    public Optional<String> evidencePost(AuditEvent selected) {
        if (selected != null && "post".equals(selected.entityType()) && selected.entityId() != null) {
            return Optional.of(selected.entityId());
        }
        String id = entityId.get() == null ? "" : entityId.get().strip();
        if ("post".equals(entityType.get()) && !id.isEmpty() && id.chars().allMatch(Character::isDigit)) return Optional.of(id);
        return Optional.empty();
    }

    public ObjectProperty<AuditService.Actor> actorProperty() { return actor; }
    public StringProperty typeProperty() { return type; }
    public StringProperty entityTypeProperty() { return entityType; }
    public StringProperty entityIdProperty() { return entityId; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObservableList<AuditEvent> entries() { return entries; }
    public ObservableList<AuditService.Actor> actors() { return actors; }
    public ObservableList<String> types() { return types; }
    public LongProperty totalProperty() { return total; }
    public BooleanProperty loadingProperty() { return loading; }
    public BooleanProperty loadedProperty() { return loaded; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    public StringProperty idErrorProperty() { return idError; }
    public ZoneId zone() { return zone; }
}
