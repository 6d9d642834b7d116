package io.byline.ui;

import io.byline.domain.Platform;
import io.byline.testing.PostFixture;
import io.byline.testing.Screenshots;

import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What the keyboard tests share: a workspace with posts in every state a screen shows, the states of each screen
 * worth walking, and a Tab walker, name checks and mnemonic checks that run on any scene (the main window or a
 * dialog).
 *
 * <p>Keys are fired at the focus owner on the FX thread, the way the scene delivers them: through the window's and
 * the scene's handlers, where focus traversal, accelerators and mnemonics live. (The robot renders a frame per key
 * under Monocle, which makes walking every screen slow; {@link KeyboardAccessTest} presses real keys.)
 */
abstract class KeyboardTestBase extends UiTest {
    static final int MAX_STOPS = 150;

    /** The demo workspace with posts in review (with findings), an approved one and a draft. */
    protected void seed(Locale language) {
        PostFixture f = new PostFixture(dir);
        long sariX = f.account(f.sari, Platform.X).id();
        long sariLi = f.account(f.sari, Platform.LINKEDIN).id();
        long inReview = f.draft("Project Komodo is on track for the March launch; call +62 812 5555 0101.", List.of(sariX, sariLi),
                PostFixture.START.plus(Duration.ofDays(3))).post().id();
        f.ctx.draftService().submit(inReview, "Legal cleared the codename for the launch teaser.");
        long approved = f.draft("Meet Garuda Express, our new same-day delivery service for Makassar.", List.of(sariX),
                PostFixture.START.plus(Duration.ofDays(5))).post().id();
        f.ctx.draftService().submit(approved, null);
        f.approveAll(approved);
        f.draft("A draft about our Surabaya team.");
        // deadline toasts are pop-ups of their own: they would take an Escape meant for a dialog
        f.ctx.provide(io.byline.ui.queue.ToastPresenter.class, new io.byline.ui.queue.ToastPresenter() {
            @Override
            public void show(Toast t) {
                // not shown
            }
        });
        open(f.ctx, language);
    }

    /** The states of a screen worth checking besides the first one, in order (each builds on the one before). */
    protected Map<String, Runnable> states(String screen) {
        Map<String, Runnable> s = new LinkedHashMap<>();
        switch (screen) {
            case "compose" -> {
                s.put("media", () -> tab("mediaTab"));
                s.put("history", () -> tab("historyTab"));
            }
            case "queue" -> {
                s.put("selected", () -> row("#queueTable", r -> true));
                s.put("calendar", () -> tab("calendarTab"));
            }
            case "risks" -> s.put("selected", () -> row("#risksTable", r -> true));
            case "policy" -> {
                s.put("entry", () -> row("#termsTable", r -> true));
                s.put("pattern", () -> click("#patternToggle"));
                s.put("lists", () -> tab("listsTab"));
                s.put("embargoes", () -> tab("embargoTab"));
                s.put("proposals", () -> tab("proposalsTab"));
            }
            case "executives" -> {
                s.put("profile", () -> row("#executivesList", r -> true));
                s.put("accounts", () -> {
                    tab("accountsTab");
                    row("#accountsTable", r -> true);
                });
                s.put("accountEditor", () -> {
                    if (exists("#editAccountButton") && shown("#editAccountButton") && !node("#editAccountButton").isDisabled()) {
                        click("#editAccountButton");
                    }
                });
                s.put("chains", () -> tab("chainsTab"));
            }
            case "users" -> {
                s.put("user", () -> row("#usersTable", r -> true));
                s.put("reset", () -> click("#resetPasswordButton"));
                s.put("new", () -> click("#newUserButton"));
            }
            case "dashboard" -> s.put("drill", () -> {
                onFx(() -> {
                    node("#postsChart").requestFocus();
                    return key(KeyCode.ENTER, false, false);
                });
                settle();
            });
            default -> { }
        }
        return s;
    }

    /** Opens a screen of the main window, leaving behind any change a state before left (the shell asks once). */
    protected void show(String screen) {
        navigate(screen);
        if (exists(".dialog-pane")) answerDialog(window.i18n().text("shell.unsaved.discard"));
    }

