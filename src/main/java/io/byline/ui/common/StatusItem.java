package io.byline.ui.common;

/**
 * One item of the main window's status bar (e.g. the policy summary "policy v12 · 48 terms"). Created by
 * constructor injection; {@link #text()} runs in the background whenever the window refreshes; blank hides it.
 */
@FunctionalInterface
public interface StatusItem {
    String text();
}
