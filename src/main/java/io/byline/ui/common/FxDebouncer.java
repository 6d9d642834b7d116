package io.byline.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread's animation timer. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(java.time.Duration quiet) {
        pause = new PauseTransition(Duration.millis(quiet.toMillis()));
        pause.setOnFinished(e -> flush());
    }

    @Override
    public void request(Runnable action) {
        pending = action;
        pause.playFromStart();
    }

    @Override
    public void cancel() {
        pause.stop();
        pending = null;
    }

    @Override
    public void flush() {
        pause.stop();
        Runnable r = pending;
        pending = null;
        if (r != null) r.run();
    }

    /** Whether an action waits (tests wait for this to clear). */
    public boolean pending() {
        return pending != null;
    }
}