    // ------------------------------------------------------------------ walking with Tab

    /**
     * Tabs from {@code start} round the whole scene; returns what is wrong: the focus lost, trapped, cycling without
     * coming back, on a hidden or disabled control; then the names of all the scene's stops ({@link #names}).
     */
    protected List<String> walk(String where, Scene scene, Node start) {
        return walk(where, scene, start, scene);
    }

    /**
     * As {@link #walk(String, Scene, Node)}, with the keys pressed in {@code keys}: a pop-up never has the keyboard
     * itself, its owner window passes the keys on to it.
     */
    protected List<String> walk(String where, Scene scene, Node start, Scene keys) {
        List<String> problems = new ArrayList<>();
        onFx(() -> {
            start.requestFocus();
            return null;
        });
        List<Node> seen = new ArrayList<>();
        Node previous = start;
        boolean back = false;
        for (int i = 0; i < MAX_STOPS && problems.isEmpty(); i++) {
            Node f = onFx(() -> {
                key(keys, KeyCode.TAB, false, false);
                return scene.getFocusOwner();
            });
            if (f == null) {
                problems.add(where + ": focus lost after " + A11y.describe(previous));
                break;
            }
            Node c = A11y.owner(f);
            if (c == start) {
                back = true;
                break;
            }
            if (c == previous) problems.add(where + ": Tab is trapped in " + A11y.describe(c));
            else if (seen.contains(c)) problems.add(where + ": Tab cycles back to " + A11y.describe(c) + " without reaching the start");
            else if (onFx(() -> !A11y.treeVisible(c) || c.isDisabled())) problems.add(where + ": focus on a hidden or disabled " + A11y.describe(c));
            seen.add(c);
            previous = c;
        }
        if (!back && problems.isEmpty()) problems.add(where + ": Tab did not come back to the start after " + MAX_STOPS + " stops");
        settle();
        problems.addAll(onFx(() -> names(where, scene)));
        return problems;
    }

