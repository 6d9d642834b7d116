package io.byline.ui.common;

/**
 * A navigation badge: how many things wait on the signed-in user in a screen. Created by constructor injection
 * (ask for the services you need); {@link #count()} runs in the background; 0 hides the badge.
 */
@FunctionalInterface
public interface Badge {
    int count();
}
