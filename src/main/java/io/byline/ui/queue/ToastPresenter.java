package io.byline.ui.queue;

import io.byline.ui.common.FxTaskRunner;
import io.byline.ui.common.Icons;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;

/**
 * Shows pop-up notifications (ControlsFX {@link Notifications}) at the top right of the Byline window. Tests
 * provide a subclass that records instead.
 */
public class ToastPresenter {
    public enum Kind { INFO, WARNING }

    /** @param postId the post it is about, or null */
    public record Toast(Kind kind, String title, String text, Long postId) {}

    public ToastPresenter() {
        // made by constructor injection
    }

    /** Shows the toast; may be called from any thread. */
    public void show(Toast t) {
        FxTaskRunner.later(() -> display(t));
    }

    private void display(Toast t) {
        Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (owner == null) return;
        Notifications n = Notifications.create().title(t.title()).text(t.text()).owner(owner)
                .position(Pos.TOP_RIGHT).hideAfter(Duration.seconds(8))
                .graphic(Icons.of(t.kind() == Kind.WARNING ? Icons.SEVERITY_WARN : Icons.INFO));
        n.show();
    }
}
