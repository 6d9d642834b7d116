package io.byline.ui.shell;

import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.ui.common.Badge;

import org.kordamp.ikonli.Ikon;

import java.util.Objects;
import java.util.Set;

/**
 * One screen in the main window's navigation.
 *
 * @param id         stable id ({@code executives}), used to restore the screen after a language switch
 * @param labelKey   bundle key of the navigation label ({@code nav.executives})
 * @param icon       navigation icon (see {@code Icons})
 * @param controller the screen's controller; its FXML is found beside it by convention ({@code FxmlViews})
 * @param visibleTo  roles that may open the screen; the entry is shown to users holding any of them
 * @param badge      what waits on the user there, or null for no badge
 */
public record NavEntry(String id, String labelKey, Ikon icon, Class<?> controller, Set<Role> visibleTo,
                       Class<? extends Badge> badge) {
    public NavEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(controller, "controller");
        visibleTo = Set.copyOf(visibleTo);
    }

    /** An entry without a badge. */
    public NavEntry(String id, String labelKey, Ikon icon, Class<?> controller, Set<Role> visibleTo) {
        this(id, labelKey, icon, controller, visibleTo, null);
    }

    public boolean visibleTo(User user) {
        return user != null && user.roles().stream().anyMatch(visibleTo::contains);
    }
}
