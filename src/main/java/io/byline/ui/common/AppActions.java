package io.byline.ui.common;

import io.byline.service.PreferencesService.Theme;

import java.util.Locale;

/** What a view may ask of the application window as a whole. */
public interface AppActions {
    /** Someone signed in (or the first admin was created): show the main window. */
    void signedIn();

    /** Sign out and return to the sign-in screen. */
    void signOut();

    /** Switch the language now and remember it; the current view is rebuilt in the new language. */
    void applyLanguage(Locale locale);

    /** Switch the theme now and remember it. */
    void applyTheme(Theme theme);

    /**
     * Opens a post where it can be worked on (the queue's detail, or Compose), selecting the span when the link
     * has one. Returns false when no screen the user may open can show posts.
     */
    default boolean openPost(PostLink link) {
        return false;
    }

    /**
     * Opens Risks showing only the open findings the link asks for (a category, a rule, a severity). Returns false when
     * the user may not open Risks.
     */
    default boolean openRisks(RisksLink link) {
        return false;
    }

    /**
     * Replaces the workspace with a backup and restarts it (everyone signs in again). The current database is kept
     * beside it; when the restore is refused, the workspace is reopened unchanged and the user is told why.
     */
    default void restoreWorkspace(java.nio.file.Path backup) {
        throw new UnsupportedOperationException("restore is not available here");
    }
}
