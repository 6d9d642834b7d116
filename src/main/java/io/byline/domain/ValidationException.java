package io.byline.domain;

import java.util.List;
import java.util.Map;

/**
 * Input the user gave cannot be saved as it is. Carries one message per field (keys are field
 * names the form knows, values are bundle keys or plain messages), so a form can decorate each field.
 * A bundle key may come with arguments ({@link #args(String)}) for its {@code {0}}-style placeholders.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fieldErrors;
    private final transient Map<String, List<Object>> fieldArgs;

    public ValidationException(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    /**
     * @param fieldErrors field → bundle key (or plain message)
     * @param fieldArgs   field → the arguments of its key (fields without arguments may be absent)
     */
    public ValidationException(Map<String, String> fieldErrors, Map<String, List<Object>> fieldArgs) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.fieldArgs = Map.copyOf(fieldArgs);
    }

    public ValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    /** One field's error: a bundle key and its arguments. */
    public ValidationException(String field, String key, List<?> args) {
        this(Map.of(field, key), Map.of(field, List.<Object>copyOf(args)));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Field → arguments of its key, for the fields whose key has any. */
    public Map<String, List<Object>> fieldArgs() {
        return fieldArgs;
    }

    /** The arguments of the field's key (empty when it has none). */
    public List<Object> args(String field) {
        return fieldArgs.getOrDefault(field, List.of());
    }

    public List<String> fields() {
        return List.copyOf(fieldErrors.keySet());
    }
}
