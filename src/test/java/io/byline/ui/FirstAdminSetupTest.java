package io.byline.ui;

import io.byline.testing.TestWorkspace;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminSetupTest extends UiTest {

    @Test
    void newWorkspaceAsksForItsFirstAdminThenOpensTheMainWindow() {
        open(TestWorkspace.empty(dir), Locale.ENGLISH);
        assertTrue(exists("#createButton"));
        screenshot("setup");
        fill("#displayNameField", "Dewi Lestari");
        fill("#usernameField", "dewi");
        fill("#passwordField", "correct horse battery");
        fill("#confirmField", "correct horse battery");
        click("#createButton");
        settle();
        assertTrue(exists("#nav-users"));
        assertEquals("Dewi Lestari", ctx.session().require().displayName());
    }

    @Test
    void errorsShowUnderTheirFields() {
        open(TestWorkspace.empty(dir), Locale.ENGLISH);
        fill("#displayNameField", "Dewi");
        fill("#usernameField", "d");
        fill("#passwordField", "short");
        fill("#confirmField", "short");
        click("#createButton");
        settle();
        Label usernameError = node("#usernameError");
        assertTrue(usernameError.isVisible());
        assertEquals(window.i18n().text("users.error.username"), usernameError.getText());
        assertTrue(((Label) node("#passwordError")).isVisible());
        screenshot("setup-errors");
    }

    @Test
    void setupInIndonesian() {
        open(TestWorkspace.empty(dir), INDONESIAN);
        screenshot("setup_id");
    }
}
