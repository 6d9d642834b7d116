package io.byline.ui;

import io.byline.domain.Role;
import io.byline.domain.User;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersScreenTest extends UiTest {

    private void openUsers() {
        openDemo();
        signIn("admin");
        navigate("users");
    }

    @Test
    void adminCreatesAReviewer() {
        openUsers();
        clickOn("#newUserButton");
        fill("#displayNameField", "Tono Wibowo");
        fill("#usernameField", "tono");
        fill("#passwordField", "a long enough password");
        clickOn("#role-writer");
        clickOn("#role-reviewer");
        clickOn("#saveUserButton");
        settle();
        User tono = ctx.userService().list().stream().filter(u -> u.username().equals("tono")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of(Role.REVIEWER), tono.roles());
        assertTrue(ctx.authService().signIn("tono", "a long enough password".toCharArray()).isPresent());
    }

    @Test
    void executiveRoleNeedsTheLinkedExecutive() {
        openUsers();
        clickOn("#newUserButton");
        fill("#displayNameField", "Daniel Hartono");
        fill("#usernameField", "daniel");
        fill("#passwordField", "a long enough password");
        clickOn("#role-writer");
        clickOn("#role-executive");
        clickOn("#saveUserButton");
        settle();
        Label error = node("#executiveError");
        assertTrue(error.isVisible());
        assertEquals(window.i18n().text("users.error.executiveRequired"), error.getText());
        assertFalse(ctx.userService().list().stream().anyMatch(u -> u.username().equals("daniel")));
        screenshot("users-errors");
    }

    @Test
    void deactivatingAsksOnce() {
        openUsers();
        clickOn("Rina Kusuma");
        settle();
        clickOn("#activeButton");
        answerDialog(window.i18n().text("users.deactivate"));
        settle();
        assertFalse(ctx.userService().list().stream().filter(u -> u.username().equals("rina")).findFirst().orElseThrow().active());
    }

    @Test
    void screenshotsInBothLanguages() {
        openUsers();
        clickOn("Sari Wijaya");
        settle();
        screenshot("users");
        language(INDONESIAN);
        clickOn("Sari Wijaya");
        settle();
        clickOn("#resetPasswordButton");
        screenshot("users_id");
    }
}
