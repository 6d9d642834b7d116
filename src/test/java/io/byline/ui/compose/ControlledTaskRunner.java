package io.byline.ui.compose;

import io.byline.ui.common.TaskRunner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A same-thread {@link TaskRunner} for view-model tests: runs work at once, or, while held, queues it so a test
 * can finish tasks in any order (to prove stale results are dropped); can also fail the next task.
 */
final class ControlledTaskRunner implements TaskRunner {
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private boolean held;
    private final List<Throwable> failNext = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Runnable task = () -> {
            if (!failNext.isEmpty()) {
                onFailure.accept(failNext.remove(0));
                return;
            }
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        };
        if (held) queued.add(task);
        else task.run();
    }

    void hold() {
        held = true;
    }

    void release() {
        held = false;
    }

    int queued() {
        return queued.size();
    }

    /** Finishes the oldest queued task. */
    void runOldest() {
        queued.removeFirst().run();
    }

    /** Finishes the newest queued task. */
    void runNewest() {
        queued.removeLast().run();
    }

    void runAll() {
        while (!queued.isEmpty()) queued.removeFirst().run();
    }

    /** The next task fails with this instead of running. */
    void failNext(Throwable t) {
        failNext.add(t);
    }
}
