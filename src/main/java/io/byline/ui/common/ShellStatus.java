package io.byline.ui.common;

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
}
