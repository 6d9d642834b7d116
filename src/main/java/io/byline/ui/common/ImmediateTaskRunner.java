package io.byline.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: for view-model tests without the JavaFX toolkit. */
public final class ImmediateTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public <T> void stream(StreamWork<T> work, Consumer<? super T> onEach, Runnable onDone, Consumer<Throwable> onFailure) {
        try {
            work.run(onEach::accept);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onDone.run();
    }
}
