package io.byline.ui;

import io.byline.AppContext;
import io.byline.AppWindow;
import io.byline.service.PreferencesService.Theme;
import io.byline.testing.Screenshots;
import io.byline.testing.TestWorkspace;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.FxTaskRunner;
import io.byline.ui.shell.ScreenRegistry;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Base of the screen tests: one toolkit for the whole run (headless Monocle, set up by surefire), the real
 * application window on a temporary workspace, and screenshots in {@code target/screenshots/}.
 * Typical use: {@code openDemo(); signIn("andi"); navigate("executives"); screenshot("executives");}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class UiTest extends FxRobot {
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @TempDir protected Path dir;
    protected Stage stage;
    protected AppContext ctx;
    protected AppWindow window;
    protected FxTaskRunner runner;

    @BeforeEach
    void prepareStage() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        interact(() -> {
            stage.setScene(new Scene(new StackPane(), 1200, 780));
            stage.setWidth(1200);
            stage.setHeight(780);
            stage.show();
        });
    }

    /** The window at 1366×768, the commonest laptop screen. */
    protected void laptopSize() {
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        settle();
    }

    /** Opens the demo workspace and shows its entry (sign-in). */
    protected void openDemo() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
    }

    /** Opens the workspace in the language and shows its entry (first-admin setup or sign-in). */
    protected void open(AppContext context, Locale language) {
        this.ctx = context;
        ctx.preferencesService().setLanguage(language);
        runner = new FxTaskRunner();
        interact(() -> {
            // a pop-up left by the previous window (a toast lasts 8 s) is not part of this one
            for (javafx.stage.Window w : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
                if (w instanceof javafx.stage.PopupWindow p) p.hide();
            }
            window = new AppWindow(ctx, stage, runner, new Appearance(Theme.LIGHT), ScreenRegistry.standard());
            window.showEntry();
        });
        settle();
    }

    /** Signs a demo user in directly (fast) and shows the main window. */
    protected void signIn(String username) {
        TestWorkspace.signIn(ctx, username);
        interact(() -> window.showMain(null));
        settle();
    }

    /** Opens a screen through its navigation button. */
    protected void navigate(String screenId) {
        click("#nav-" + screenId);
    }

    /**
     * Activates a control the way a click does, without moving the robot's mouse across the window (which
     * costs a software-rendered frame per step under Monocle): buttons fire, tabs and list rows get selected,
     * fields get the focus. Runs without waiting, so a modal dialog the action opens does not block the test.
     * Sign-in and the main-window tests keep real clicks and keys.
     */
    protected void click(String query) {
        Node n = node(query);
        WaitForAsyncUtils.asyncFx(() -> {
            if (n instanceof javafx.scene.control.ButtonBase b) b.fire();
            else n.requestFocus();
        });
        settle();
    }

    /** Selects a tab by its id. */
    protected void tab(String id) {
        interact(() -> {
            for (Node p : lookup(".tab-pane").queryAll()) {
                javafx.scene.control.TabPane pane = (javafx.scene.control.TabPane) p;
                pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                        .ifPresent(t -> pane.getSelectionModel().select(t));
            }
        });
        settle();
    }

    /** Selects the row whose text matches in the list or table with this id. */
    protected void row(String listQuery, java.util.function.Predicate<Object> which) {
        Node n = node(listQuery);
        interact(() -> {
            if (n instanceof javafx.scene.control.ListView<?> l) {
                l.getItems().stream().filter(which).findFirst().ifPresent(i -> select(l.getSelectionModel(), i));
            } else if (n instanceof javafx.scene.control.TableView<?> t) {
                t.getItems().stream().filter(which).findFirst().ifPresent(i -> select(t.getSelectionModel(), i));
            }
        });
        settle();
    }

    @SuppressWarnings("unchecked")
    private static <T> void select(javafx.scene.control.SelectionModel<T> model, Object item) {
        model.select((T) item);
    }

    /** Switches the language the way the settings do. */
    protected void language(Locale locale) {
        interact(() -> window.applyLanguage(locale));
        settle();
    }

    /** Waits until background work is done and its results are on screen. */
    protected void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner == null || runner.idle());
        } catch (TimeoutException e) {
            throw new AssertionError("background work did not finish", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Writes the PNG; a screenshot of an Indonesian screen ({@code …_id}) also checks that no English bundle text
     * shows on it, so that the picture is not the only witness of an untranslated label.
     */
    protected Path screenshot(String name) {
        settle();
        if (name.endsWith("_id")) assertNoEnglishText();
        return Screenshots.write(stage.getScene(), name);
    }

    /** Fails when a text on screen (labels, buttons, cells, prompts) is an English bundle text with another Indonesian one. */
    protected void assertNoEnglishText() {
        java.util.ResourceBundle en = io.byline.ui.common.I18n.of(Locale.ENGLISH).bundle();
        java.util.ResourceBundle id = io.byline.ui.common.I18n.of(INDONESIAN).bundle();
        java.util.Map<String, String> english = new java.util.HashMap<>();
        for (String k : en.keySet()) {
            String e = en.getString(k).replace("_", "").strip();
            String i = id.containsKey(k) ? id.getString(k).replace("_", "").strip() : "";
            if (!e.equals(i) && !e.contains("{") && e.length() > 2) english.put(e, k);
        }
        java.util.List<String> shown = new java.util.ArrayList<>();
        interact(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (!w.isShowing() || w.getScene() == null) continue;
                collectTexts(w.getScene().getRoot(), shown);
            }
        });
        java.util.List<String> found = shown.stream().map(t -> t.replace("_", "").strip()).filter(english::containsKey)
                .map(t -> t + " (" + english.get(t) + ")").distinct().toList();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), found, "English text on an Indonesian screen");
    }

    private static void collectTexts(javafx.scene.Node n, java.util.List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) out.add(l.getText());
        if (n instanceof javafx.scene.control.TextInputControl t && t.getPromptText() != null) out.add(t.getPromptText());
        if (n instanceof javafx.scene.control.TabPane tp) tp.getTabs().forEach(t -> { if (t.getText() != null) out.add(t.getText()); });
        if (n instanceof javafx.scene.Parent p) for (javafx.scene.Node c : p.getChildrenUnmodifiable()) collectTexts(c, out);
    }

    /** Clicks the button with this text in the dialog that is open. */
    protected void answerDialog(String buttonText) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button b = lookup(".dialog-pane .button")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(buttonText)).queryButton();
        WaitForAsyncUtils.asyncFx(b::fire);
        settle();
    }

    /** Focuses a text field or area by clicking it and sets its text (much faster than typing each key). */
    protected void fill(String query, String text) {
        javafx.scene.control.TextInputControl field = node(query);
        interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }

    /** Whether the node and every parent are visible (what a user can see). */
    protected boolean shown(String query) {
        for (Node n = node(query); n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    protected <T extends Node> T node(String query) {
        return lookup(query).query();
    }

    protected boolean exists(String query) {
        return lookup(query).tryQuery().isPresent();
    }

    @AfterEach
    void closeWorkspace() {
        if (runner != null) runner.close();
        if (ctx != null) ctx.close();
    }
}
