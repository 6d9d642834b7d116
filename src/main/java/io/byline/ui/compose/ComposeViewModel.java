package io.byline.ui.compose;

import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.domain.WordDiff;
import io.byline.service.DraftService;
import io.byline.service.ExecutiveService;
import io.byline.service.PostDetail;
import io.byline.service.QueueFilter;
import io.byline.service.QueueItem;
import io.byline.service.ReviewService;
import io.byline.service.VersionDiff;
import io.byline.ui.common.Debouncer;
import io.byline.ui.common.I18n;
import io.byline.ui.common.PublishTimes;
import io.byline.ui.common.TaskRunner;
import io.byline.validation.FindingTexts;
import io.byline.validation.LengthInfo;
import io.byline.validation.PlatformLength;
import io.byline.validation.ThreadSplitter;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The drafting desk: one draft's executive, accounts, text (shared and per-platform variants), publish time,
 * images and versions, with live checks while typing.
 *
 * <p>Live checks are debounced ({@link #CHECK_DELAY}) and run through the {@link TaskRunner}; every edit bumps a
 * generation counter and a result is applied only when no edit happened since its check started, so a slow
 * check of older text never paints over newer text. Counters and the overflow mark are computed at once (they
 * are cheap). Autosave is debounced too ({@link #AUTOSAVE_DELAY}) and never loses the text: a failed save leaves
 * everything in the properties and says why in {@link #saveProblemProperty()}.
 */
public final class ComposeViewModel {
    public static final java.time.Duration CHECK_DELAY = java.time.Duration.ofMillis(250);
    public static final java.time.Duration AUTOSAVE_DELAY = java.time.Duration.ofMillis(1500);
    /** Platforms whose long posts can be shown as a numbered thread. */
    public static final EnumSet<Platform> THREAD_PLATFORMS = EnumSet.of(Platform.X, Platform.THREADS, Platform.BLUESKY);

    /** Where the draft is in being kept. */
    public enum SaveState { EMPTY, NOT_READY, UNSAVED, SAVING, SAVED, FAILED }

    /** The outcome of one background check. */
    record CheckOutcome(Map<Platform, List<Finding>> findings, List<ThreadPartViewModel> parts) {}

    private final DraftService drafts;
    private final ExecutiveService executiveService;
    private final ReviewService reviews;
    private final io.byline.service.QueueService queue;
    private final TaskRunner runner;
    private final Clock clock;
    private final I18n i18n;
    private final Debouncer checkDebounce;
    private final Debouncer autosaveDebounce;
    private final boolean canDraft;

    // who and where
    private final ObservableList<Executive> executives = FXCollections.observableArrayList();
    private final ObjectProperty<Executive> executive = new SimpleObjectProperty<>();
    private final ObservableList<AccountToggleViewModel> accounts = FXCollections.observableArrayList();
    private final ObservableList<Platform> platforms = FXCollections.observableArrayList();
    private final ObjectProperty<Platform> activePlatform = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper variantActive = new ReadOnlyBooleanWrapper(false);

    // text
    private final StringProperty text = new SimpleStringProperty("");
    private String shared = "";
    private final Map<Platform, String> variants = new EnumMap<>(Platform.class);
    private long generation;
    private long appliedGeneration = -1;
    private int droppedResults;

    // checks
    private final ObservableList<FindingViewModel> findings = FXCollections.observableArrayList();
    private final ObservableList<CounterViewModel> counters = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper overflowStart = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper checkFailed = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty threadMode = new SimpleBooleanProperty(false);
    private final ObservableList<ThreadPartViewModel> threadParts = FXCollections.observableArrayList();
    private List<FindingViewModel> textFindings = List.of();

    // publish time
    private final ObjectProperty<LocalDate> publishDate = new SimpleObjectProperty<>();
    private final StringProperty publishTime = new SimpleStringProperty("09:00");
    private final ReadOnlyStringWrapper zoneLabel = new ReadOnlyStringWrapper("");

    // the post
    private final ReadOnlyObjectWrapper<Long> postId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PostState> state = new ReadOnlyObjectWrapper<>();
    private Post post;
    private final ObservableList<MediaViewModel> media = FXCollections.observableArrayList();
    private final ObservableList<VersionViewModel> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionViewModel> diffFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<VersionViewModel> diffTo = new SimpleObjectProperty<>();
    private final ObservableList<WordDiff.Segment> diff = FXCollections.observableArrayList();
    private final ObservableList<QueueItem> draftList = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper recovered = new ReadOnlyBooleanWrapper(false);

    // saving
    private final ReadOnlyObjectWrapper<SaveState> saveState = new ReadOnlyObjectWrapper<>(SaveState.EMPTY);
    private final ReadOnlyObjectWrapper<Instant> savedAt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notReadyKey = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Throwable> saveProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper lastVersionNumber = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long editCount;
    private long savedEditCount;
    private boolean creating;

    // submit
    private final ReadOnlyObjectWrapper<DraftService.SubmitPreview> submitPreview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FindingViewModel> submitFindings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper submitted = new ReadOnlyBooleanWrapper(false);

    /** Field → bundle key of what is wrong ({@code publishAt}, {@code accounts}, {@code media}, {@code altText} …). */
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    /** A failure of an explicit action (save, attach, restore) for the view to report. */
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();

    private boolean loading;
    private final IntegerProperty selectedFinding = new SimpleIntegerProperty(-1);

    public ComposeViewModel(DraftService drafts, ExecutiveService executiveService, ReviewService reviews, io.byline.service.QueueService queue, TaskRunner runner,
                            Clock clock, I18n i18n, Debouncer checkDebounce, Debouncer autosaveDebounce) {
        this.drafts = drafts;
        this.executiveService = executiveService;
        this.reviews = reviews;
        this.queue = queue;
        this.runner = runner;
        this.clock = clock;
        this.i18n = i18n;
        this.checkDebounce = checkDebounce;
        this.autosaveDebounce = autosaveDebounce;
        this.canDraft = drafts.canDraft();

        text.addListener((o, a, b) -> {
            if (!loading) edited(b == null ? "" : b);
        });
        activePlatform.addListener((o, a, b) -> {
            if (!loading) showPlatform();
        });
        threadMode.addListener((o, a, b) -> checkNow());
        publishDate.addListener((o, a, b) -> {
            if (!loading) publishEdited();
        });
        executive.addListener((o, a, b) -> {
            if (!loading && b != null && (a == null || a.id() != b.id())) executiveChosen(b);
        });
    }

    // ====================================================================================== state

    public boolean canDraft() { return canDraft; }
    public ObservableList<Executive> executives() { return executives; }
    public ObjectProperty<Executive> executiveProperty() { return executive; }
    public ObservableList<AccountToggleViewModel> accounts() { return accounts; }
    /** Platforms of the chosen accounts, in the platforms' order. */
    public ObservableList<Platform> platforms() { return platforms; }
    /** The platform the editor, findings and preview are about. */
    public ObjectProperty<Platform> activePlatformProperty() { return activePlatform; }
    /** Whether the editor shows the active platform's own variant (else the shared text). */
    public ReadOnlyBooleanProperty variantActiveProperty() { return variantActive.getReadOnlyProperty(); }
    /** The editor's text: the active platform's variant, or the shared text. */
    public StringProperty textProperty() { return text; }
    public ObservableList<FindingViewModel> findings() { return findings; }
    public ObservableList<CounterViewModel> counters() { return counters; }
    /** Where the editor's text first goes past the active platform's limit, or -1. */
    public ReadOnlyIntegerProperty overflowStartProperty() { return overflowStart.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty checkFailedProperty() { return checkFailed.getReadOnlyProperty(); }
    public BooleanProperty threadModeProperty() { return threadMode; }
    public ObservableList<ThreadPartViewModel> threadParts() { return threadParts; }
    public ObjectProperty<LocalDate> publishDateProperty() { return publishDate; }
    /** The publish time as typed ({@code HH:mm}), in the executive's time zone. */
    public StringProperty publishTimeProperty() { return publishTime; }
    /** The executive's time zone as shown beside the time ({@code WIB · Asia/Jakarta}). */
    public ReadOnlyStringProperty zoneLabelProperty() { return zoneLabel.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Long> postIdProperty() { return postId.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PostState> stateProperty() { return state.getReadOnlyProperty(); }
    public ObservableList<MediaViewModel> media() { return media; }
    public ObservableList<VersionViewModel> versions() { return versions; }
    public ObjectProperty<VersionViewModel> diffFromProperty() { return diffFrom; }
    public ObjectProperty<VersionViewModel> diffToProperty() { return diffTo; }
    public ObservableList<WordDiff.Segment> diff() { return diff; }
    public ObservableList<QueueItem> draftList() { return draftList; }
    /** The draft was reopened with text autosaved before Byline closed. */
    public ReadOnlyBooleanProperty recoveredProperty() { return recovered.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SaveState> saveStateProperty() { return saveState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Instant> savedAtProperty() { return savedAt.getReadOnlyProperty(); }
    /** Why the draft cannot be kept yet (bundle key), while the state is NOT_READY. */
    public ReadOnlyStringProperty notReadyKeyProperty() { return notReadyKey.getReadOnlyProperty(); }
    /** Why the last save failed, while the state is FAILED. */
    public ReadOnlyObjectProperty<Throwable> saveProblemProperty() { return saveProblem.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty lastVersionNumberProperty() { return lastVersionNumber.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DraftService.SubmitPreview> submitPreviewProperty() { return submitPreview.getReadOnlyProperty(); }
    /** The findings the submit dialog lists. */
    public ObservableList<FindingViewModel> submitFindings() { return submitFindings; }
    public ReadOnlyStringProperty submitErrorProperty() { return submitError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty submittedProperty() { return submitted.getReadOnlyProperty(); }
    public ObservableMap<String, String> errors() { return errors; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    public IntegerProperty selectedFindingProperty() { return selectedFinding; }
    /** Results of checks that arrived after newer text and were dropped (for tests). */
    public int droppedResults() { return droppedResults; }

    public String sharedText() { return shared; }
    public Map<Platform, String> variants() { return Map.copyOf(variants); }

    /** The text as it goes out on a platform. */
    public String textFor(Platform p) {
        String v = p == null ? null : variants.get(p);
        return v != null ? v : shared;
    }

    public List<Account> selectedAccounts() {
        return accounts.stream().filter(AccountToggleViewModel::isSelected).map(AccountToggleViewModel::account).toList();
    }

    /** The account the preview shows for a platform. */
    public Account accountFor(Platform p) {
        return selectedAccounts().stream().filter(a -> a.platform() == p).findFirst().orElse(null);
    }

    public boolean canSubmit() {
        PostState s = state.get();
        return canDraft && (s == null || s == PostState.DRAFT || s == PostState.CHANGES_REQUESTED);
    }

    /** Whether leaving now would lose typed text. */
    public boolean hasUnsavedChanges() {
        boolean dirty = editCount != savedEditCount;
        return dirty && (postId.get() == null || saveState.get() == SaveState.FAILED) && !shared.isBlank();
    }

    // ====================================================================================== loading

    /** Loads the executives (keeping the chosen one) and the list of open drafts. */
    public void load() {
        runner.run(() -> executiveService.list(false), list -> {
            executives.setAll(list);
            if (executive.get() == null && !list.isEmpty() && postId.get() == null) executive.set(list.get(0));
        }, failure::set);
        loadDrafts();
    }

    public void loadDrafts() {
        runner.run(() -> queue.queue(QueueFilter.all().withStates(EnumSet.of(PostState.DRAFT, PostState.CHANGES_REQUESTED))),
                draftList::setAll, e -> { });
    }

    /** Reopens the most recent draft with autosaved text that was never saved (after a crash), if any. */
    public void recoverUnsaved() {
        if (!canDraft || postId.get() != null || !shared.isBlank()) return;
        runner.run(drafts::unsavedWork, list -> {
            if (list.isEmpty() || postId.get() != null || !shared.isBlank()) return;
            PostDetail latest = list.stream().max(Comparator.comparing((PostDetail d) -> d.post().workingAt() == null
                    ? Instant.EPOCH : d.post().workingAt())).orElseThrow();
            apply(latest);
            recovered.set(true);
        }, e -> { });
    }

    private void executiveChosen(Executive e) {
        zoneLabel.set(zoneLabel(e));
        if (publishDate.get() == null) defaultPublishTime(e);
        runner.run(() -> executiveService.accounts(e.id(), false), list -> {
            if (executive.get() == null || executive.get().id() != e.id()) return;
            setAccounts(list, list.stream().map(Account::id).toList());
            targetsChanged(false);
        }, failure::set);
    }

    private void defaultPublishTime(Executive e) {
        ZonedDateTime tomorrow = ZonedDateTime.now(clock.withZone(zone(e))).plusDays(1);
        loading = true;
        try {
            publishDate.set(tomorrow.toLocalDate());
            publishTime.set("09:00");
        } finally {
            loading = false;
        }
    }

    private void setAccounts(List<Account> list, List<Long> selected) {
        for (AccountToggleViewModel a : accounts) a.selectedProperty().removeListener(accountListener);
        List<AccountToggleViewModel> rows = new ArrayList<>();
        for (Account a : list) {
            AccountToggleViewModel row = new AccountToggleViewModel(a, selected.contains(a.id()));
            row.selectedProperty().addListener(accountListener);
            rows.add(row);
        }
        accounts.setAll(rows);
    }

    private final javafx.beans.value.ChangeListener<Boolean> accountListener = (o, a, b) -> {
        if (!loading) targetsChanged(true);
    };

    /** Opens an existing post (its autosaved text when that is newer than its current version). */
    public void open(long id) {
        busy.set(true);
        runner.run(() -> drafts.get(id), d -> {
            busy.set(false);
            apply(d);
        }, this::failed);
    }

    private void apply(PostDetail d) {
        checkDebounce.cancel();
        autosaveDebounce.cancel();
        loading = true;
        try {
            post = d.post();
            postId.set(post.id());
            state.set(post.state());
            if (!executives.contains(d.executive())) executives.add(d.executive());
            executive.set(d.executive());
            zoneLabel.set(zoneLabel(d.executive()));
            List<Long> ids = d.targets().stream().map(Account::id).toList();
            List<Account> all = new ArrayList<>(d.targets());
            setAccounts(all, ids);
            ZonedDateTime at = post.publishAt().atZone(zone(d.executive()));
            publishDate.set(at.toLocalDate());
            publishTime.set(String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute()));
            boolean unsaved = d.hasUnsavedText();
            shared = unsaved ? d.unsavedText() : d.current().text();
            variants.clear();
            variants.putAll(unsaved ? post.workingVariants() : d.current().variants());
            media.setAll(d.media().stream().map(MediaViewModel::new).toList());
            media.forEach(this::watchMedia);
            lastVersionNumber.set(d.current().number());
            recovered.set(false);
            submitted.set(false);
            errors.clear();
        } finally {
            loading = false;
        }
        // the executive's full account list, with this post's targets chosen
        Executive e = d.executive();
        List<Long> ids = d.targets().stream().map(Account::id).toList();
        runner.run(() -> executiveService.accounts(e.id(), false), list -> {
            if (!Objects.equals(postId.get(), d.post().id())) return;
            List<Account> merged = new ArrayList<>(list);
            for (Account t : d.targets()) if (merged.stream().noneMatch(a -> a.id() == t.id())) merged.add(t);
            loading = true;
            try {
                setAccounts(merged, ids);
            } finally {
                loading = false;
            }
        }, e2 -> { });
        refreshPlatforms();
        savedEditCount = editCount;
        setSaved(d.hasUnsavedText() && d.post().workingAt() != null ? d.post().workingAt() : d.current().createdAt());
        showPlatform();
        loadVersions();
        loadMediaBytes();
    }

    /** Starts a new, empty draft for the same executive. */
    public void newDraft() {
        checkDebounce.cancel();
        autosaveDebounce.cancel();
        loading = true;
        try {
            post = null;
            postId.set(null);
            state.set(null);
            shared = "";
            variants.clear();
            media.clear();
            versions.clear();
            diff.clear();
            lastVersionNumber.set(0);
            recovered.set(false);
            submitted.set(false);
            errors.clear();
            text.set("");
            publishDate.set(null);
        } finally {
            loading = false;
        }
        editCount = savedEditCount = 0;
        saveState.set(SaveState.EMPTY);
        Executive e = executive.get();
        if (e != null) {
            defaultPublishTime(e);
            executiveChosen(e);
        }
        threadParts.clear();
        textFindings = List.of();
        refreshFindings();
    }

    // ====================================================================================== editing

    private void edited(String now) {
        Platform p = activePlatform.get();
        if (p != null && variants.containsKey(p)) variants.put(p, now);
        else shared = now;
        generation++;
        editCount++;
        submitted.set(false);
        recount();
        checking.set(true);
        checkDebounce.request(this::checkNow);
        markUnsaved();
        autosaveDebounce.request(this::autosave);
    }

    private void markUnsaved() {
        if (saveState.get() != SaveState.SAVING && saveState.get() != SaveState.FAILED) {
            String why = postId.get() == null ? creatable() : null;
            if (postId.get() == null && shared.isBlank() && variants.isEmpty()) saveState.set(SaveState.EMPTY);
            else if (why != null) {
                notReadyKey.set(why);
                saveState.set(SaveState.NOT_READY);
            } else saveState.set(SaveState.UNSAVED);
        }
    }

    /** Gives the active platform its own text, starting from the shared text; or drops it (back to shared). */
    public void setVariant(boolean own) {
        Platform p = activePlatform.get();
        if (p == null || own == variants.containsKey(p)) return;
        if (own) variants.put(p, shared);
        else variants.remove(p);
        editCount++;
        showPlatform();
        markUnsaved();
        autosaveDebounce.request(this::autosave);
    }

    /** Whether dropping the active platform's variant would lose text that differs from the shared text. */
    public boolean variantDiffers() {
        Platform p = activePlatform.get();
        return p != null && variants.containsKey(p) && !variants.get(p).equals(shared);
    }

    private void showPlatform() {
        Platform p = activePlatform.get();
        variantActive.set(p != null && variants.containsKey(p));
        loading = true;
        try {
            text.set(textFor(p));
        } finally {
            loading = false;
        }
        generation++;
        recount();
        threadMode.set(threadMode.get() && p != null && THREAD_PLATFORMS.contains(p));
        checkNow();
    }

    private void refreshPlatforms() {
        EnumSet<Platform> set = EnumSet.noneOf(Platform.class);
        for (Account a : selectedAccounts()) set.add(a.platform());
        List<Platform> list = new ArrayList<>(set);
        loading = true;
        try {
            if (!platforms.equals(list)) platforms.setAll(list);
            Platform p = activePlatform.get();
            if (p == null || !set.contains(p)) activePlatform.set(list.isEmpty() ? null : list.get(0));
        } finally {
            loading = false;
        }
    }

    private void targetsChanged(boolean byUser) {
        Platform before = activePlatform.get();
        refreshPlatforms();
        if (activePlatform.get() != before) showPlatform();
        else {
            recount();
            checkNow();
        }
        List<Long> ids = selectedAccounts().stream().map(Account::id).toList();
        if (ids.isEmpty()) errors.put("accounts", "compose.error.noAccount");
        else errors.remove("accounts");
        markUnsaved();
        Long id = postId.get();
        if (byUser && id != null && !ids.isEmpty()) {
            runner.run(() -> drafts.setTargets(id, ids), r -> {
                post = r.post();
                if (r.versionCreated()) loadVersions();
            }, this::failed);
        }
    }

    /** Recomputes the counters and the overflow mark (cheap; on every keystroke). */
    private void recount() {
        List<CounterViewModel> out = new ArrayList<>();
        for (Platform p : platforms) {
            LengthInfo info = PlatformLength.measure(textFor(p), p);
            out.add(new CounterViewModel(p, info.count(), info.limit(), CounterViewModel.level(info.count(), info.limit()),
                    variants.containsKey(p)));
        }
        counters.setAll(out);
        Platform p = activePlatform.get();
        overflowStart.set(p == null ? -1 : PlatformLength.measure(text.get() == null ? "" : text.get(), p).overflowStart());
    }

    // ====================================================================================== live checks

    /** Checks the current text now (the debounced check calls this). */
    public void checkNow() {
        checkDebounce.cancel();
        long gen = ++generation;
        Platform active = activePlatform.get();
        List<Account> targets = selectedAccounts();
        if (active == null || targets.isEmpty()) {
            appliedGeneration = gen;
            textFindings = List.of();
            threadParts.clear();
            checking.set(false);
            refreshFindings();
            return;
        }
        String sharedNow = shared;
        Map<Platform, String> variantsNow = new EnumMap<>(Platform.class);
        variantsNow.putAll(variants);
        List<Long> ids = targets.stream().map(Account::id).toList();
        Instant at = publishInstant();
        boolean thread = threadMode.get() && THREAD_PLATFORMS.contains(active);
        Account threadAccount = accountFor(active);
        String activeText = textFor(active);
        checking.set(true);
        runner.run(() -> {
            Map<Platform, List<Finding>> found = drafts.liveCheck(sharedNow, variantsNow, ids, at);
            List<ThreadPartViewModel> parts = thread ? checkThread(activeText, active, threadAccount, at) : List.of();
            return new CheckOutcome(found, parts);
        }, outcome -> {
            if (gen != generation) {
                droppedResults++;
                return;
            }
            appliedGeneration = gen;
            checking.set(false);
            checkFailed.set(false);
            textFindings = outcome.findings().getOrDefault(active, List.of()).stream()
                    .map(f -> row(f, active, activeText)).toList();
            threadParts.setAll(outcome.parts());
            refreshFindings();
        }, e -> {
            if (gen != generation) return;
            checking.set(false);
            checkFailed.set(true);
        });
    }

    private List<ThreadPartViewModel> checkThread(String t, Platform p, Account account, Instant at) {
        List<String> parts = ThreadSplitter.split(t, p);
        List<ThreadPartViewModel> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            List<Finding> found = account == null ? List.of()
                    : drafts.liveCheck(part, Map.of(), List.of(account.id()), at).getOrDefault(p, List.of());
            List<FindingViewModel> rows = found.stream().map(f -> row(f, p, part)).toList();
            Severity worst = null;
            for (Finding f : found) worst = Severity.worst(worst, f.severity());
            out.add(new ThreadPartViewModel(i + 1, parts.size(), part, PlatformLength.count(part, p), p.limit(), worst, rows));
        }
        return out;
    }

    /** Whether the findings on screen belong to the text on screen (no edit since their check). */
    public boolean upToDate() {
        return appliedGeneration == generation;
    }

    private FindingViewModel row(Finding f, Platform p, String inText) {
        return new FindingViewModel(f.severity(), f.rule(), FindingTexts.message(i18n.locale(), f, p, inText),
                f.text() == null ? "" : f.text(), f.start(), f.end(), p, 0);
    }

    private void refreshFindings() {
        List<FindingViewModel> all = new ArrayList<>(textFindings);
        for (MediaViewModel m : media) {
            if (!m.hasAltText()) {
                all.add(new FindingViewModel(Severity.WARN, RuleIds.MEDIA_ALT_TEXT, i18n.text("finding.media.altText"), m.fileName(),
                        0, 0, null, m.id()));
            }
        }
        all.sort(Comparator.comparing((FindingViewModel f) -> f.hasSpan() ? 0 : 1).thenComparingInt(FindingViewModel::start)
                .thenComparing(f -> f.severity().ordinal(), Comparator.reverseOrder()));
        findings.setAll(all);
        selectedFinding.set(-1);
    }

    /** Selects the next finding with a span after the caret (wrapping); its index, or -1. */
    public int nextFinding(int caret, boolean forward) {
        List<FindingViewModel> list = findings;
        if (list.isEmpty()) return -1;
        int n = list.size();
        int cur = selectedFinding.get();
        int pick;
        if (cur >= 0 && cur < n) {
            pick = Math.floorMod(cur + (forward ? 1 : -1), n);
        } else {
            pick = forward ? 0 : n - 1;
            for (int i = 0; i < n; i++) {
                int k = forward ? i : n - 1 - i;
                FindingViewModel f = list.get(k);
                if (forward ? f.start() >= caret : f.start() < caret) {
                    pick = k;
                    break;
                }
            }
        }
        selectedFinding.set(pick);
        return pick;
    }

    // ====================================================================================== publish time

    private static ZoneId zone(Executive e) {
        return PublishTimes.zone(e);
    }

    private String zoneLabel(Executive e) {
        return PublishTimes.zoneLabel(zone(e), clock.instant(), i18n.locale());
    }

    /** The publish time as an instant, or null when the date or time is missing or malformed. */
    public Instant publishInstant() {
        LocalDate d = publishDate.get();
        LocalTime t = parseTime(publishTime.get());
        Executive e = executive.get();
        if (d == null || t == null || e == null) return null;
        return ZonedDateTime.of(d, t, zone(e)).toInstant();
    }

    static LocalTime parseTime(String s) {
        if (s == null) return null;
        String t = s.strip().replace('.', ':');
        if (t.matches("\\d{1,2}")) t = t + ":00";
        if (!t.matches("\\d{1,2}:\\d{2}")) return null;
        if (t.length() == 4) t = "0" + t;
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Validates the publish time; a bundle key of what is wrong, or null. */
    public String publishProblem() {
        if (publishDate.get() == null) return "compose.error.publishAtRequired";
        if (parseTime(publishTime.get()) == null) return "compose.error.publishTimeFormat";
        Instant at = publishInstant();
        if (at != null && !at.isAfter(clock.instant())) return "compose.error.publishInPast";
        return null;
    }

    /** The user finished editing the date or time: validate, re-check (embargoes) and move a saved post. */
    public void publishEdited() {
        String problem = publishProblem();
        if (problem != null) errors.put("publishAt", problem);
        else errors.remove("publishAt");
        markUnsaved();
        checkNow();
        Long id = postId.get();
        Instant at = publishInstant();
        if (problem == null && id != null && post != null && !at.equals(post.publishAt())) {
            runner.run(() -> reviews.reschedule(id, at), r -> {
                post = r.post();
                state.set(post.state());
            }, this::failed);
        }
    }

    // ====================================================================================== saving

    /** Why a new draft cannot be created yet (bundle key), or null. */
    String creatable() {
        if (!canDraft) return "compose.readOnly";
        if (executive.get() == null) return "compose.notReady.executive";
        if (selectedAccounts().isEmpty()) return "compose.notReady.accounts";
        String p = publishProblem();
        if (p != null) return "compose.notReady.publishAt";
        return null;
    }

    private DraftService.NewDraft newDraft(String sharedNow, Map<Platform, String> variantsNow) {
        return new DraftService.NewDraft(executive.get().id(), selectedAccounts().stream().map(Account::id).toList(),
                sharedNow, variantsNow, publishInstant());
    }

    /** The work to do on a draft once it exists, in the background; {@code created} is the draft just made, or null. */
    @FunctionalInterface
    private interface OnDraft<T> {
        T run(long postId, PostDetail created) throws Exception;
    }

    private record Made<T>(PostDetail created, T result) {}

    /**
     * The one way to make sure the draft exists before working on it: when there is none yet, creates it (with the
     * text as it is now) in the same background task, then runs {@code work} on its id. When it cannot be created
     * yet, says why through {@code notReady} and does nothing. {@code starting} runs just before the background work.
     */
    private <T> void withDraft(Consumer<String> notReady, Runnable starting, OnDraft<T> work, Consumer<T> done,
                               Consumer<Throwable> failed) {
        Long id = postId.get();
        DraftService.NewDraft create = null;
        if (id == null) {
            String why = creatable();
            if (why != null) {
                notReady.accept(why);
                return;
            }
            create = newDraft(shared, Map.copyOf(variants));
            creating = true;
        }
        long edits = editCount;
        DraftService.NewDraft nd = create;
        starting.run();
        runner.run(() -> {
            PostDetail d = nd == null ? null : drafts.create(nd);
            return new Made<>(d, work.run(d == null ? id : d.post().id(), d));
        }, m -> {
            creating = false;
            if (m.created() != null) created(m.created(), edits);
            done.accept(m.result());
        }, e -> {
            creating = false;
            failed.accept(e);
        });
    }

    private void notReady(String why) {
        notReadyKey.set(why);
        saveState.set(SaveState.NOT_READY);
    }

    /** The debounced autosave: keeps the text (creating the draft first when it can), without a version. */
    public void autosave() {
        autosaveDebounce.cancel();
        if (!canDraft || creating || editCount == savedEditCount) return;
        long edits = editCount;
        String sharedNow = shared;
        Map<Platform, String> variantsNow = Map.copyOf(variants);
        Long id = postId.get();
        if (id == null && sharedNow.isBlank() && variantsNow.isEmpty()) return;
        withDraft(this::notReady, () -> saveState.set(SaveState.SAVING), (pid, created) -> {
            if (created != null) return null; // creating it kept the text
            drafts.autosave(pid, sharedNow, variantsNow);
            return clock.instant();
        }, at -> {
            if (at == null || !Objects.equals(postId.get(), id)) return;
            if (edits >= savedEditCount) savedEditCount = edits;
            setSaved(at);
        }, this::saveFailed);
    }

    private void created(PostDetail d, long edits) {
        post = d.post();
        postId.set(post.id());
        state.set(post.state());
        lastVersionNumber.set(d.current().number());
        if (edits >= savedEditCount) savedEditCount = edits;
        setSaved(d.current().createdAt());
        loadVersions();
        loadDrafts();
    }

    private void setSaved(Instant at) {
        savedAt.set(at);
        saveProblem.set(null);
        if (editCount != savedEditCount) {
            markUnsavedAfterSave();
        } else {
            saveState.set(SaveState.SAVED);
        }
    }

    private void markUnsavedAfterSave() {
        saveState.set(SaveState.UNSAVED);
        autosaveDebounce.request(this::autosave);
    }

    private void saveFailed(Throwable e) {
        if (e instanceof ValidationException ve) {
            errors.putAll(ve.fieldErrors());
        }
        saveProblem.set(e);
        saveState.set(SaveState.FAILED);
    }

    /** Saves the text as a new version (Ctrl+S), creating the draft first when needed. */
    public void save() {
        autosaveDebounce.cancel();
        if (!canDraft || creating) return;
        String sharedNow = shared;
        Map<Platform, String> variantsNow = Map.copyOf(variants);
        long edits = editCount;
        withDraft(why -> {
            String problem = publishProblem();
            if (problem != null) errors.put("publishAt", problem);
            if (selectedAccounts().isEmpty()) errors.put("accounts", "compose.error.noAccount");
            notReady(why);
        }, () -> {
            busy.set(true);
            saveState.set(SaveState.SAVING);
        }, (pid, created) -> created != null ? null : drafts.save(pid, sharedNow, variantsNow), r -> {
            busy.set(false);
            if (r == null) return; // just created: that was the first version
            post = r.post();
            state.set(post.state());
            lastVersionNumber.set(r.version().number());
            if (edits >= savedEditCount) savedEditCount = edits;
            setSaved(r.version().createdAt());
            if (r.versionCreated()) loadVersions();
        }, e -> {
            busy.set(false);
            saveFailed(e);
            failure.set(e);
        });
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException ve) errors.putAll(ve.fieldErrors());
        else failure.set(e);
    }

    // ====================================================================================== media

    /** Attaches an image read from disk (copied into the workspace); the draft is created first when needed. */
    public void attach(String fileName, byte[] bytes) {
        errors.remove("media");
        if (bytes != null && bytes.length > DraftService.MAX_MEDIA_BYTES) {
            errors.put("media", "compose.error.mediaTooLarge");
            return;
        }
        if (media.size() >= DraftService.MAX_MEDIA_PER_POST) {
            errors.put("media", "compose.error.tooManyMedia");
            return;
        }
        withDraft(why -> errors.put("media", why), () -> busy.set(true),
                (pid, created) -> drafts.attachMedia(pid, fileName, bytes, ""), attached -> {
            busy.set(false);
            MediaViewModel m = new MediaViewModel(attached);
            m.bytesProperty().set(bytes);
            watchMedia(m);
            media.add(m);
            refreshFindings();
            loadVersions();
        }, this::failed);
    }

    private void watchMedia(MediaViewModel m) {
        m.altTextProperty().addListener((o, a, b) -> {
            boolean had = a != null && !a.isBlank();
            boolean has = b != null && !b.isBlank();
            if (had != has) refreshFindings();
        });
    }

    private void loadMediaBytes() {
        for (MediaViewModel m : media) {
            if (m.bytesProperty().get() != null) continue;
            runner.run(() -> drafts.mediaBytes(m.id()), m.bytesProperty()::set, e -> { });
        }
    }

    /** Saves an image's alt text when it changed (on leaving the field). */
    public void commitAltText(MediaViewModel m) {
        if (!m.altTextChanged()) return;
        String alt = m.altTextProperty().get() == null ? "" : m.altTextProperty().get().strip();
        errors.remove("altText");
        runner.perform(() -> drafts.setAltText(m.id(), alt), () -> {
            m.altTextSaved(alt);
            loadVersions();
        }, this::failed);
    }

    public void removeMedia(MediaViewModel m) {
        runner.perform(() -> drafts.removeMedia(m.id()), () -> {
            media.remove(m);
            refreshFindings();
            loadVersions();
        }, this::failed);
    }

    // ====================================================================================== history

    public void loadVersions() {
        Long id = postId.get();
        if (id == null) {
            versions.clear();
            return;
        }
        runner.run(() -> drafts.versions(id), list -> {
            if (!Objects.equals(postId.get(), id)) return;
            List<VersionViewModel> rows = new ArrayList<>();
            for (int i = list.size() - 1; i >= 0; i--) {
                PostVersion v = list.get(i);
                rows.add(new VersionViewModel(v.id(), v.number(), v.authorName(), v.createdAt(), v.note(), v.text()));
            }
            versions.setAll(rows);
            if (!rows.isEmpty()) lastVersionNumber.set(rows.get(0).number());
            if (rows.size() >= 2) {
                diffTo.set(rows.get(0));
                diffFrom.set(rows.get(1));
                showDiff();
            } else {
                diffFrom.set(null);
                diffTo.set(rows.isEmpty() ? null : rows.get(0));
                diff.clear();
            }
        }, e -> { });
    }

    /** Shows the word-level diff between the two chosen versions (the active platform's text where it has a variant). */
    public void showDiff() {
        VersionViewModel from = diffFrom.get();
        VersionViewModel to = diffTo.get();
        if (from == null || to == null) {
            diff.clear();
            return;
        }
        Platform p = activePlatform.get();
        runner.run(() -> drafts.diff(from.id(), to.id()), (VersionDiff d) -> {
            if (diffFrom.get() != from || diffTo.get() != to) return;
            List<WordDiff.Segment> segs = p != null && d.variants().containsKey(p) ? d.variants().get(p) : d.text();
            diff.setAll(segs);
        }, this::failed);
    }

    /** Makes an old version current again, as a new version, and shows its text. */
    public void restore(VersionViewModel v) {
        Long id = postId.get();
        if (id == null || v == null) return;
        busy.set(true);
        runner.run(() -> {
            drafts.restore(id, v.id());
            return drafts.get(id);
        }, d -> {
            busy.set(false);
            apply(d);
        }, this::failed);
    }

    // ====================================================================================== submit

    /** Saves and asks what the submit dialog lists (Ctrl+Enter); the dialog opens when {@link #submitPreviewProperty} is set. */
    public void prepareSubmit() {
        submitError.set(null);
        submitPreview.set(null);
        if (!canSubmit() || creating) return;
        autosaveDebounce.cancel();
        String sharedNow = shared;
        Map<Platform, String> variantsNow = Map.copyOf(variants);
        long edits = editCount;
        record Prepared(DraftService.SaveResult saved, DraftService.SubmitPreview preview, PostVersion current) {}
        withDraft(why -> {
            String problem = publishProblem();
            if (problem != null) errors.put("publishAt", problem);
            notReady(why);
        }, () -> busy.set(true), (pid, created) -> {
            DraftService.SaveResult r = created == null ? drafts.save(pid, sharedNow, variantsNow) : null;
            DraftService.SubmitPreview p = drafts.prepareSubmit(pid);
            return new Prepared(r, p, r != null ? r.version() : created.current());
        }, p -> {
            busy.set(false);
            if (p.saved() != null) {
                post = p.saved().post();
                lastVersionNumber.set(p.saved().version().number());
                if (edits >= savedEditCount) savedEditCount = edits;
                setSaved(p.saved().version().createdAt());
                if (p.saved().versionCreated()) loadVersions();
            }
            submitFindings.setAll(sameAcrossPlatforms(p.preview().findings().stream().map(f -> row(f, p.current())).toList()));
            submitPreview.set(p.preview());
        }, e -> {
            busy.set(false);
            saveFailed(e);
            failure.set(e);
        });
    }

    /** One row for a finding that several platforms share (same span, text and message), without a platform. */
    static List<FindingViewModel> sameAcrossPlatforms(List<FindingViewModel> rows) {
        Map<String, FindingViewModel> out = new LinkedHashMap<>();
        for (FindingViewModel f : rows) {
            String key = f.rule() + '\u0000' + f.severity() + '\u0000' + f.start() + '\u0000' + f.end() + '\u0000' + f.matched()
                    + '\u0000' + f.message() + '\u0000' + f.mediaId();
            FindingViewModel seen = out.get(key);
            out.put(key, seen == null ? f : new FindingViewModel(f.severity(), f.rule(), f.message(), f.matched(), f.start(),
                    f.end(), null, f.mediaId()));
        }
        return new ArrayList<>(out.values());
    }

    private FindingViewModel row(PostFinding f, PostVersion v) {
        String in = f.platform() == null ? v.text() : v.textFor(f.platform());
        String matched = f.end() > f.start() && f.end() <= in.length() ? in.substring(f.start(), f.end()) : "";
        return new FindingViewModel(f.severity(), f.rule(), FindingTexts.message(i18n.locale(), f, in), matched, f.start(), f.end(), f.platform(), 0);
    }

    /**
     * Sends the draft to review. With blocking findings a reason of at least {@link DraftService#MIN_REASON}
     * characters is required (reviewers see it). Returns false, with {@link #submitErrorProperty} set, when the
     * reason is missing; the dialog then stays open.
     */
    public boolean submit(String reason) {
        DraftService.SubmitPreview p = submitPreview.get();
        Long id = postId.get();
        if (p == null || id == null) return false;
        String why = reason == null ? "" : reason.strip();
        if (p.reasonRequired() && why.length() < DraftService.MIN_REASON) {
            submitError.set("compose.submit.reasonRequired");
            return false;
        }
        submitError.set(null);
        busy.set(true);
        runner.run(() -> drafts.submit(id, p.reasonRequired() ? why : null), posted -> {
            busy.set(false);
            post = posted;
            state.set(posted.state());
            submitPreview.set(null);
            submitted.set(true);
            loadDrafts();
        }, e -> {
            busy.set(false);
            submitPreview.set(null);
            if (e instanceof ValidationException ve) {
                errors.putAll(ve.fieldErrors());
                if (ve.fieldErrors().containsKey("reason")) submitError.set(ve.fieldErrors().get("reason"));
            }
            failure.set(e);
        });
        return true;
    }

    /** Closes the submit dialog without submitting. */
    public void cancelSubmit() {
        submitPreview.set(null);
        submitError.set(null);
    }

    /** Per-platform findings counts are not kept; the worst severity on screen, for the header chip. */
    public Severity worst() {
        Severity w = null;
        for (FindingViewModel f : findings) w = Severity.worst(w, f.severity());
        return w;
    }

    /** For tests and the view: the latest finding rows keyed by rule. */
    Map<String, List<FindingViewModel>> byRule() {
        Map<String, List<FindingViewModel>> out = new LinkedHashMap<>();
        for (FindingViewModel f : findings) out.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
        return out;
    }
}
