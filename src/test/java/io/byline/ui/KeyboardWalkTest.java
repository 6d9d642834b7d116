package io.byline.ui;

import io.byline.ui.shell.NavEntry;
import io.byline.ui.shell.ScreenRegistry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every screen, walked with the Tab key as each kind of user sees it, in each state worth seeing (a selection, each
 * tab, an open editor): Tab goes from the header through the navigation and every control of the screen and comes
 * back to the header (no trap, no lost focus); every stop is shown and enabled; every control that takes the focus
 * has a name a screen reader announces; icon-only buttons have a tooltip; lists and tables are named.
 */
class KeyboardWalkTest extends KeyboardTestBase {

    @Test
    void adminWalksEveryScreen() {
        walkAll("admin", true);
    }

    @Test
    void approverWalksEveryScreen() {
        walkAll("andi", true);
    }

    @Test
    void writerWalksEveryScreen() {
        walkAll("rina", true);
    }

    @Test
    void executiveLegalAndReviewerWalkEveryScreen() {
        walkAll("sari", true);
        walkAll("maya", false);
        walkAll("budi", false);
    }

    /** Walks every screen the user sees; with {@code states}, also the screen's other states. */
    private void walkAll(String user, boolean states) {
        if (ctx == null) seed(Locale.ENGLISH);
        signIn(user);
        List<String> problems = new ArrayList<>();
        for (NavEntry e : ScreenRegistry.standard().visibleTo(ctx.session().require())) {
            show(e.id());
            String where = user + "/" + e.id();
            problems.addAll(walk(where, stage.getScene(), node("#userMenu")));
            if (!states) continue;
            for (Map.Entry<String, Runnable> state : states(e.id()).entrySet()) {
                state.getValue().run();
                problems.addAll(walk(where + "/" + state.getKey(), stage.getScene(), node("#userMenu")));
            }
        }
        assertEquals(List.of(), problems);
    }
}
