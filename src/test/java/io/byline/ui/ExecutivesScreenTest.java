package io.byline.ui;

import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.ui.executives.ExecutivesController;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutivesScreenTest extends UiTest {

    private void openAs(String user) {
        openDemo();
        signIn(user);
        navigate("executives");
    }

    private void pick(String name) {
        row("#executivesList", e -> ((Executive) e).name().equals(name));
    }

    @Test
    void approverAddsAnExecutive() {
        openAs("andi");
        click("#newExecutiveButton");
        fill("#nameField", "Lina Hartati");
        fill("#titleField", "Chief Operating Officer");
        fill("#organisationField", "PT Nusa Demo");
        fill("#voiceNotesArea", "Practical, upbeat; talks about operations and people.");
        click("#saveExecutiveButton");
        settle();
        List<Executive> all = ctx.executiveService().list(false);
        assertTrue(all.stream().anyMatch(e -> e.name().equals("Lina Hartati") && e.title().equals("Chief Operating Officer")));
        ListView<Executive> list = node("#executivesList");
        assertTrue(list.getItems().stream().anyMatch(e -> e.name().equals("Lina Hartati")));
        assertTrue(lookup(".status-bar .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Saved")), "the status bar says it was saved");
        screenshot("executives-added");
    }

    @Test
    void approverAddsAnAccount() {
        openAs("andi");
        pick("Daniel Hartono");
        tab("accountsTab");
        click("#addAccountButton");
        selectPlatform(Platform.THREADS);
        fill("#handleField", "dan.hartono");
        fill("#bioArea", "CFO at PT Nusa Demo.");
        click("#saveAccountButton");
        settle();
        long id = ctx.executiveService().list(false).stream().filter(e -> e.name().equals("Daniel Hartono")).findFirst().orElseThrow().id();
        List<Account> accounts = ctx.executiveService().accounts(id, false);
        assertTrue(accounts.stream().anyMatch(a -> a.platform() == Platform.THREADS && a.handle().equals("dan.hartono")));
        assertFalse(((javafx.scene.Node) node("#accountEditor")).isVisible());
        screenshot("executives-accounts");
    }

    @Test
    void duplicateHandleShowsAnErrorOnTheHandleField() {
        openAs("andi");
        pick("Daniel Hartono");
        tab("accountsTab");
        click("#addAccountButton");
        // Sari's X handle is sariwijaya; the same platform and handle may belong to one account only
        fill("#handleField", "@SariWijaya");
        click("#saveAccountButton");
        settle();
        ExecutivesController c = controller();
        assertTrue(c.accountFieldErrors().hasError("handle"));
        TextField handle = node("#handleField");
        assertTrue(handle.getStyleClass().contains("field-invalid"));
        Label error = node("#handleError");
        assertTrue(error.isVisible());
        assertEquals(window.i18n().text("accounts.error.handleTaken"), error.getText());
        assertEquals("@SariWijaya", handle.getText(), "what was typed stays");
        screenshot("executives-duplicate-handle");
        // editing the handle clears the error
        clickOn("#handleField").write("x");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(c.accountFieldErrors().hasError("handle"));
    }

    @Test
    void writerSeesExecutivesReadOnly() {
        openAs("rina");
        assertTrue(((Label) node("#readOnlyBanner")).isVisible());
        assertFalse(((Button) node("#newExecutiveButton")).isVisible());
        pick("Sari Wijaya");
        assertFalse(((TextField) node("#nameField")).isEditable());
        assertFalse(((TextArea) node("#voiceNotesArea")).isEditable());
        assertFalse(shown("#saveExecutiveButton"));
        assertFalse(shown("#retireExecutiveButton"));
        tab("accountsTab");
        assertFalse(exists("#addAccountButton"));
        screenshot("executives-readonly");
    }

    @Test
    void retiringAsksOnceAndDimsTheExecutive() {
        openAs("andi");
        pick("Daniel Hartono");
        click("#retireExecutiveButton");
        answerDialog(window.i18n().text("executives.retire"));
        settle();
        assertTrue(ctx.executiveService().list(true).stream().anyMatch(e -> e.name().equals("Daniel Hartono") && e.retired()));
        ListView<Executive> list = node("#executivesList");
        assertFalse(list.getItems().stream().anyMatch(e -> e.name().equals("Daniel Hartono")));
        click("#showRetiredBox");
        settle();
        assertTrue(list.getItems().stream().anyMatch(e -> e.name().equals("Daniel Hartono")));
    }

    @Test
    void screenshotsInBothLanguages() {
        openAs("andi");
        pick("Sari Wijaya");
        screenshot("executives");
        language(INDONESIAN);
        pick("Sari Wijaya");
        screenshot("executives_id");
        tab("accountsTab");
        click("#addAccountButton");
        selectCapacityPersonal();
        screenshot("executives-accounts_id");
    }

    private void selectPlatform(Platform p) {
        ComboBox<Platform> box = node("#platformBox");
        interact(() -> box.setValue(p));
    }

    private void selectCapacityPersonal() {
        ComboBox<io.byline.domain.Capacity> box = node("#capacityBox");
        interact(() -> box.setValue(io.byline.domain.Capacity.PERSONAL));
        settle();
    }

    private ExecutivesController controller() {
        return (ExecutivesController) window.mainWindow().screenController("executives");
    }
}
