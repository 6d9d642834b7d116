package io.byline.ui.signin;

import io.byline.AppContext;
import io.byline.domain.User;
import io.byline.service.DemoWorkspace;
import io.byline.testing.TestWorkspace;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class SignInViewModelTest {
    @TempDir Path dir;
    AppContext ctx;
    SignInViewModel model;
    final AtomicReference<User> signedIn = new AtomicReference<>();

    @BeforeEach
    void open() {
        ctx = TestWorkspace.demo(dir);
        model = new SignInViewModel(ctx.authService(), ctx.preferencesService(), new ImmediateTaskRunner());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void wrongPasswordGivesTheNeutralMessageAndClearsThePassword() {
        model.usernameProperty().set("rina");
        model.passwordProperty().set("wrong");
        model.signIn(signedIn::set);
        assertEquals(new SignInViewModel.Message("signin.error.wrong"), model.problemProperty().get());
        assertEquals("", model.passwordProperty().get());
        assertNull(signedIn.get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void rightPasswordSignsInAndRemembersTheName() {
        model.usernameProperty().set(" budi ");
        model.passwordProperty().set(DemoWorkspace.PASSWORD);
        model.signIn(signedIn::set);
        assertEquals("budi", signedIn.get().username());
        assertEquals("budi", ctx.preferencesService().lastUsername());
        assertEquals("budi", new SignInViewModel(ctx.authService(), ctx.preferencesService(), new ImmediateTaskRunner())
                .usernameProperty().get(), "the next sign-in starts with the remembered name");
    }

    @Test
    void emptyFieldsAskForBoth() {
        model.usernameProperty().set("");
        model.signIn(signedIn::set);
        assertEquals(new SignInViewModel.Message("signin.error.missing"), model.problemProperty().get());
    }

    @Test
    void tooManyFailuresSayHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            model.usernameProperty().set("rina");
            model.passwordProperty().set("wrong " + i);
            model.signIn(signedIn::set);
        }
        assertEquals(new SignInViewModel.Message("signin.error.throttled", java.util.List.of(5L)), model.problemProperty().get());
        assertEquals("", model.passwordProperty().get());
        assertNull(signedIn.get());
        assertFalse(model.busyProperty().get());
    }
}
