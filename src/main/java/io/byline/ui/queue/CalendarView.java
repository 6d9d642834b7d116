package io.byline.ui.queue;

import io.byline.service.QueueItem;
import io.byline.ui.common.I18n;
import io.byline.ui.common.PostStates;
import io.byline.ui.common.PublishTimes;
import io.byline.ui.common.StyleClasses;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The month or week grid of the calendar tab. Each post is a chip; drag it (press, move, release) onto another
 * day to reschedule it, or focus it and press Ctrl+Left / Ctrl+Right (a day) or Ctrl+Up / Ctrl+Down (a week).
 * Double-click (or Enter) opens it in the queue. The drag uses plain mouse events, so it works the same with a
 * touchpad, a robot in tests, and headless.
 */
public final class CalendarView extends StackPane {
    /** Chips shown in a month cell before "+ n more". */
    static final int MONTH_CHIPS = 3;

    private final CalendarViewModel model;
    private final I18n i18n;
    private final LongConsumer onOpen;
    private final GridPane grid = new GridPane();
    private final Map<LocalDate, VBox> cells = new LinkedHashMap<>();
    private QueueItem dragging;
    private VBox dropTarget;

    public CalendarView(CalendarViewModel model, I18n i18n, LongConsumer onOpen) {
        this.model = model;
        this.i18n = i18n;
        this.onOpen = onOpen;
        getStyleClass().add("calendar");
        grid.getStyleClass().add("calendar-grid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        getChildren().add(scroll);
        model.items().addListener((ListChangeListener<QueueItem>) c -> rebuild());
        model.modeProperty().addListener((o, a, b) -> rebuild());
        model.anchorProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** The cell of a day shown (tests drop onto it). */
    public VBox cell(LocalDate day) {
        return cells.get(day);
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        cells.clear();
        boolean week = model.modeProperty().get() == CalendarViewModel.Mode.WEEK;
        for (int c = 0; c < 7; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 7);
            cc.setHgrow(Priority.ALWAYS);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        RowConstraints header = new RowConstraints();
        grid.getRowConstraints().add(header);
        List<LocalDate> days = model.days();
        int rows = days.size() / 7;
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            rc.setFillHeight(true);
            rc.setMinHeight(week ? 320 : 64);
            grid.getRowConstraints().add(rc);
        }
        for (int c = 0; c < 7; c++) {
            DayOfWeek dow = DayOfWeek.MONDAY.plus(c);
            String name = week ? dow.getDisplayName(TextStyle.SHORT, i18n.locale()) + " "
                    + days.get(c).format(DateTimeFormatter.ofPattern("d MMM", i18n.locale()))
                    : dow.getDisplayName(TextStyle.SHORT, i18n.locale());
            Label h = new Label(name);
            h.getStyleClass().add("calendar-weekday");
            if (week && days.get(c).equals(model.today())) h.getStyleClass().add("calendar-today-label");
            h.setMaxWidth(Double.MAX_VALUE);
            grid.add(h, c, 0);
        }
        Map<LocalDate, List<QueueItem>> byDay = model.byDay();
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            VBox cell = cell(d, byDay.getOrDefault(d, List.of()), week);
            cells.put(d, cell);
            grid.add(cell, i % 7, 1 + i / 7);
        }
    }

    private VBox cell(LocalDate d, List<QueueItem> posts, boolean week) {
        VBox cell = new VBox(4);
        cell.getStyleClass().add("calendar-day");
        cell.setId("day-" + d);
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.setMaxHeight(Double.MAX_VALUE);
        cell.setMinWidth(0);
        if (!model.inPeriod(d)) cell.getStyleClass().add("calendar-other-month");
        if (d.equals(model.today())) cell.getStyleClass().add("calendar-today");
        if (!week) {
            Label number = new Label(String.valueOf(d.getDayOfMonth()));
            number.getStyleClass().add("calendar-day-number");
            cell.getChildren().add(number);
        }
        int shown = week ? posts.size() : Math.min(posts.size(), MONTH_CHIPS + (posts.size() == MONTH_CHIPS + 1 ? 1 : 0));
        for (int i = 0; i < shown; i++) cell.getChildren().add(chip(posts.get(i), week));
        if (shown < posts.size()) {
            Label more = new Label(i18n.text("calendar.more", posts.size() - shown));
            more.getStyleClass().add(StyleClasses.HINT);
            cell.getChildren().add(more);
        }
        cell.setAccessibleText(d.format(DateTimeFormatter.ofPattern("EEEE d MMMM", i18n.locale())) + ", "
                + i18n.text("calendar.postsCount", posts.size()));
        return cell;
    }