    /** Every stop in the scene is named; icon-only buttons have a tooltip; lists and tables have a name of their own. */
    static List<String> names(String where, Scene scene) {
        List<String> problems = new ArrayList<>();
        for (Node n : A11y.stops(scene.getRoot())) {
            String name = A11y.name(n);
            if (name == null || name.isBlank()) problems.add(where + ": no accessible name on " + A11y.describe(n));
            else if (name.startsWith("!")) problems.add(where + ": missing text " + name + " on " + A11y.describe(n));
            if (A11y.iconOnly(n) && !A11y.hasTooltip(n)) problems.add(where + ": icon-only button without tooltip " + A11y.describe(n));
            if (A11y.isCollection(n) && (n.getAccessibleText() == null || n.getAccessibleText().isBlank())) {
                problems.add(where + ": list or table without accessibleText " + A11y.describe(n));
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ mnemonics

    /**
     * The scene's mnemonics: no two live ones share a letter; every field label that names an input has one; no
     * text carries a mnemonic marker where it is shown as it is (a tooltip, a column, an accessible name); and
     * Alt+letter on each label moves the focus to its input.
     */
    protected List<String> mnemonics(String where, Scene scene) {
        List<String> problems = new ArrayList<>(onFx(() -> {
            List<String> out = new ArrayList<>();
            A11y.liveMnemonics(scene).forEach((key, nodes) -> {
                if (nodes.size() > 1) out.add(where + ": " + key.getDisplayText() + " is the mnemonic of " + nodes.stream()
                        .map(A11y::describe).toList());
            });
            Set<String> marked = markedTexts();
            A11y.visit(scene.getRoot(), n -> {
                if (n instanceof Label l && l.getLabelFor() != null && l.getStyleClass().contains("field-label")
                        && A11y.treeVisible(l) && A11y.mnemonicChar(l.getText()) == 0) {
                    out.add(where + ": field label without a mnemonic " + A11y.describe(l));
                }
                for (String text : A11y.shownTexts(n)) {
                    for (String m : marked) {
                        if (text.contains(m)) out.add(where + ": '" + m + "' shown with its marker on " + A11y.describe(n));
                    }
                }
            });
            return out;
        }));
        for (Label l : onFx(() -> A11y.mnemonicLabels(scene).stream().filter(x -> x instanceof Label lb && lb.getLabelFor() != null)
                .map(x -> (Label) x).toList())) {
            Node target = l.getLabelFor();
            if (onFx(() -> target.isDisabled() || !A11y.treeVisible(target))) continue;
            onFx(() -> scene.getRoot().requestFocus());
            char c = A11y.mnemonicChar(l.getText());
            Node focus = onFx(() -> {
                alt(scene, c);
                return scene.getFocusOwner();
            });
            if (focus == null || (focus != target && A11y.owner(focus) != target)) {
                problems.add(where + ": Alt+" + c + " (" + A11y.plain(l) + ") focused " + A11y.describe(focus)
                        + " instead of " + A11y.describe(target));
            }
        }
        return problems;
    }

    /** The bundle texts of the language shown that carry a mnemonic marker ({@code _Name}), as written. */
    private Set<String> markedTexts() {
        Set<String> out = new TreeSet<>();
        ResourceBundle b = window.i18n().bundle();
        for (String k : b.keySet()) {
            String v = b.getString(k);
            if (A11y.mnemonicChar(v) != 0 && !v.contains("{") && v.matches("(?s).*_\\p{L}.*")) out.add(v);
        }
        return out;
    }

    /** Presses Alt+{@code letter} in the scene (mnemonics act on key presses with Alt held). */
    protected static void alt(Scene scene, char letter) {
        EventTarget target = scene.getFocusOwner() == null ? scene : scene.getFocusOwner();
        KeyCode code = KeyCode.getKeyCode(String.valueOf(letter));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, String.valueOf(letter).toLowerCase(Locale.ROOT),
                String.valueOf(letter).toLowerCase(Locale.ROOT), code, false, false, true, false));
        Event.fireEvent(scene.getFocusOwner() == null ? scene : scene.getFocusOwner(), new KeyEvent(KeyEvent.KEY_RELEASED,
                "", "", code, false, false, true, false));
    }

    /** Writes the scene with Alt held down, when the mnemonics are underlined. */
    protected void screenshotWithMnemonics(Scene scene, String name) {
        settle();
        onFx(() -> Event.fireEvent(target(scene), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ALT, false, false, true, false)));
        Screenshots.write(scene, name);
        onFx(() -> Event.fireEvent(target(scene), new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.ALT, false, false, false, false)));
    }

    // ------------------------------------------------------------------ keys and threads

    /** Presses and releases a key at the focus owner of the window's scene; returns the focus owner after it. */
    protected Node key(KeyCode code, boolean shift, boolean ctrl) {
        return key(stage.getScene(), code, shift, ctrl);
    }

    protected static Node key(Scene scene, KeyCode code, boolean shift, boolean ctrl) {
        Event.fireEvent(target(scene), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, false, false));
        Event.fireEvent(target(scene), new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, shift, ctrl, false, false));
        return scene.getFocusOwner();
    }

    private static EventTarget target(Scene scene) {
        return scene.getFocusOwner() == null ? scene : scene.getFocusOwner();
    }

    /** Runs on the FX thread and returns the result, without waiting for the frames after it. */
    protected static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static void onFx(Runnable r) {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    /** Presses a key that opens a modal dialog: without waiting for it (the dialog blocks until closed). */
    protected void keyOpeningDialog(Node on, KeyCode code) {
        WaitForAsyncUtils.asyncFx(() -> {
            on.requestFocus();
            key(on.getScene(), code, false, false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        settle();
    }

    /** The dialog shown now, or empty. */
    protected Optional<Scene> dialog() {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane).findFirst());
    }

    /** The focus owner of the main window. */
    protected Node focusOwner() {
        return onFx(() -> stage.getScene().getFocusOwner());
    }
}
