package io.byline.ui;

import io.byline.service.RiskService.Risk;
import io.byline.ui.compose.ComposeController;
import io.byline.ui.policy.PolicyController;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dialog (and the notifications pop-over), opened from the keyboard: Tab goes round its controls and back
 * (no trap: not even in a reason's text area), every control is named, its field labels have mnemonics that do
 * not collide and reach their fields, and Escape closes it and gives the focus back to the control that opened it.
 * The screenshots are taken with Alt held, so the underlined letters show.
 */
class DialogKeyboardTest extends KeyboardTestBase {

    @Test
    void settingsNotificationsAndReasonsInEnglish() throws Exception {
        shellAndQueue(Locale.ENGLISH, "");
    }

    @Test
    void settingsNotificationsAndReasonsInIndonesian() throws Exception {
        shellAndQueue(INDONESIAN, "_id");
    }

    private void shellAndQueue(Locale language, String suffix) throws Exception {
        seed(language);
        signIn("andi");
        List<String> problems = new ArrayList<>();

        // settings: Ctrl+, from the user menu
        Node menu = node("#userMenu");
        WaitForAsyncUtils.asyncFx(() -> {
            menu.requestFocus();
            key(menu.getScene(), KeyCode.COMMA, false, true);
        });
        problems.addAll(dialogChecks("settings", null, "keyboard-settings" + suffix));
        assertSame(menu, focusOwner(), "the focus is back on the user menu");

        // the bell's pop-over: Space opens it with the focus in the list; Escape closes it, back to the bell
        show("queue");
        Node bell = node("#bellButton");
        onFx(() -> {
            bell.requestFocus();
            key(bell.getScene(), KeyCode.SPACE, false, false);
        });
        settle();
        Scene popover = onFx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(Window::getScene).filter(s -> s.lookup(".notification-popover") != null).findFirst().orElseThrow());
        Node start = onFx(popover::getFocusOwner);
        assertTrue(start != null && A11y.name(start) != null, "the focus starts in the notifications: " + A11y.describe(start));
        problems.addAll(walk("notifications", popover, start, stage.getScene()));
        Window popup = onFx(popover::getWindow);
        onFx(() -> key(stage.getScene(), KeyCode.ESCAPE, false, false));
        // the pop-over fades out
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !popup.isShowing());
        settle();
        assertSame(bell, focusOwner(), "the focus is back on the bell");

        // reasons: Space on Request changes and on Reject opens the reason dialog; Escape comes back to the button
        row("#queueTable", r -> true);
        for (String button : List.of("#requestChangesButton", "#rejectButton")) {
            Node opener = node(button);
            keyOpeningDialog(opener, KeyCode.SPACE);
            problems.addAll(dialogChecks("reason " + button, "reasonArea", "keyboard-reason" + suffix));
            assertSame(opener, focusOwner(), "the focus is back on " + button);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void risksDialogs() {
        seed(Locale.ENGLISH);
        signIn("andi");

        show("risks");
        List<String> problems = new ArrayList<>();
        row("#risksTable", r -> ((Risk) r).canOverride());
        Node override = node("#overrideButton");
        keyOpeningDialog(override, KeyCode.SPACE);
        problems.addAll(dialogChecks("override", "overrideReason", "keyboard-risks-override"));
        assertSame(override, focusOwner());
        row("#risksTable", r -> "lexicon".equals(((Risk) r).rule()));
        Node falsePositive = node("#falsePositiveButton");
        keyOpeningDialog(falsePositive, KeyCode.SPACE);
        problems.addAll(dialogChecks("false positive", "falsePositivePhrase", "keyboard-risks-false-positive"));
        assertSame(falsePositive, focusOwner());
        assertEquals(List.of(), problems);
    }

    @Test
    void composeSubmitWithABlockingFindingAsksForAReason() throws Exception {
        seed(INDONESIAN);
        signIn("rina");
        show("compose");
        ComposeController compose = (ComposeController) node("#composeRoot").getProperties().get(ComposeController.class);
        onFx(() -> compose.editor().replaceText("Project Komodo launches next week."));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(compose::quiet).get());
        settle();
        Node submit = node("#submitButton");
        keyOpeningDialog(submit, KeyCode.SPACE);
        List<String> problems = dialogChecks("submit", "submitReason", "keyboard-compose-submit_id");
        assertSame(submit, focusOwner());
        assertEquals(List.of(), problems);
    }

    @Test
    void policyTestBenchImportAndConfirmations() throws Exception {
        seed(Locale.ENGLISH);
        signIn("admin");
        show("policy");
        List<String> problems = new ArrayList<>();
        PolicyController policy = (PolicyController) lookup((Node n) -> n.getProperties().containsKey(PolicyController.class))
                .query().getProperties().get(PolicyController.class);

        // the test bench, from Save in the editor
        click("#newTermButton");
        fill("#termText", "Project Bromo");
        onFx(() -> ((javafx.scene.control.ComboBox<?>) node("#categoryBox")).getEditor().setText("codename"));
        Node save = node("#saveTermButton");
        keyOpeningDialog(save, KeyCode.SPACE);
        problems.addAll(dialogChecks("test bench", null, "keyboard-policy-bench"));
        assertSame(save, focusOwner());

        // the import preview (the file chooser is the system's): its check box and lists are named
        Path file = dir.resolve("terms.csv");
        Files.writeString(file, "term,category,severity\nProject Semeru,codename,BLOCK\n");
        Node importButton = node("#importButton");
        onFx(() -> {
            importButton.requestFocus();
            policy.importFile(file);
        });
        settle();
        problems.addAll(dialogChecks("import", null, "keyboard-policy-import"));
        assertSame(importButton, focusOwner());

        // a confirmation: Cancel is the default, Escape keeps everything
        show("users");
        row("#usersTable", u -> ((io.byline.domain.User) u).username().equals("rina"));
        Node deactivate = node("#activeButton");
        keyOpeningDialog(deactivate, KeyCode.SPACE);
        problems.addAll(dialogChecks("confirm", null, "keyboard-confirm"));
        assertSame(deactivate, focusOwner());
        assertEquals(List.of(), problems);
    }

    /**
     * The dialog shown now: where the focus starts ({@code startId}, or anywhere named), Tab round it, names,
     * mnemonics, a screenshot with Alt held; then Escape, which must close it.
     */
    private List<String> dialogChecks(String where, String startId, String picture) {
        settle();
        Scene d = dialog().orElseThrow(() -> new AssertionError(where + ": no dialog open"));
        List<String> problems = new ArrayList<>();
        Node start = onFx(d::getFocusOwner);
        if (startId != null && (start == null || !startId.equals(start.getId()))) {
            problems.add(where + ": the focus starts on " + A11y.describe(start) + ", not #" + startId);
        }
        if (start == null) start = onFx(() -> A11y.stops(d.getRoot()).get(0));
        problems.addAll(walk(where, d, start));
        problems.addAll(mnemonics(where, d));
        screenshotWithMnemonics(d, picture);
        Node focus = onFx(d::getFocusOwner);
        onFx(() -> Event.fireEvent(focus == null ? d : focus, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE,
                false, false, false, false)));
        settle();
        if (dialog().isPresent()) problems.add(where + ": Escape does not close the dialog");
        return problems;
    }
}
