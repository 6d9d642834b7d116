package io.byline.ui.common;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a form's field errors where they happened: a ControlsFX decoration on the control (a red outline) and
 * the message in a label under it. The errors come from the view model as field → bundle key (or
 * text), as services report them in a {@code ValidationException} (with the key's arguments, when it has any).
 * Create on the FX thread.
 */
public final class FieldErrors {
    private final ObservableMap<String, String> errors;
    private final Map<String, List<Object>> args;
    private final I18n i18n;
    private final ValidationSupport support = new ValidationSupport();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final Map<String, Control> controls = new LinkedHashMap<>();

    public FieldErrors(ObservableMap<String, String> errors, I18n i18n) {
        this(errors, Map.of(), i18n);
    }

    /**
     * @param args field → arguments of its error's bundle key, for keys with {@code {0}}-style placeholders; read
     *             when the error is shown, so the view model sets a field's arguments before its error
     */
    public FieldErrors(ObservableMap<String, String> errors, Map<String, List<Object>> args, I18n i18n) {
        this.errors = errors;
        this.args = args;
        this.i18n = i18n;
        // the outline marks the field; the message sits in the label under it (a corner icon only repeated it)
        support.setValidationDecorator(new StyleClassValidationDecoration("field-invalid", "field-warning"));
        errors.addListener((MapChangeListener<String, String>) change -> {
            refresh();
            if (change.wasAdded() && !change.wasRemoved()) focusFirstError();
        });
    }

    /** Shows errors of {@code field} on the control and, when given, in the label under it. */
    public FieldErrors field(String field, Control control, Label message) {
        controls.put(field, control);
        support.registerValidator(control, false, (Control c, Object value) ->
                ValidationResult.fromErrorIf(c, text(field), errors.containsKey(field)));
        if (message != null) {
            labels.put(field, message);
            message.getStyleClass().add(StyleClasses.FIELD_ERROR);
            message.managedProperty().bind(message.visibleProperty());
            message.setWrapText(true);
        }
        refresh();
        return this;
    }

    /** Moves the focus to the first field (in form order) that has an error, so the user sees it and can fix it. */
    private void focusFirstError() {
        controls.entrySet().stream().filter(e -> errors.containsKey(e.getKey())).findFirst()
                .map(Map.Entry::getValue).filter(c -> c.getScene() != null && !c.isDisabled()).ifPresent(Control::requestFocus);
    }

    /** Whether the field shows an error now. */
    public boolean hasError(String field) {
        return errors.containsKey(field) && support.getHighestMessage(controls.get(field)).isPresent();
    }

    private String text(String field) {
        String key = errors.get(field);
        List<Object> a = args.get(field);
        if (key != null && a != null && !a.isEmpty() && i18n.has(key)) return i18n.text(key, a.toArray());
        return i18n.keyOrText(key);
    }

    private void refresh() {
        support.revalidate();
        labels.forEach((field, label) -> {
            boolean has = errors.containsKey(field);
            label.setText(has ? text(field) : "");
            label.setVisible(has);
        });
    }

    /** The ControlsFX support object (tests ask it which controls carry an error). */
    public ValidationSupport support() {
        return support;
    }
}
