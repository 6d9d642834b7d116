package io.byline.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Modal questions and error reports, styled like the app and worded from the bundle. Errors say what happened
 * and what to do; the form behind keeps everything the user typed, and when there is typed text at stake the
 * dialog offers to copy it.
 */
public final class DialogService {
    private final I18n i18n;
    private final Appearance appearance;
    private final Supplier<Window> owner;

    public DialogService(I18n i18n, Appearance appearance, Supplier<Window> owner) {
        this.i18n = i18n;
        this.appearance = appearance;
        this.owner = owner;
    }

    /**
     * Asks once before something destructive. {@code message} says what will be lost; the confirming button
     * names the action. Cancel is the default, so Enter does not destroy by accident.
     */
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.text("common.cancel"), ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message, yes, no);
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        yesButton.getStyleClass().add(StyleClasses.DANGER);
        yesButton.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    /** Tells the user something happened (no choice to make). */
    public void info(String title, String message) {
        ButtonType ok = new ButtonType(i18n.text("common.ok"), ButtonData.OK_DONE);
        alert(Alert.AlertType.INFORMATION, title, message, ok).showAndWait();
    }

    /** Reports a failure in the user's language. */
    public void error(Throwable failure) {
        error(i18n.problem(failure), null);
    }

    /** Reports a failure; when {@code userText} is not blank, offers to copy it so nothing typed is lost. */
    public void error(I18n.Problem problem, String userText) {
        ButtonType ok = new ButtonType(i18n.text("common.ok"), ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.ERROR, problem.what(), problem.action(), ok);
        if (problem.details() != null && !problem.details().isBlank()) {
            TextArea details = new TextArea(problem.details());
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(4);
            VBox box = new VBox(4, new Label(i18n.text("dialog.details")), details);
            alert.getDialogPane().setExpandableContent(box);
        }
        if (userText != null && !userText.isBlank()) {
            ButtonType copy = new ButtonType(i18n.text("dialog.copyText"), ButtonData.LEFT);
            alert.getButtonTypes().add(0, copy);
            Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
            copyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(userText);
                Clipboard.getSystemClipboard().setContent(content);
                copyButton.setText(i18n.text("dialog.copied"));
                e.consume();
            });
        }
        alert.showAndWait();
    }

    /** Offers choices (shown right to left in the given order); empty when the dialog was closed. */
    public Optional<Integer> choose(String title, String message, String details, List<String> choices) {
        ButtonType[] buttons = new ButtonType[choices.size()];
        for (int i = 0; i < choices.size(); i++) {
            buttons[i] = new ButtonType(choices.get(i), i == choices.size() - 1 ? ButtonData.CANCEL_CLOSE : ButtonData.OTHER);
        }
        Alert alert = alert(Alert.AlertType.WARNING, title, message, buttons);
        if (details != null) {
            Label d = new Label(details);
            d.setWrapText(true);
            d.getStyleClass().add(StyleClasses.HINT);
            alert.getDialogPane().setExpandableContent(d);
            alert.getDialogPane().setExpanded(true);
        }
        ((Button) alert.getDialogPane().lookupButton(buttons[0])).setDefaultButton(true);
        return alert.showAndWait().map(b -> List.of(buttons).indexOf(b)).filter(i -> i >= 0);
    }

    private Alert alert(Alert.AlertType type, String header, String content, ButtonType... buttons) {
        Alert alert = new Alert(type, content, buttons);
        Window w = owner.get();
        if (w != null) alert.initOwner(w);
        alert.setTitle("Byline");
        alert.setHeaderText(header);
        DialogPane pane = alert.getDialogPane();
        pane.setMinWidth(460);
        pane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pane.getStyleClass().add("byline-dialog");
        appearance.styleNow(pane.getScene());
        // JavaFX words its "Show Details" link itself, in English only; name it in the user's language (after
        // the pane's own listener, which resets the text each time the details open or close)
        pane.expandedProperty().addListener((o, was, now) -> nameDetailsLink(pane));
        alert.setOnShown(e -> FxTaskRunner.later(() -> nameDetailsLink(pane)));
        return alert;
    }

    private void nameDetailsLink(DialogPane pane) {
        if (pane.lookup(".details-button") instanceof javafx.scene.control.ButtonBase link) {
            link.setText(i18n.text(pane.isExpanded() ? "dialog.details.hide" : "dialog.details.show"));
        }
    }
}
