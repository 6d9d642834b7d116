package io.byline.ui.executives;

import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.ValidationException;
import io.byline.service.ExecutiveService;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The Executives screen: the list, the selected executive's profile form and their accounts. Field errors come
 * from the service as field → bundle key; everything typed stays in the properties when a save fails.
 */
public final class ExecutivesViewModel {
    private final ExecutiveService service;
    private final TaskRunner runner;
    private final boolean canEdit;

    private final ObservableList<Executive> all = FXCollections.observableArrayList();
    private final FilteredList<Executive> visible = new FilteredList<>(all, e -> !e.retired());
    private final BooleanProperty showRetired = new SimpleBooleanProperty(false);
    private final ObjectProperty<Executive> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty organisation = new SimpleStringProperty("");
    private final StringProperty timeZone = new SimpleStringProperty("UTC");
    private final StringProperty voiceNotes = new SimpleStringProperty("");
    private final ObjectProperty<byte[]> photo = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<Account> editingAccount = new SimpleObjectProperty<>();
    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>(Platform.X);
    private final StringProperty handle = new SimpleStringProperty("");
    private final ObjectProperty<Capacity> capacity = new SimpleObjectProperty<>(Capacity.OFFICIAL);
    private final StringProperty bio = new SimpleStringProperty("");
    private final StringProperty disclaimer = new SimpleStringProperty("");
    private final ObservableMap<String, String> accountErrors = FXCollections.observableHashMap();

    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private Runnable onSaved = () -> { };
    private boolean filling;

    public ExecutivesViewModel(ExecutiveService service, TaskRunner runner) {
        this.service = service;
        this.runner = runner;
        this.canEdit = service.canEdit();
        showRetired.addListener((o, a, show) -> visible.setPredicate(e -> show || !e.retired()));
        watch(name, "name");
        watch(title, "title");
        watch(organisation, "organisation");
        watch(timeZone, "timeZone");
        watch(voiceNotes, "voiceNotes");
        watch(photo, "photo");
        handle.addListener((o, a, b) -> accountErrors.remove("handle"));
        platform.addListener((o, a, b) -> accountErrors.remove("handle"));
        disclaimer.addListener((o, a, b) -> accountErrors.remove("disclaimer"));
        capacity.addListener((o, a, b) -> accountErrors.remove("disclaimer"));
        bio.addListener((o, a, b) -> accountErrors.remove("bio"));
    }

    private void watch(ObservableValue<?> p, String field) {
        p.addListener((o, a, b) -> {
            if (filling) return;
            dirty.set(true);
            errors.remove(field);
        });
    }

    // ------------------------------------------------------------------ state