    private Label chip(QueueItem item, boolean week) {
        String time = model.localTime(item).format(DateTimeFormatter.ofPattern("HH:mm"));
        String first = item.executiveName().split("\\s+")[0];
        Label chip = new Label(week ? time + "  " + item.executiveName() + "\n" + QueueTexts.shorten(item.excerpt(), 80)
                : time + " " + first + " · " + QueueTexts.shorten(item.excerpt(), 40));
        chip.setId("calendar-post-" + item.postId());
        chip.getStyleClass().addAll("calendar-post", StyleClasses.state(item.state().name()));
        chip.setWrapText(week);
        chip.setMaxWidth(Double.MAX_VALUE);
        chip.setMinWidth(0);
        chip.setFocusTraversable(true);
        String tip = item.executiveName() + " · " + PublishTimes.full(item.publishAt(), model.zone(item), i18n.locale()) + " · "
                + PostStates.name(item.state(), i18n) + " · "
                + QueueTexts.platforms(item.platforms()) + "\n" + QueueTexts.shorten(item.excerpt(), 140)
                + (model.canReschedule() ? "\n" + i18n.text("calendar.dragHint") : "");
        chip.setTooltip(new Tooltip(tip));
        chip.setAccessibleText(tip);
        chip.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) onOpen.accept(item.postId());
            else chip.requestFocus();
        });
        chip.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onOpen.accept(item.postId());
                return;
            }
            if (!e.isShortcutDown() || !model.canReschedule()) return;
            int days = switch (e.getCode()) {
                case LEFT -> -1;
                case RIGHT -> 1;
                case UP -> -7;
                case DOWN -> 7;
                default -> 0;
            };
            if (days != 0) {
                model.move(item.postId(), model.localDay(item).plusDays(days));
                e.consume();
            }
        });
        if (model.canReschedule()) {
            chip.setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.PRIMARY) dragging = item;
            });
            chip.setOnMouseDragged(e -> {
                if (dragging == null) return;
                chip.getStyleClass().remove("calendar-post-dragging");
                chip.getStyleClass().add("calendar-post-dragging");
                highlight(cellAt(e.getSceneX(), e.getSceneY()));
            });
            chip.setOnMouseReleased(e -> {
                QueueItem moved = dragging;
                dragging = null;
                chip.getStyleClass().remove("calendar-post-dragging");
                VBox target = cellAt(e.getSceneX(), e.getSceneY());
                highlight(null);
                if (moved == null || target == null) return;
                LocalDate day = dayOf(target);
                if (day != null && !day.equals(model.localDay(moved))) model.move(moved.postId(), day);
            });
        }
        return chip;
    }

    private void highlight(VBox target) {
        if (dropTarget == target) return;
        if (dropTarget != null) dropTarget.getStyleClass().remove("calendar-drop-target");
        dropTarget = target;
        if (target != null) target.getStyleClass().add("calendar-drop-target");
    }

    private VBox cellAt(double sceneX, double sceneY) {
        for (VBox c : cells.values()) {
            Bounds b = c.localToScene(c.getBoundsInLocal());
            if (b.contains(sceneX, sceneY)) return c;
        }
        return null;
    }

    private LocalDate dayOf(Node cell) {
        for (var e : cells.entrySet()) if (e.getValue() == cell) return e.getKey();
        return null;
    }
}
