package io.byline.ui.dashboard;

import io.byline.domain.DashboardFigures;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.service.DashboardService;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The Dashboard's state: the figures (computed in the background), and the posts behind the bar last clicked. A
 * newer request wins; a failure leaves what was shown and says what happened.
 */
public final class DashboardViewModel {
    private final DashboardService dashboard;
    private final TaskRunner runner;
    private final ZoneId zone;
    private final ObjectProperty<DashboardFigures> figures = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final StringProperty drillTitle = new SimpleStringProperty();
    private final ObservableList<PostRow> drillRows = FXCollections.observableArrayList();
    private final BooleanProperty drillOpen = new SimpleBooleanProperty();
    private long generation;
    private long drillGeneration;

    public DashboardViewModel(DashboardService dashboard, TaskRunner runner, ZoneId zone) {
        this.dashboard = dashboard;
        this.runner = runner;
        this.zone = zone;
    }

    public void load() {
        long gen = ++generation;
        loading.set(true);
        runner.run(() -> dashboard.figures(zone), f -> {
            if (gen != generation) return;
            figures.set(f);
            failure.set(null);
            loading.set(false);
        }, e -> {
            if (gen != generation) return;
            failure.set(e);
            loading.set(false);
        });
    }

    /** Opens the list behind a bar: {@code title} says which, {@code rows} loads it in the background. */
    public void drill(String title, Callable<List<PostRow>> rows) {
        long gen = ++drillGeneration;
        drillTitle.set(title);
        drillRows.clear();
        drillOpen.set(true);
        runner.run(rows, r -> {
            if (gen == drillGeneration) drillRows.setAll(r);
        }, e -> {
            if (gen == drillGeneration) failure.set(e);
        });
    }

    public void closeDrill() {
        drillGeneration++;
        drillOpen.set(false);
        drillRows.clear();
    }

    public DashboardService service() { return dashboard; }
    public ZoneId zone() { return zone; }
    public ObjectProperty<DashboardFigures> figuresProperty() { return figures; }
    public BooleanProperty loadingProperty() { return loading; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    public StringProperty drillTitleProperty() { return drillTitle; }
    public ObservableList<PostRow> drillRows() { return drillRows; }
    public BooleanProperty drillOpenProperty() { return drillOpen; }
}
