package io.byline.ui.queue;

import io.byline.service.QueueService;
import io.byline.domain.Executive;
import io.byline.domain.PostState;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.service.QueueFilter;
import io.byline.service.QueueItem;
import io.byline.service.ReviewService;
import io.byline.service.Session;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The calendar tab: approved and scheduled posts by day, a month or a week at a time, optionally for one
 * executive. Moving a post to another day keeps its time of day and asks {@link ReviewService#reschedule}, which
 * re-checks embargoes at the new time; the outcome is kept for the view to show.
 */
public final class CalendarViewModel {
    public enum Mode { MONTH, WEEK }

    /** What a move did: the new day, and approvals voided or findings the new time brought. */
    public record MoveOutcome(long postId, LocalDate day, ReviewService.RescheduleResult result, String errorKey) {
        public boolean ok() {
            return errorKey == null;
        }
    }

    /** States the calendar shows. */
    public static final EnumSet<PostState> SHOWN = EnumSet.of(PostState.APPROVED, PostState.SCHEDULED);

    private final ReviewService reviews;
    private final QueueService queue;
    private final TaskRunner runner;
    private final Clock clock;
    /** Each post's executive's zone: a post shows on its executive's day, at its executive's time. */
    private final LongFunction<ZoneId> zoneOf;
    private final User user;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.MONTH);
    private final ObjectProperty<LocalDate> anchor = new SimpleObjectProperty<>();
    private final ObjectProperty<Executive> executive = new SimpleObjectProperty<>();
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MoveOutcome> lastMove = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private Runnable onChanged = () -> { };
    private long generation;

    public CalendarViewModel(ReviewService reviews, QueueService queue, Session session, TaskRunner runner, Clock clock, LongFunction<ZoneId> zoneOf) {
        this.reviews = reviews;
        this.queue = queue;
        this.runner = runner;
        this.clock = clock;
        this.zoneOf = zoneOf;
        this.user = session.require();
        anchor.set(today());
        mode.addListener((o, a, b) -> load());
        anchor.addListener((o, a, b) -> load());
        executive.addListener((o, a, b) -> load());
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }
    /** A day inside the month or week shown. */
    public ObjectProperty<LocalDate> anchorProperty() { return anchor; }
    public ObjectProperty<Executive> executiveProperty() { return executive; }
    public ObservableList<QueueItem> items() { return items; }
    public ReadOnlyObjectProperty<MoveOutcome> lastMoveProperty() { return lastMove.getReadOnlyProperty(); }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    public ZoneId zone(QueueItem i) { return zoneOf.apply(i.executiveId()); }

    public void setOnChanged(Runnable r) {
        onChanged = Objects.requireNonNull(r);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Writers and Approvers may move posts (the service refuses others anyway). */
    public boolean canReschedule() {
        return reviews.canReschedule();
    }

    /** The days shown: six whole weeks around the month, or the week, each starting on Monday. */
    public List<LocalDate> days() {
        LocalDate a = anchor.get();
        LocalDate first;
        int count;
        if (mode.get() == Mode.WEEK) {
            first = a.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            count = 7;
        } else {
            first = a.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            count = 42;
        }
        List<LocalDate> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(first.plusDays(i));
        return out;
    }

    /** Whether the day belongs to the month shown (days of neighbouring months are dimmed). */
    public boolean inPeriod(LocalDate d) {
        return mode.get() == Mode.WEEK || d.getMonth() == anchor.get().getMonth();
    }

    /** The posts of each day shown, by time. */
    public Map<LocalDate, List<QueueItem>> byDay() {
        Map<LocalDate, List<QueueItem>> out = new LinkedHashMap<>();
        for (LocalDate d : days()) out.put(d, new ArrayList<>());
        for (QueueItem i : items) {
            List<QueueItem> day = out.get(localDay(i));
            if (day != null) day.add(i);
        }
        out.values().forEach(l -> l.sort((x, y) -> x.publishAt().compareTo(y.publishAt())));
        return out;
    }

    public LocalDate localDay(QueueItem i) {
        return LocalDate.ofInstant(i.publishAt(), zone(i));
    }

    public LocalTime localTime(QueueItem i) {
        return LocalTime.ofInstant(i.publishAt(), zone(i));
    }

    public void previous() {
        anchor.set(mode.get() == Mode.WEEK ? anchor.get().minusWeeks(1) : anchor.get().minusMonths(1));
    }

    public void next() {
        anchor.set(mode.get() == Mode.WEEK ? anchor.get().plusWeeks(1) : anchor.get().plusMonths(1));
    }

    public void goToday() {
        anchor.set(today());
    }

    /** Loads approved and scheduled posts (of the executive, when one is chosen). */
    public void load() {
        long g = ++generation;
        Executive e = executive.get();
        QueueFilter f = QueueFilter.all().withStates(SHOWN).withExecutive(e == null ? null : e.id());
        runner.run(() -> queue.queue(f), list -> {
            if (g == generation) items.setAll(list);
        }, ex -> {
            if (g == generation) failure.set(ex);
        });
    }

    /**
     * Moves a post to another day at the same local time. Refusals the user can act on (a time in the past, a
     * deadline already passed) come back as the outcome's error; others as a failure.
     */
    public void move(long postId, LocalDate day) {
        QueueItem item = items.stream().filter(i -> i.postId() == postId).findFirst().orElse(null);
        if (item == null || day == null || day.equals(localDay(item))) return;
        ZonedDateTime to = ZonedDateTime.of(day, localTime(item), zone(item));
        runner.run(() -> reviews.reschedule(postId, to.toInstant()), r -> {
            lastMove.set(new MoveOutcome(postId, day, r, null));
            onChanged.run();
            load();
        }, ex -> {
            if (ex instanceof ValidationException ve) {
                lastMove.set(new MoveOutcome(postId, day, null, ve.fieldErrors().values().iterator().next()));
            } else {
                failure.set(ex);
            }
        });
    }
}