    public boolean canEdit() { return canEdit; }
    public ObservableList<Executive> executives() { return visible; }
    public BooleanProperty showRetiredProperty() { return showRetired; }
    public ObjectProperty<Executive> selectedProperty() { return selected; }
    /** Whether the detail shows an executive (a saved one or a new one being added). */
    public ReadOnlyBooleanProperty editingProperty() { return editing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Whether the list has been loaded at least once (the empty state waits for it). */
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public StringProperty nameProperty() { return name; }
    public StringProperty titleProperty() { return title; }
    public StringProperty organisationProperty() { return organisation; }
    public StringProperty timeZoneProperty() { return timeZone; }
    public StringProperty voiceNotesProperty() { return voiceNotes; }
    public ObjectProperty<byte[]> photoProperty() { return photo; }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    /** Profile field → bundle key of what is wrong. */
    public ObservableMap<String, String> errors() { return errors; }
    public ObservableList<Account> accounts() { return accounts; }
    /** The account being added (id 0) or edited; null when the account editor is closed. */
    public ObjectProperty<Account> editingAccountProperty() { return editingAccount; }
    public ObjectProperty<Platform> platformProperty() { return platform; }
    public StringProperty handleProperty() { return handle; }
    public ObjectProperty<Capacity> capacityProperty() { return capacity; }
    public StringProperty bioProperty() { return bio; }
    public StringProperty disclaimerProperty() { return disclaimer; }
    /** Account field → bundle key of what is wrong. */
    public ObservableMap<String, String> accountErrors() { return accountErrors; }
    /** A failure that is not about a field (storage, permission), for the view to report. */
    public ObjectProperty<Throwable> failureProperty() { return failure; }

    public void setOnSaved(Runnable r) {
        onSaved = Objects.requireNonNull(r);
    }

    /** Whether leaving now would lose typed text. */
    public boolean hasUnsavedChanges() {
        return dirty.get() || (editingAccount.get() != null && !handle.get().isBlank());
    }

    /** Time zones for the picker, sorted. */
    public static List<String> timeZones() {
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList();
    }

    // ------------------------------------------------------------------ commands

    /** Loads the list in the background, keeping the selection by id. */
    public void load() {
        busy.set(true);
        runner.run(() -> service.list(true), list -> {
            busy.set(false);
            Executive before = selected.get();
            all.setAll(list);
            loaded.set(true);
            if (before != null) {
                list.stream().filter(e -> e.id() == before.id()).findFirst().ifPresent(e -> {
                    if (!dirty.get()) select(e);
                    else selected.set(e);
                });
            }
        }, this::failed);
    }

    /** Shows an executive in the form (discarding unsaved edits: the view asks first). */
    public void select(Executive e) {
        selected.set(e);
        editingAccount.set(null);
        accountErrors.clear();
        if (e == null) {
            editing.set(false);
            accounts.clear();
            return;
        }
        fill(e);
        editing.set(true);
        loadAccounts(e.id());
    }

    /** Starts adding a new executive. */
    public void newExecutive() {
        selected.set(null);
        fill(new Executive(0, "", "", "", "", null, ZoneId.systemDefault().getId(), false));
        accounts.clear();
        editingAccount.set(null);
        editing.set(true);
    }

    public boolean isNew() {
        return editing.get() && selected.get() == null;
    }

    private void fill(Executive e) {
        filling = true;
        try {
            name.set(e.name());
            title.set(e.title());
            organisation.set(e.organisation());
            timeZone.set(e.timeZone());
            voiceNotes.set(e.voiceNotes());
            photo.set(e.photo());
            errors.clear();
            dirty.set(false);
        } finally {
            filling = false;
        }
    }

    /** Puts the saved values back. */
    public void revert() {
        if (selected.get() != null) fill(selected.get());
        else {
            editing.set(false);
            dirty.set(false);
        }
    }

    /** Sets the photo, refusing one over the size limit with a field error. */
    public void choosePhoto(byte[] bytes) {
        if (bytes != null && bytes.length > ExecutiveService.MAX_PHOTO_BYTES) {
            errors.put("photo", "executives.error.photoTooLarge");
            return;
        }
        photo.set(bytes);
    }

    /** Saves the profile in the background; field errors land in {@link #errors()}. */
    public void save() {
        if (busy.get()) return;
        Executive current = selected.get();
        Executive draft = new Executive(current == null ? 0 : current.id(), name.get() == null ? "" : name.get(),
                title.get(), organisation.get(), voiceNotes.get(), photo.get(), timeZone.get(),
                current != null && current.retired());
        busy.set(true);
        runner.run(() -> service.save(draft), saved -> {
            busy.set(false);
            replace(saved);
            selected.set(saved);
            fill(saved);
            if (current == null) loadAccounts(saved.id());
            onSaved.run();
        }, this::failed);
    }

    /** Retires (or brings back) the selected executive. */
    public void setRetired(boolean retired) {
        Executive e = selected.get();
        if (e == null) return;
        busy.set(true);
        runner.perform(() -> service.setRetired(e.id(), retired), () -> {
            busy.set(false);
            Executive now = e.withRetired(retired);
            replace(now);
            selected.set(now);
            if (retired && !showRetired.get()) select(null);
            onSaved.run();
        }, this::failed);
    }

    private void replace(Executive e) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == e.id()) {
                all.set(i, e);
                return;
            }
        }
        all.add(e);
        all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    }

    private void loadAccounts(long executiveId) {
        runner.run(() -> service.accounts(executiveId, true), list -> {
            if (selected.get() != null && selected.get().id() == executiveId) accounts.setAll(list);
        }, this::failed);
    }

    /** Opens the account editor for a new account of the selected executive. */
    public void newAccount() {
        Executive e = selected.get();
        if (e == null) return;
        fillAccount(new Account(0, e.id(), Platform.X, "", Capacity.OFFICIAL, "", "", false));
    }

    public void editAccount(Account a) {
        if (a != null) fillAccount(a);
    }

    private void fillAccount(Account a) {
        platform.set(a.platform());
        handle.set(a.handle());
        capacity.set(a.capacity());
        bio.set(a.bio());
        disclaimer.set(a.disclaimer());
        accountErrors.clear();
        editingAccount.set(a);
    }

    public void cancelAccount() {
        editingAccount.set(null);
        accountErrors.clear();
    }

    /** Saves the account being edited; a platform and handle already in use shows on the handle field. */
    public void saveAccount() {
        Account a = editingAccount.get();
        if (a == null || busy.get()) return;
        Account draft = new Account(a.id(), a.executiveId(), platform.get(), handle.get() == null ? "" : handle.get(),
                capacity.get(), bio.get(), capacity.get() == Capacity.PERSONAL ? disclaimer.get() : "", a.retired());
        busy.set(true);
        runner.run(() -> service.saveAccount(draft), saved -> {
            busy.set(false);
            editingAccount.set(null);
            loadAccounts(saved.executiveId());
            onSaved.run();
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException ve) accountErrors.putAll(ve.fieldErrors());
            else failure.set(e);
        });
    }

    public void setAccountRetired(Account a, boolean retired) {
        if (a == null) return;
        busy.set(true);
        runner.perform(() -> service.setAccountRetired(a.id(), retired), () -> {
            busy.set(false);
            loadAccounts(a.executiveId());
            onSaved.run();
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException ve) errors.putAll(ve.fieldErrors());
        else failure.set(e);
    }
}
