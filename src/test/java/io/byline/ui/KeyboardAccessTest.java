package io.byline.ui;

import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyboard and screen-reader checks with real keys (the robot): Tab walks the controls in reading order and reaches
 * every one of them; each focused control is visible; icon-only buttons have accessible text; input fields on
 * the sign-in screen are named by their labels ({@code labelFor}), which screen readers announce, and the labels'
 * mnemonics (Alt+letter) move the focus to them. Every screen in every state is walked in {@link KeyboardWalkTest},
 * mnemonics in {@link MnemonicTest}, dialogs in {@link DialogKeyboardTest}, focus rings in {@link FocusRingTest}.
 */
class KeyboardAccessTest extends UiTest {

    @Test
    void signInTabOrderFollowsReadingOrder() {
        openDemo();
        assertEquals("usernameField", focusedId(), "the first empty field has the focus");
        List<String> order = tabWalk(5);
        assertEquals(List.of("passwordField", "signInButton", "languageBox", "usernameField", "passwordField"), order);
        // Shift+Tab goes back the same way
        press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        settle();
        assertEquals("usernameField", focusedId());
        iconOnlyControlsHaveAccessibleText();
        for (String field : List.of("#usernameField", "#passwordField", "#languageBox")) {
            assertTrue(labelled(node(field)), field + " is named by a label (labelFor) or accessibleText");
        }
    }

    @Test
    void signInMnemonicsMoveTheFocusWithRealKeys() {
        openDemo();
        press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
        settle();
        assertEquals("passwordField", focusedId(), "Alt+P: Password");
        press(KeyCode.ALT).type(KeyCode.L).release(KeyCode.ALT);
        settle();
        assertEquals("languageBox", focusedId(), "Alt+L: Language");
        press(KeyCode.ALT).type(KeyCode.U).release(KeyCode.ALT);
        settle();
        assertEquals("usernameField", focusedId(), "Alt+U: Username");
    }

    @Test
    void signInFocusIsVisible() {
        openDemo();
        clickOn("#usernameField").write("andi");
        type(KeyCode.TAB, KeyCode.TAB);
        settle();
        assertEquals("signInButton", focusedId());
        screenshot("keyboard-signin-focus");
    }

    @Test
    void firstAdminTabOrderFollowsReadingOrder() {
        open(io.byline.testing.TestWorkspace.empty(dir), java.util.Locale.ENGLISH);
        Node first = stage.getScene().getFocusOwner();
        assertEquals("displayNameField", first == null ? null : first.getId());
        assertEquals(List.of("usernameField", "passwordField", "confirmField", "createButton"), tabWalk(4));
        iconOnlyControlsHaveAccessibleText();
        for (String field : List.of("#displayNameField", "#usernameField", "#passwordField", "#confirmField")) {
            assertTrue(labelled(node(field)), field + " is named by a label (labelFor) or accessibleText");
        }
    }

    @Test
    void mainWindowTabReachesHeaderThenNavigationInOrder() {
        openDemo();
        signIn("admin");
        navigate("executives");
        interact(() -> node("#userMenu").requestFocus());
        settle();
        List<String> order = new ArrayList<>();
        order.add(focusedId());
        // walk until the focus comes back to the user menu (bounded: a trap would fail here)
        for (int i = 0; i < 200; i++) {
            type(KeyCode.TAB);
            settle();
            Node f = stage.getScene().getFocusOwner();
            assertTrue(f != null && f.isVisible() && !f.isDisabled(), "focus on a visible, enabled control: " + f);
            if ("userMenu".equals(f.getId())) break;
            order.add(f.getId() == null ? f.getClass().getSimpleName() : f.getId());
        }
        assertEquals("userMenu", focusedId(), "Tab cycles back to the header: " + order);
        // the navigation is one toggle group: Tab stops on the selected entry (like a radio group), the arrow
        // keys move between entries and Space opens one; Ctrl+1 … Ctrl+9 open them directly
        assertEquals("nav-executives", order.get(1), "header, then the navigation: " + order);
        assertTrue(order.size() > 2 && order.get(2).equals("showRetiredBox"), "then into the screen: " + order);
        assertTrue(!order.contains("statusBar"), "the status bar is not a tab stop: " + order);
        iconOnlyControlsHaveAccessibleText();
        interact(() -> node("#nav-executives").requestFocus());
        type(KeyCode.DOWN);
        settle();
        String next = screenAfter("executives");
        assertEquals("nav-" + next, focusedId());
        type(KeyCode.SPACE);
        settle();
        assertEquals(next, window.mainWindow().currentScreen());
        iconOnlyControlsHaveAccessibleText();
    }

    @Test
    void screenShortcutsOpenTheScreens() {
        openDemo();
        signIn("admin");
        for (String screen : List.of("users", "executives")) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + (visibleIds().indexOf(screen) + 1));
            press(KeyCode.CONTROL).type(digit).release(KeyCode.CONTROL);
            settle();
            assertEquals(screen, window.mainWindow().currentScreen());
        }
    }

    /** The navigation the signed-in user sees, in order. */
    private List<String> visibleIds() {
        return io.byline.ui.shell.ScreenRegistry.standard().visibleTo(ctx.session().require()).stream()
                .map(io.byline.ui.shell.NavEntry::id).toList();
    }

    private String screenAfter(String id) {
        List<String> ids = visibleIds();
        return ids.get(ids.indexOf(id) + 1);
    }

    /** Every visible button-like control that shows no text of its own must tell a screen reader what it does. */
    private void iconOnlyControlsHaveAccessibleText() {
        List<String> missing = new ArrayList<>();
        visit(stage.getScene().getRoot(), n -> {
            if (!(n instanceof ButtonBase b) || !onScreen(n)) return;
            boolean showsText = b.getText() != null && !b.getText().isBlank()
                    && b.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY;
            if (!showsText && (b.getAccessibleText() == null || b.getAccessibleText().isBlank())) {
                missing.add(b.getId() == null ? b.toString() : b.getId());
            }
        });
        assertEquals(List.of(), missing, "icon-only buttons without accessibleText");
    }

    private static boolean onScreen(Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    private boolean labelled(Node control) {
        if (control instanceof Control c && c.getAccessibleText() != null && !c.getAccessibleText().isBlank()) return true;
        boolean[] found = {false};
        visit(stage.getScene().getRoot(), n -> {
            if (n instanceof Label l && l.getLabelFor() == control && !l.getText().isBlank()) found[0] = true;
        });
        return found[0];
    }

    private static void visit(Node n, java.util.function.Consumer<Node> action) {
        action.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) visit(c, action);
    }

    private List<String> tabWalk(int steps) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            type(KeyCode.TAB);
            settle();
            ids.add(focusedId());
        }
        return ids;
    }

    private String focusedId() {
        Node f = stage.getScene().getFocusOwner();
        if (f == null) return null;
        // a ComboBox's editor or a TextField's skin never takes the focus itself; report the control
        while (f != null && f.getId() == null && !(f instanceof TextInputControl || f instanceof ComboBoxBase<?>
                || f instanceof Labeled)) f = f.getParent();
        return f == null ? null : f.getId();
    }

    @SuppressWarnings("unused")
    private static boolean isButton(Node n) {
        return n.getAccessibleRole() == AccessibleRole.BUTTON;
    }
}
