package io.byline.ui;

import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Role;
import io.byline.testing.TestWorkspace;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The approval chain editor in the Executives screen. */
class ChainEditorScreenTest extends UiTest {

    private void openSariChains() {
        navigate("executives");
        ListView<Executive> list = node("#executivesList");
        int sari = 0;
        for (int i = 0; i < list.getItems().size(); i++) if (list.getItems().get(i).name().startsWith("Sari")) sari = i;
        int row = sari;
        interact(() -> list.getSelectionModel().select(row));
        settle();
        clickOn("#chainsTab");
        settle();
    }

    @Test
    void anApproverAddsAStepToTheOfficialChain() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("andi");
        openSariChains();
        assertTrue(exists("#stepName-2"));
        screenshot("executives-chains");
        clickOn("#addStepButton");
        settle();
        // The new step may sit below the fold of the editor's scroll pane, where a robot click would land on
        // something else; fill it the way the keyboard would, through the controls themselves.
        interact(() -> {
            javafx.scene.control.TextField name = node("#stepName-3");
            name.requestFocus();
            name.setText("Board secretary");
            ((javafx.scene.control.CheckBox) node("#stepRole-3-legal")).fire();
            ((javafx.scene.control.CheckBox) node("#stepRole-3-reviewer")).fire();
        });
        settle();
        assertFalse(((Button) node("#saveChainButton")).isDisabled());
        clickOn("#saveChainButton");
        settle();
        assertFalse(((javafx.scene.control.Label) node("#chainError")).isVisible(), () -> ((javafx.scene.control.Label) node("#chainError")).getText());
        var steps = ctx.chainService().chain(
                ctx.executiveService().list(false).stream().filter(e -> e.name().startsWith("Sari")).findFirst().orElseThrow().id(),
                Capacity.OFFICIAL).steps();
        assertEquals(4, steps.size());
        assertEquals("Board secretary", steps.get(3).name());
        assertEquals(java.util.Set.of(Role.LEGAL, Role.REVIEWER), steps.get(3).roles());
        language(INDONESIAN);
        openSariChains();
        screenshot("executives-chains_id");
        language(Locale.ENGLISH);
    }

    @Test
    void aWriterSeesTheChainReadOnly() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("rina");
        openSariChains();
        assertFalse(exists("#addStepButton") && lookup("#addStepButton").query().isVisible());
        assertTrue(lookup("#stepName-0").queryAs(javafx.scene.control.TextField.class).isEditable() == false);
        assertEquals(List.of(), lookup("#stepRemove-0").queryAll().stream().toList());
    }
}
