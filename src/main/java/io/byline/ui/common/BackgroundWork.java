package io.byline.ui.common;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Long background work the whole window should show (the status bar shows each task's title, a progress bar and a
 * Cancel button), and a signal that posts' findings changed so screens showing them reload (Risks, the queue).
 * One per window; use from the FX thread. Tasks run through the {@link TaskRunner}, so tests can wait for them.
 */
public final class BackgroundWork {
    private final TaskRunner runner;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final LongProperty findingsChanged = new SimpleLongProperty(0);

    public BackgroundWork(TaskRunner runner) {
        this.runner = runner;
    }

    /** Tasks now running, for the status bar. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /**
     * Counts up whenever posts' findings changed in bulk (a re-check after a policy change finished). Screens
     * listing findings or posts listen to it and reload.
     */
    public ReadOnlyLongProperty findingsChangedProperty() {
        return findingsChanged;
    }

    public void announceFindingsChanged() {
        findingsChanged.set(findingsChanged.get() + 1);
    }

    /** Whether a task of this class is running (to avoid starting a second re-check). */
    public boolean isRunning(Class<?> type) {
        return running.stream().anyMatch(type::isInstance);
    }

    /** Runs the task in the background and shows it until it ends (succeeds, fails or is cancelled). */
    public <T> void start(Task<T> task) {
        running.add(task);
        task.stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) running.remove(task);
        });
        runner.run(() -> {
            task.run(); // on this worker thread; Task.cancel() interrupts it
            return Boolean.TRUE;
        }, ok -> running.remove(task), e -> running.remove(task));
    }
}
