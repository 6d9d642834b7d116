package io.byline.ui;

import io.byline.service.PreferencesService.Theme;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainWindowTest extends UiTest {

    @Test
    void writerSeesNoUsersEntry() {
        openDemo();
        signIn("rina");
        assertTrue(exists("#nav-executives"));
        assertFalse(exists("#nav-users"));
    }

    @Test
    void adminSeesUsersAndCtrlDigitNavigates() {
        openDemo();
        signIn("admin");
        assertTrue(exists("#nav-users"));
        KeyCode users = digitOf("users");
        press(KeyCode.CONTROL, users).release(users, KeyCode.CONTROL);
        settle();
        assertTrue(((ToggleButton) node("#nav-users")).isSelected());
        assertTrue(exists("#usersTable"));
        KeyCode executives = digitOf("executives");
        press(KeyCode.CONTROL, executives).release(executives, KeyCode.CONTROL);
        settle();
        assertTrue(((ToggleButton) node("#nav-executives")).isSelected());
    }

    @Test
    void headerShowsWorkspaceAndUser() {
        openDemo();
        signIn("andi");
        assertEquals("PT Nusa Demo", ((Label) lookup(".workspace-name").query()).getText());
        assertEquals("Andi Pratama", ((javafx.scene.control.MenuButton) node("#userMenu")).getText());
        screenshot("main");
    }

    @Test
    void settingsSwitchThemeAndLanguageLive() {
        openDemo();
        signIn("andi");
        clickOn("#userMenu");
        clickOn(window.i18n().text("shell.settings"));
        clickOn("#darkButton");
        clickOn("#languageBox");
        clickOn("Bahasa Indonesia");
        // the dialog's Save, not another screen's button with the same text
        clickOn(from(lookup(".dialog-pane").<javafx.scene.Node>query()).lookup(window.i18n().text("common.save"))
                .<javafx.scene.Node>query());
        settle();
        assertEquals(Theme.DARK, ctx.preferencesService().theme());
        assertEquals("id", ctx.preferencesService().language().getLanguage());
        assertEquals("Eksekutif", ((Label) lookup("#nav-executives .nav-label").query()).getText());
        screenshot("main-dark_id");
        language(Locale.ENGLISH);
        screenshot("main-dark");
    }

    @Test
    void signOutReturnsToSignIn() {
        openDemo();
        signIn("andi");
        clickOn("#userMenu");
        clickOn(window.i18n().text("shell.signOut"));
        settle();
        assertTrue(exists("#signInButton"));
        assertTrue(ctx.session().user().isEmpty());
    }

    @Test
    void mainWindowInIndonesian() {
        open(io.byline.testing.TestWorkspace.demo(dir), INDONESIAN);
        signIn("andi");
        screenshot("main_id");
    }

    /** Ctrl+n opens the n-th screen in the navigation; which digit a screen has depends on the screens registered. */
    private KeyCode digitOf(String screenId) {
        javafx.scene.Parent nav = node("#nav-" + screenId).getParent();
        int index = nav.getChildrenUnmodifiable().indexOf(node("#nav-" + screenId));
        return KeyCode.getKeyCode(String.valueOf(index + 1));
    }
}
