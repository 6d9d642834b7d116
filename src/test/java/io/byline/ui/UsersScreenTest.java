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
        click("#newUserButton");
        fill("#displayNameField", "Tono Wibowo");
        fill("#usernameField", "tono");
        fill("#passwordField", "a long enough password");
        click("#role-writer");
        click("#role-reviewer");
        click("#saveUserButton");
        settle();
        User tono = ctx.userService().list().stream().filter(u -> u.username().equals("tono")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of(Role.REVIEWER), tono.roles());
        assertTrue(ctx.authService().signIn("tono", "a long enough password".toCharArray()).isPresent());
    }

    @Test
    void executiveRoleNeedsTheLinkedExecutive() {
        openUsers();
        click("#newUserButton");
        fill("#displayNameField", "Daniel Hartono");
        fill("#usernameField", "daniel");
        fill("#passwordField", "a long enough password");
        click("#role-writer");
        click("#role-executive");
        click("#saveUserButton");
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
        row("#usersTable", u -> ((User) u).username().equals("rina"));
        click("#activeButton");
        answerDialog(window.i18n().text("users.deactivate"));
        settle();
        assertFalse(ctx.userService().list().stream().filter(u -> u.username().equals("rina")).findFirst().orElseThrow().active());
    }

    @Test
    void screenshotsInBothLanguages() {
        openUsers();
        row("#usersTable", u -> ((User) u).username().equals("sari"));
        screenshot("users");
        language(INDONESIAN);
        row("#usersTable", u -> ((User) u).username().equals("sari"));
        click("#resetPasswordButton");
        screenshot("users_id");
    }
}
