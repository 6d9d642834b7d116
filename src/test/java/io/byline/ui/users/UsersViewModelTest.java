package io.byline.ui.users;

import io.byline.AppContext;
import io.byline.domain.Role;
import io.byline.testing.TestWorkspace;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersViewModelTest {
    @TempDir Path dir;
    AppContext ctx;
    UsersViewModel m;

    @BeforeEach
    void open() {
        ctx = TestWorkspace.demo(dir);
        TestWorkspace.signIn(ctx, "admin");
        m = new UsersViewModel(ctx.userService(), ctx.executiveService(), new ImmediateTaskRunner());
        m.load();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void createsAUserWithTheChosenRoles() {
        m.newUser();
        m.displayNameProperty().set("Tono");
        m.usernameProperty().set("tono");
        m.passwordProperty().set("long enough password");
        m.roleProperty(Role.WRITER).set(false);
        m.roleProperty(Role.LEGAL).set(true);
        m.save();
        assertTrue(m.errors().isEmpty(), m.errors().toString());
        assertEquals(Set.of(Role.LEGAL), m.selectedProperty().get().roles());
        assertTrue(m.users().stream().anyMatch(u -> u.username().equals("tono")));
    }

    @Test
    void serviceErrorsLandOnTheirFields() {
        m.newUser();
        m.displayNameProperty().set("Rina again");
        m.usernameProperty().set("rina");
        m.passwordProperty().set("long enough password");
        m.save();
        assertEquals("users.error.usernameTaken", m.errors().get("username"));
    }

    @Test
    void theLastAdminCannotBeDeactivated() {
        m.select(m.users().stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow());
        m.setActive(false);
        assertEquals("users.error.deactivateSelf", m.errors().get("active"));
    }

    @Test
    void resetPasswordTooShortShowsOnTheNewPasswordField() {
        m.select(m.users().stream().filter(u -> u.username().equals("rina")).findFirst().orElseThrow());
        m.startReset();
        m.newPasswordProperty().set("short");
        m.resetPassword();
        assertEquals("users.error.passwordShort", m.errors().get("newPassword"));
        m.newPasswordProperty().set("a much longer one");
        m.resetPassword();
        assertFalse(m.resettingProperty().get());
        assertTrue(ctx.authService().signIn("rina", "a much longer one".toCharArray()).isPresent());
    }
}
