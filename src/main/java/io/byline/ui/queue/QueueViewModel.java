package io.byline.ui.queue;

import io.byline.service.QueueService;
import io.byline.domain.Comment;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.service.DraftService;
import io.byline.service.ExecutiveService;
import io.byline.service.PostDetail;
import io.byline.service.PublishService;
import io.byline.service.QueueFilter;
import io.byline.service.QueueItem;
import io.byline.service.ReviewService;
import io.byline.service.Session;
import io.byline.service.VersionDiff;
import io.byline.ui.common.PublishTimes;
import io.byline.ui.common.TaskRunner;
import io.byline.validation.FindingTexts;
import io.byline.validation.LengthInfo;
import io.byline.validation.PlatformLength;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Queue screen: which posts to list (a view and filters), the selected post's detail and what the signed-in
 * user may do with it. Every command goes through the services, which check permissions again; the view model
 * only mirrors their answer ({@link ReviewService#actions}) so buttons are enabled where the user may act.
 */
public final class QueueViewModel {
    /** What the table lists before filters apply. */
    public enum View {
        /** Posts whose current step the user may sign now (the default for reviewers and signers). */
        WAITING_ON_ME,
        /** Posts on their way: draft, in review, changes requested, approved, scheduled. */
        OPEN,
        /** Approved and scheduled posts: ready to publish. */
        READY,
        /** Everything, including published, rejected, expired and withdrawn posts. */
        ALL
    }

    /** Everything the detail pane shows about one post, loaded together in the background. */
    public record Detail(PostDetail post, ReviewService.Actions actions, VersionDiff diff, List<Comment> comments,
                         boolean canPublish, List<io.byline.domain.PostMove> moves) {
        public Detail {
            comments = List.copyOf(comments);
            moves = List.copyOf(moves);
        }

        /** A finding's message in the language, lengths counted on the text of the finding's platform. */
        public String message(PostFinding f, Locale locale) {
            PostVersion v = post.current();
            return FindingTexts.message(locale, f, f.platform() == null ? v.text() : v.textFor(f.platform()));
        }

        /** The current text's length on a platform, counted the platform's way (as Compose counts it). */
        public LengthInfo length(Platform p) {
            return PlatformLength.measure(post.current().textFor(p), p);
        }

        public long postId() {
            return post.post().id();
        }
    }

    /** Outcome of the final gate run by "Publish…": either its problems, or the texts to hand over. */
    public record Handover(PublishService.GateResult gate, List<PublishService.HandoverText> texts) {
        public Handover {
            texts = List.copyOf(texts);
        }
    }

    private final ReviewService reviews;
    private final QueueService queue;
    private final PublishService publishing;
    private final DraftService drafts;
    private final ExecutiveService executiveService;
    private final TaskRunner runner;
    private final Clock clock;
    private final User user;

    private final ObjectProperty<View> view = new SimpleObjectProperty<>();
    private final ObjectProperty<Executive> executive = new SimpleObjectProperty<>();
    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>();
    private final ObjectProperty<PostState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> minSeverity = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<Executive> executives = FXCollections.observableArrayList();
    /** Each executive's zone, read with the list. */
    private PublishTimes times = PublishTimes.none();

    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<QueueItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Handover> handover = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty notice = new SimpleStringProperty();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);
    private Runnable onChanged = () -> { };
    private long loadGeneration;
    private long detailGeneration;

    public QueueViewModel(ReviewService reviews, QueueService queue, PublishService publishing, DraftService drafts,
                          ExecutiveService executiveService, Session session, TaskRunner runner, Clock clock) {
        this.reviews = reviews;
        this.queue = queue;
        this.publishing = publishing;
        this.drafts = drafts;
        this.executiveService = executiveService;
        this.runner = runner;
        this.clock = clock;
        this.user = session.require();
        view.set(defaultView(user));
        for (var p : List.of(view, executive, platform, state, minSeverity)) p.addListener((o, a, b) -> load());
        search.addListener((o, a, b) -> load());
        selected.addListener((o, a, item) -> {
            if (a != null && item != null && a.postId() == item.postId()) return;
            handover.set(null);
            errors.clear();
            loadDetail();
        });
    }

    /** "Waiting on me" for anyone who reviews or signs; open posts for writers and admins. */
    public static View defaultView(User u) {
        return u.hasAny(Role.REVIEWER, Role.APPROVER, Role.LEGAL, Role.EXECUTIVE) ? View.WAITING_ON_ME : View.OPEN;
    }

    // ------------------------------------------------------------------ state

    public User user() { return user; }

    /** Whether to offer the export: the service decides. */
    public boolean canExport() {
        return publishing.canExport();
    }
    public ObjectProperty<View> viewProperty() { return view; }
    public ObjectProperty<Executive> executiveProperty() { return executive; }
    public ObjectProperty<Platform> platformProperty() { return platform; }
    public ObjectProperty<PostState> stateProperty() { return state; }
    public ObjectProperty<Severity> minSeverityProperty() { return minSeverity; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<Executive> executives() { return executives; }
    public ObservableList<QueueItem> items() { return items; }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ObjectProperty<QueueItem> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<Detail> detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Handover> handoverProperty() { return handover.getReadOnlyProperty(); }
    /** Field → bundle key of what is wrong with the last input (reason, comment, liveUrl, finding). */
    public ObservableMap<String, String> errors() { return errors; }
    /** A bundle key (optionally with {@code |arg} appended) of what just happened, for the status line. */
    public StringProperty noticeProperty() { return notice; }
    /** A failure that is not about an input (storage, permission), for the view to report. */
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    public BooleanProperty exportingProperty() { return exporting; }
    public Instant now() { return clock.instant(); }

    /** Called after anything that changes what waits on whom (the window refreshes its badges). */
    public void setOnChanged(Runnable r) {
        onChanged = Objects.requireNonNull(r);
    }

    /** Whether any filter narrows the view (the empty state then suggests clearing them). */
    public boolean filtered() {
        return executive.get() != null || platform.get() != null || state.get() != null || minSeverity.get() != null
                || !search.get().isBlank();
    }

    public void clearFilters() {
        executive.set(null);
        platform.set(null);
        state.set(null);
        minSeverity.set(null);
        search.set("");
    }

    /** The filter the service applies for the current view and filters. */
    public QueueFilter filter() {
        Set<PostState> states = switch (view.get()) {
            case WAITING_ON_ME -> EnumSet.of(PostState.IN_REVIEW);
            case OPEN -> QueueFilter.open().states();
            case READY -> EnumSet.of(PostState.APPROVED, PostState.SCHEDULED);
            case ALL -> Set.of();
        };
        if (state.get() != null) {
            states = states.isEmpty() || states.contains(state.get()) ? EnumSet.of(state.get()) : EnumSet.noneOf(PostState.class);
        }
        Executive e = executive.get();
        return new QueueFilter(e == null ? null : e.id(), platform.get(), states, minSeverity.get(), search.get());
    }

    // ------------------------------------------------------------------ commands: the list

    private record Loaded(List<QueueItem> items, PublishTimes zones) {}

    /** The zone a post's times are shown in: its executive's. */
    public ZoneId zoneOf(long executiveId) {
        return times.zoneOf(executiveId);
    }

    /** Loads the executives for the filter and the list. */
    public void start() {
        runner.run(() -> executiveService.list(false), executives::setAll, this::failed);
        load();
    }

    /** Reloads the list in the background, keeping the selection by post id. Stale answers are dropped. */
    public void load() {
        long generation = ++loadGeneration;
        QueueFilter f = filter();
        View v = view.get();
        boolean impossible = f.states().isEmpty() && state.get() != null;
        busy.set(true);
        runner.run(() -> {
            PublishTimes zones = PublishTimes.of(executiveService.list(true));
            if (impossible) return new Loaded(List.of(), zones);
            List<QueueItem> list = queue.queue(f);
            if (v != View.WAITING_ON_ME) return new Loaded(list, zones);
            Set<Long> mine = queue.waitingOnMe().stream().map(QueueItem::postId).collect(Collectors.toSet());
            return new Loaded(list.stream().filter(i -> mine.contains(i.postId())).toList(), zones);
        }, loadedList -> {
            if (generation != loadGeneration) return;
            busy.set(false);
            times = loadedList.zones();
            List<QueueItem> list = loadedList.items();
            QueueItem before = selected.get();
            items.setAll(list);
            loaded.set(true);
            if (before != null) {
                QueueItem again = list.stream().filter(i -> i.postId() == before.postId()).findFirst().orElse(null);
                if (again == null) {
                    selected.set(null);
                } else {
                    selected.set(again);
                    loadDetail();
                }
            }
        }, e -> {
            if (generation == loadGeneration) failed(e);
        });
    }

    /** Selects the post with this id if it is listed; otherwise shows everything and selects it there. */
    public void show(long postId) {
        items.stream().filter(i -> i.postId() == postId).findFirst().ifPresentOrElse(selected::set, () -> {
            clearFilters();
            view.set(View.ALL);
            runner.run(() -> queue.queue(QueueFilter.all()), list -> {
                items.setAll(list);
                list.stream().filter(i -> i.postId() == postId).findFirst().ifPresent(selected::set);
            }, this::failed);
        });
    }

    // ------------------------------------------------------------------ commands: the detail

    private void loadDetail() {
        QueueItem item = selected.get();
        long generation = ++detailGeneration;
        if (item == null) {
            detail.set(null);
            return;
        }
        long id = item.postId();
        runner.run(() -> new Detail(drafts.get(id), reviews.actions(id), reviews.diffSinceLastSeen(id), reviews.comments(id),
                drafts.canDraft(), reviews.movesSinceLastSeen(id)), d -> {
            if (generation == detailGeneration) detail.set(d);
        }, e -> {
            if (generation == detailGeneration) failed(e);
        });
    }

    private Long currentId() {
        Detail d = detail.get();
        return d == null ? null : d.postId();
    }

    /** Signs the step waiting on the user. */
    public void approve() {
        Long id = currentId();
        if (id == null) return;
        act(() -> reviews.approve(id), r -> notice.set(r.fullyApproved() ? "queue.notice.approvedFully" : "queue.notice.approved"));
    }

    /** Sends the post back to its writer; the reason becomes a note on the post. */
    public void requestChanges(String reason) {
        Long id = currentId();
        if (id == null) return;
        act(() -> {
            reviews.requestChanges(id, reason);
            reviews.markSeen(id);
            return null;
        }, r -> notice.set("queue.notice.changesRequested"));
    }

    /** Refuses the post for good, with a reason. */
    public void reject(String reason) {
        Long id = currentId();
        if (id == null) return;
        act(() -> {
            reviews.reject(id, reason);
            reviews.markSeen(id);
            return null;
        }, r -> notice.set("queue.notice.rejected"));
    }

    /** Overrides a blocking finding with a written reason (Legal and Approvers). */
    public void override(String fingerprint, String reason) {
        Long id = currentId();
        if (id == null) return;
        act(() -> reviews.override(id, fingerprint, reason), r -> notice.set("queue.notice.overridden"));
    }

    /** Acknowledges a warning. */
    public void acknowledge(String fingerprint) {
        Long id = currentId();
        if (id == null) return;
        act(() -> reviews.acknowledge(id, fingerprint, null), r -> notice.set("queue.notice.acknowledged"));
    }

    /** Adds an internal note. */
    public void comment(String text) {
        Long id = currentId();
        if (id == null) return;
        act(() -> reviews.comment(id, text), r -> notice.set("queue.notice.commented"));
    }

    /** "Publish…": runs the final gate and, when it passes, fetches the text for each account. */
    public void prepareHandover() {
        Long id = currentId();
        if (id == null) return;
        handover.set(null);
        runner.run(() -> publishing.handover(id), h -> handover.set(new Handover(h.gate(), h.texts())), this::failed);
    }

    /** Marks the post as handed to a scheduler (after the gate). */
    public void markScheduled() {
        Long id = currentId();
        if (id == null) return;
        act(() -> publishing.markScheduled(id), r -> gateOutcome(r, "queue.notice.scheduled"));
    }

    /** Marks the post published, with its live URL when given (after the gate). */
    public void markPublished(String liveUrl) {
        Long id = currentId();
        if (id == null) return;
        act(() -> publishing.publish(id, liveUrl), r -> gateOutcome(r, "queue.notice.published"));
    }

    private void gateOutcome(PublishService.PublishResult r, String okNotice) {
        if (r.done()) {
            handover.set(null);
            notice.set(okNotice);
        } else {
            handover.set(new Handover(r.gate(), List.of()));
        }
    }

    /** The posts an export would include: approved and scheduled (each is gated again when exported). */
    public List<Long> exportable() {
        return publishing.exportable();
    }

    private <T> void act(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        if (busy.get()) return;
        busy.set(true);
        errors.clear();
        runner.run(work, r -> {
            busy.set(false);
            done.accept(r);
            onChanged.run();
            load();
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException ve) {
            errors.putAll(ve.fieldErrors());
        } else {
            failure.set(e);
        }
    }
}
