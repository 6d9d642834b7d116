package io.byline.domain;

import java.util.List;
import java.util.Map;

/**
 * Input the user gave cannot be saved as it is. Carries one message per field (keys are field
 * names the form knows, values are bundle keys or plain messages), so a form can decorate each field.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fieldErrors;

    public ValidationException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public ValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public List<String> fields() {
        return List.copyOf(fieldErrors.keySet());
    }
}
