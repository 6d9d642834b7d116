package io.byline.ui.common;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The main window's status line, for screens to report what happened ("Saved 10:42"). */
public final class ShellStatus {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final I18n i18n;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper refreshRequests = new ReadOnlyIntegerWrapper(0);

    public ShellStatus(I18n i18n) {
        this.i18n = i18n;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The open database file, shown at the right of the status bar so people know which workspace this is. */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    public void setLocation(String databaseFile) {
        location.set(databaseFile == null ? "" : databaseFile);
    }

    /** Something was saved just now. */
    public void saved() {
        message.set(i18n.text("status.saved", LocalTime.now().format(TIME)));
    }

    /** A message in the user's language. */
    public void show(String text) {
        message.set(text == null ? "" : text);
    }

    /** A screen changed what badges count (a post approved, sent back …): the window reloads its badges. */
    public void requestRefresh() {
        refreshRequests.set(refreshRequests.get() + 1);
    }

    /** Counts {@link #requestRefresh} calls; the main window listens to it. */
    public ReadOnlyIntegerProperty refreshRequestsProperty() {
        return refreshRequests.getReadOnlyProperty();
    }
}
