package io.byline.ui;

import io.byline.testing.TestWorkspace;
import io.byline.ui.shell.NavEntry;
import io.byline.ui.shell.ScreenRegistry;

import javafx.scene.Scene;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mnemonics on every screen and in both languages: the field labels that name inputs have one (Alt+letter), no two
 * on a screen share a letter, Alt+letter moves the focus to the label's input, and no text shows the marker where
 * it is not parsed. The screenshots are taken with Alt held, so the underlined letters show.
 */
class MnemonicTest extends KeyboardTestBase {
    /** Screens whose picture with the underlined letters is kept (the others are checked all the same). */
    private static final Set<String> PICTURES = Set.of("compose", "queue/selected", "policy/pattern", "executives/profile",
            "executives/accountEditor", "audit", "users/new");

    @Test
    void signInAndFirstAdminInEnglish() {
        entry(Locale.ENGLISH, "");
    }

    @Test
    void signInAndFirstAdminInIndonesian() {
        entry(INDONESIAN, "_id");
    }

    @Test
    void everyScreenInEnglish() {
        screens(Locale.ENGLISH, "");
    }

    @Test
    void everyScreenInIndonesian() {
        screens(INDONESIAN, "_id");
    }

    private void entry(Locale language, String suffix) {
        List<String> problems = new ArrayList<>();
        open(TestWorkspace.demo(dir.resolve("demo")), language);
        Scene scene = stage.getScene();
        problems.addAll(mnemonics("sign-in", scene));
        screenshotWithMnemonics(scene, "mnemonics-signin" + suffix);
        runner.close();
        ctx.close();
        open(TestWorkspace.empty(dir.resolve("empty")), language);
        problems.addAll(mnemonics("first-admin", stage.getScene()));
        screenshotWithMnemonics(stage.getScene(), "mnemonics-first-admin" + suffix);
        assertEquals(List.of(), problems);
    }

    private void screens(Locale language, String suffix) {
        seed(language);
        List<String> problems = new ArrayList<>();
        for (String user : List.of("admin", "andi")) {
            signIn(user);
            List<NavEntry> screens = ScreenRegistry.standard().visibleTo(ctx.session().require());
            for (NavEntry e : screens) {
                if (user.equals("andi") && !List.of("compose", "queue", "risks").contains(e.id())) continue;
                show(e.id());
                check(e.id(), suffix, problems);
                for (Map.Entry<String, Runnable> state : states(e.id()).entrySet()) {
                    state.getValue().run();
                    check(e.id() + "/" + state.getKey(), suffix, problems);
                }
            }
            // a screen shown again (the window keeps it) still has its mnemonics
            for (NavEntry e : screens) {
                show(e.id());
                check(e.id() + " again", suffix, problems);
            }
        }
        assertEquals(List.of(), problems);
    }

    private void check(String where, String suffix, List<String> problems) {
        problems.addAll(mnemonics(where, stage.getScene()));
        if (PICTURES.contains(where)) screenshotWithMnemonics(stage.getScene(), "mnemonics-" + where.replace('/', '-') + suffix);
    }
}
