package io.byline.ui.queue;

import io.byline.service.ReviewService;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.I18n;
import io.byline.ui.common.StyleClasses;

import io.byline.ui.common.FxTaskRunner;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks for a written reason (request changes, reject, override). The confirming button names the action and is
 * enabled once the reason is long enough; what was typed is returned, never lost on cancel of a later error.
 */
public final class ReasonDialog {
    private ReasonDialog() {}

    /**
     * @param danger whether the action is destructive (its button is red and not the default)
     */
    public static Optional<String> ask(Window owner, Appearance appearance, I18n i18n, String title, String message,
                                       String confirm, boolean danger, String initial) {
        Dialog<String> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle("Byline");
        d.setHeaderText(title);
        ButtonType ok = new ButtonType(confirm, ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.text("common.cancel"), ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(cancel, ok);
        Label text = new Label(message);
        text.setWrapText(true);
        Label label = new Label(i18n.text("queue.reason.label"));
        label.getStyleClass().add(StyleClasses.FIELD_LABEL);
        TextArea area = new TextArea(initial == null ? "" : initial);
        area.setId("reasonArea");
        area.setWrapText(true);
        area.setPrefRowCount(4);
        io.byline.ui.common.Keyboard.label(label, area);
        Label hint = new Label(i18n.text("queue.reason.hint", ReviewService.MIN_REASON));
        hint.getStyleClass().add(StyleClasses.HINT);
        VBox box = new VBox(8, text, label, area, hint);
        box.setPrefWidth(480);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getStyleClass().add("byline-dialog");
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("reasonConfirmButton");
        okButton.getStyleClass().add(danger ? StyleClasses.DANGER : StyleClasses.PRIMARY);
        okButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> area.getText().strip().length() < ReviewService.MIN_REASON, area.textProperty()));
        if (danger) {
            okButton.setDefaultButton(false);
            ((Button) d.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        }
        appearance.styleNow(d.getDialogPane().getScene());
        d.setResultConverter(b -> b == ok ? area.getText().strip() : null);
        FxTaskRunner.later(area::requestFocus);
        return d.showAndWait();
    }
}
