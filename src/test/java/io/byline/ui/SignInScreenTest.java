package io.byline.ui;

import io.byline.service.DemoWorkspace;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInScreenTest extends UiTest {

    @Test
    void wrongPasswordShowsOneNeutralMessage() {
        openDemo();
        clickOn("#usernameField").eraseText(20).write("rina");
        clickOn("#passwordField").write("not-the-password");
        type(javafx.scene.input.KeyCode.ENTER);
        settle();
        Label problem = node("#problemLabel");
        assertTrue(problem.isVisible());
        assertEquals(window.i18n().text("signin.error.wrong"), problem.getText());
        assertFalse(exists("#nav-executives"));
        screenshot("signin-error");
    }

    @Test
    void unknownUserGetsTheSameMessage() {
        openDemo();
        fill("#usernameField", "nobody");
        fill("#passwordField", DemoWorkspace.PASSWORD);
        click("#signInButton");
        settle();
        Label problem = node("#problemLabel");
        assertEquals(window.i18n().text("signin.error.wrong"), problem.getText());
    }

    @Test
    void rightPasswordOpensTheMainWindowAndRemembersTheUser() {
        openDemo();
        screenshot("signin");
        fill("#usernameField", "andi");
        fill("#passwordField", DemoWorkspace.PASSWORD);
        type(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertTrue(exists("#nav-executives"));
        assertEquals("andi", ctx.preferencesService().lastUsername());
    }

    @Test
    void afterSigningOutTypingAnotherNameReplacesTheRememberedOne() {
        openDemo();
        fill("#usernameField", "andi");
        fill("#passwordField", DemoWorkspace.PASSWORD);
        type(javafx.scene.input.KeyCode.ENTER);
        settle();
        clickOn("#userMenu");
        clickOn(window.i18n().text("shell.signOut"));
        settle();
        javafx.scene.control.TextField username = node("#usernameField");
        assertEquals("andi", username.getText(), "the remembered name is there");
        assertTrue(username.isFocused());
        write("budi");
        assertEquals("budi", username.getText());
        type(javafx.scene.input.KeyCode.TAB);
        write(DemoWorkspace.PASSWORD);
        type(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertEquals("budi", ctx.session().user().orElseThrow().username());
    }

    @Test
    void signInInIndonesian() {
        openDemo();
        language(INDONESIAN);
        assertEquals("Masuk", ((javafx.scene.control.Button) node("#signInButton")).getText());
        screenshot("signin_id");
        language(Locale.ENGLISH);
    }

    @Test
    void tooManyFailuresSayHowLongToWaitInTheUsersLanguage() {
        openDemo();
        language(INDONESIAN);
        for (int i = 0; i < 3; i++) {
            fill("#usernameField", "rina");
            fill("#passwordField", "not-the-password-" + i);
            click("#signInButton");
            settle();
        }
        Label problem = node("#problemLabel");
        assertEquals("Terlalu banyak percobaan, coba lagi dalam 5 detik.", problem.getText());
        screenshot("signin-throttled_id");
        language(Locale.ENGLISH);
        fill("#usernameField", "rina");
        fill("#passwordField", DemoWorkspace.PASSWORD);
        click("#signInButton");
        settle();
        assertTrue(((Label) node("#problemLabel")).getText().startsWith("Too many attempts, try again in "),
                ((Label) node("#problemLabel")).getText());
        assertFalse(exists("#nav-executives"), "the right password waits too");
        screenshot("signin-throttled");
    }
}
