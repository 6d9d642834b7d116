package io.byline.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's {@link TaskRunner}: a small pool of daemon threads, outcomes delivered with
 * {@code Platform.runLater} (the only place in Byline that calls it).
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());
    private final ExecutorService executor;
    private final AtomicInteger pending = new AtomicInteger();

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "byline-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(3, threads);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            LOG.fine("work handed to a closed runner is dropped (its window is gone)");
            return;
        }
        pending.incrementAndGet();
        executor.execute(() -> {
            Runnable outcome;
            try {
                T result = work.call();
                outcome = () -> onSuccess.accept(result);
            } catch (Exception | Error e) {
                LOG.log(Level.FINE, "background work failed", e);
                outcome = () -> onFailure.accept(e);
            }
            Runnable deliver = outcome;
            Platform.runLater(() -> {
                try {
                    deliver.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        });
    }

    @Override
    public <T> void stream(StreamWork<T> work, Consumer<? super T> onEach, Runnable onDone, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            LOG.fine("work handed to a closed runner is dropped (its window is gone)");
            return;
        }
        pending.incrementAndGet();
        executor.execute(() -> {
            Runnable outcome;
            try {
                work.run(item -> {
                    pending.incrementAndGet();
                    Platform.runLater(() -> {
                        try {
                            onEach.accept(item);
                        } finally {
                            pending.decrementAndGet();
                        }
                    });
                });
                outcome = onDone;
            } catch (Exception | Error e) {
                LOG.log(Level.FINE, "background work failed", e);
                outcome = () -> onFailure.accept(e);
            }
            Runnable deliver = outcome;
            Platform.runLater(() -> {
                try {
                    deliver.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        });
    }

    /** Runs on the FX thread later (for code that must leave the current event first). */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }

    /** Whether nothing is running or waiting to be delivered (tests wait for this). */
    public boolean idle() {
        return pending.get() == 0;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
