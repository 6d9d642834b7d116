package io.byline.ui.common;

/**
 * Runs an action once things have been quiet for a while: each {@link #request} replaces the pending action and
 * restarts the wait. View models take one so tests can fire it by hand; the app uses {@link FxDebouncer}.
 * Calls and the action happen on the FX thread.
 */
public interface Debouncer {
    /** Schedules {@code action} after the quiet period, replacing any action still waiting. */
    void request(Runnable action);

    /** Drops the waiting action, if any. */
    void cancel();

    /** Runs the waiting action now (e.g. before saving), if any. */
    void flush();
}
