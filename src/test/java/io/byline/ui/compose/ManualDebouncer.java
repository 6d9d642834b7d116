package io.byline.ui.compose;

import io.byline.ui.common.Debouncer;

/** A {@link Debouncer} that fires only when the test says the quiet period is over. */
final class ManualDebouncer implements Debouncer {
    private Runnable pending;
    private int requests;

    @Override
    public void request(Runnable action) {
        pending = action;
        requests++;
    }

    @Override
    public void cancel() {
        pending = null;
    }

    @Override
    public void flush() {
        fire();
    }

    /** The quiet period passed: runs the waiting action, if any. */
    void fire() {
        Runnable r = pending;
        pending = null;
        if (r != null) r.run();
    }

    boolean pending() {
        return pending != null;
    }

    int requests() {
        return requests;
    }
}
