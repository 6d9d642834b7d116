package io.byline.ui.common;

/** What the main window tells a screen's controller; every method is optional. */
public interface Screen {
    /** The screen is being shown (first time or again): refresh what may have changed elsewhere. */
    default void shown() {}

    /** Whether leaving now would lose typed text; the window then asks before it navigates or reloads. */
    default boolean hasUnsavedChanges() {
        return false;
    }

    /** Shows a post (and selects the span, when given); true when this screen could. Queue and Compose implement it. */
    default boolean open(PostLink link) {
        return false;
    }

    /** Shows only what the link asks for; true when this screen could. Risks implements it. */
    default boolean open(RisksLink link) {
        return false;
    }
}
