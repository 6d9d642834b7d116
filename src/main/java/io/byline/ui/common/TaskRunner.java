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
