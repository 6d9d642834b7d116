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
}
