package io.byline.ui.dashboard;

import io.byline.domain.DashboardFigures.DueCount;
import io.byline.domain.DashboardFigures.FindingCount;
import io.byline.domain.DashboardFigures.Overrides;
import io.byline.domain.DashboardFigures.PostCount;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.DashboardFigures.Turnaround;
import io.byline.domain.DashboardFigures.Window;
import io.byline.domain.PostState;
import io.byline.service.DashboardService;
import io.byline.ui.common.PostLink;
import io.byline.ui.common.RisksLink;
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
 * The Dashboard's state: the figures of each chart (computed in the background and handed over chart by chart), and
 * the posts behind the bar last clicked, with where they lead. A newer request wins; a failure leaves what
 * was shown and says what happened.
 */
public final class DashboardViewModel {
    private final DashboardService dashboard;
    private final TaskRunner runner;
    private final ZoneId zone;
    private final ObjectProperty<Window> window = new SimpleObjectProperty<>();
    private final ObjectProperty<List<PostCount>> posts = new SimpleObjectProperty<>();
    private final ObjectProperty<List<DueCount>> due = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Turnaround>> turnaround = new SimpleObjectProperty<>();
    private final ObjectProperty<List<FindingCount>> findings = new SimpleObjectProperty<>();
    private final ObjectProperty<Overrides> overrides = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final StringProperty drillTitle = new SimpleStringProperty();
    private final ObservableList<PostRow> drillRows = FXCollections.observableArrayList();
    private final BooleanProperty drillOpen = new SimpleBooleanProperty();
    private final ObjectProperty<RisksLink> drillRisks = new SimpleObjectProperty<>();
    private long generation;
    private long drillGeneration;

    public DashboardViewModel(DashboardService dashboard, TaskRunner runner, ZoneId zone) {
        this.dashboard = dashboard;
        this.runner = runner;
        this.zone = zone;
    }

    /**
     * Computes every chart's figures again, as of now, in one read in the background; each chart's figures are shown
     * as soon as they are computed (in the order the charts are laid out), so the first charts are drawn while the
     * next are computed.
     */
    public void load() {
        long gen = ++generation;
        Window w = dashboard.window(zone);
        loading.set(true);
        window.set(w);
        runner.<Runnable>stream(emit -> dashboard.figures(w, new DashboardService.Charts() {
            @Override
            public void posts(List<PostCount> p) {
                emit.accept(() -> posts.set(p));
            }

            @Override
            public void due(List<DueCount> d) {
                emit.accept(() -> due.set(d));
            }

            @Override
            public void turnaround(List<Turnaround> t) {
                emit.accept(() -> turnaround.set(t));
            }

            @Override
            public void findings(List<FindingCount> f) {
                emit.accept(() -> findings.set(f));
            }

            @Override
            public void overrides(Overrides o) {
                emit.accept(() -> overrides.set(o));
            }
        }), show -> {
            if (gen == generation) show.run();
        }, () -> {
            if (gen != generation) return;
            failure.set(null);
            loading.set(false);
        }, e -> {
            if (gen != generation) return;
            failure.set(e);
            loading.set(false);
        });
    }

    /**
     * Opens the list behind a bar: {@code title} says which, {@code rows} loads it in the background, {@code risks}
     * (or null) is where Risks shows the open findings behind the bar.
     */
    public void drill(String title, Callable<List<PostRow>> rows, RisksLink risks) {
        long gen = ++drillGeneration;
        drillTitle.set(title);
        drillRisks.set(risks);
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
        drillRisks.set(null);
    }

    /** Where a row of the list opens: a draft where drafts are written, any other post where it is reviewed. */
    public static PostLink linkTo(PostRow row) {
        return row.state() == PostState.DRAFT ? PostLink.draft(row.postId()) : PostLink.post(row.postId());
    }

    public DashboardService service() { return dashboard; }
    public ZoneId zone() { return zone; }
    /** The periods of the figures being shown (set when a load starts). */
    public ObjectProperty<Window> windowProperty() { return window; }
    public ObjectProperty<List<PostCount>> postsProperty() { return posts; }
    public ObjectProperty<List<DueCount>> dueProperty() { return due; }
    public ObjectProperty<List<Turnaround>> turnaroundProperty() { return turnaround; }
    public ObjectProperty<List<FindingCount>> findingsProperty() { return findings; }
    public ObjectProperty<Overrides> overridesProperty() { return overrides; }
    public BooleanProperty loadingProperty() { return loading; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    public StringProperty drillTitleProperty() { return drillTitle; }
    public ObservableList<PostRow> drillRows() { return drillRows; }
    public BooleanProperty drillOpenProperty() { return drillOpen; }
    /** Where Risks shows the findings behind the list, or null when it cannot (turnaround, posts, due, a user's overrides). */
    public ObjectProperty<RisksLink> drillRisksProperty() { return drillRisks; }
}
