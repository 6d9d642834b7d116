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
        // Ctrl+n opens the n-th screen the user sees; Users comes last
        int users = io.byline.ui.shell.ScreenRegistry.standard().visibleTo(ctx.session().require()).size();
        KeyCode digit = KeyCode.valueOf("DIGIT" + users);
        press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        settle();
        assertTrue(((ToggleButton) node("#nav-users")).isSelected());
        assertTrue(exists("#usersTable"));
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
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
}
