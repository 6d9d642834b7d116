package io.byline.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the FX thread and hands the outcome back on it. View models depend on this, never on
 * {@code Platform} or executors, so they can be tested with {@link ImmediateTaskRunner}.
 */
public interface TaskRunner {
    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the FX thread.
     * A failure handler must not lose what the user typed: the view model keeps its state.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Runs {@code work} in the background, which hands out results as it goes: each reaches {@code onEach} on the FX
     * thread, in order, as soon as it is handed out; then {@code onDone}, or {@code onFailure} (after the results handed
     * out before the failure). This default hands everything over at the end; the app's runner does it as it goes.
     */
    default <T> void stream(StreamWork<T> work, Consumer<? super T> onEach, Runnable onDone, Consumer<Throwable> onFailure) {
        run(() -> {
            java.util.List<T> all = new java.util.ArrayList<>();
            work.run(all::add);
            return all;
        }, all -> {
            all.forEach(onEach);
            onDone.run();
        }, onFailure);
    }

    /** Work that hands out results as it goes, through {@code emit} (callable from the background thread). */
    @FunctionalInterface
    interface StreamWork<T> {
        void run(Consumer<T> emit) throws Exception;
    }

    /** Work with no result. */
    default void perform(ThrowingRunnable work, Runnable onSuccess, Consumer<Throwable> onFailure) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        }, ignored -> onSuccess.run(), onFailure);
    }

    /** Like {@link Runnable}, but may throw. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
