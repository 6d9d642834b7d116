package io.byline.domain;

/** The signed-in user's roles do not allow the action; refused in the service layer. */
public class PermissionDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message);
    }
}
