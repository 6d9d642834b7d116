package io.byline.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The shell of Byline's own dialogs that ask for a decision: title, header, Cancel and a confirming button on the
 * right (primary style), the app's dialog style and theme, and buttons as wide as their labels need (so longer
 * Indonesian labels are never cut). The caller adds the content and reads {@link #confirm()} from the result.
 */
public final class FormDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType confirm;
    private final ButtonType cancel;

    private FormDialog(Window owner, I18n i18n, Appearance appearance, String header, String confirmLabel, String id,
                       double prefWidth) {
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Byline");
        dialog.setHeaderText(header);
        confirm = new ButtonType(confirmLabel, ButtonData.OK_DONE);
        cancel = new ButtonType(i18n.text("common.cancel"), ButtonData.CANCEL_CLOSE);
        DialogPane pane = dialog.getDialogPane();
        pane.getButtonTypes().addAll(cancel, confirm);
        pane.setId(id);
        pane.getStyleClass().add("byline-dialog");
        pane.setPrefWidth(prefWidth);
        appearance.styleNow(pane.getScene());
        pane.getStylesheets().add(Severities.stylesheet());
        for (ButtonType t : pane.getButtonTypes()) {
            Button b = (Button) pane.lookupButton(t);
            ButtonBar.setButtonUniformSize(b, false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        confirmButton().getStyleClass().add(StyleClasses.PRIMARY);
    }

    /** A dialog with Cancel and {@code confirmLabel}, identified by {@code id} for tests and styles. */
    public static FormDialog create(Window owner, I18n i18n, Appearance appearance, String header, String confirmLabel,
                                    String id, double prefWidth) {
        return new FormDialog(owner, i18n, appearance, header, confirmLabel, id, prefWidth);
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    public ButtonType confirm() {
        return confirm;
    }

    public Button confirmButton() {
        return (Button) dialog.getDialogPane().lookupButton(confirm);
    }

    public Button cancelButton() {
        return (Button) dialog.getDialogPane().lookupButton(cancel);
    }
}
