package io.byline.ui.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.AllowProposal;
import io.byline.domain.Severity;
import io.byline.service.RiskService.Risk;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The Risks screen (its tests live beside the Policy screen's: they share the seeded posts). */
class RisksScreenTest extends UiTest {

    private TableView<Risk> table() {
        return node("#risksTable");
    }

    private void openAs(String user, Locale language) {
        open(TestWorkspace.demo(dir), language);
        PolicyUi.seed(ctx);
        signIn(user);
        navigate("risks");
    }

    @Test
    void legalSeesEveryOpenFindingAndOverridesWithAReason() {
        openAs("maya", Locale.ENGLISH);
        assertEquals(8, table().getItems().size());
        assertEquals(Severity.BLOCK, table().getItems().get(0).severity());
        screenshot("risks");
        interact(() -> table().getSelectionModel().select(0));
        clickOn("#overrideButton");
        settle();
        Button confirm = node("#overrideConfirm");
        assertTrue(confirm.isDisable(), "a reason is required");
        clickOn("#overrideReason").write("Announced");
        assertTrue(confirm.isDisable(), "ten characters at least");
        write(" At the press event.");
        assertFalse(confirm.isDisable());
        clickOn("#overrideConfirm");
        settle();
        assertEquals(7, table().getItems().size());
        assertEquals(1, table().getItems().stream().filter(r -> r.severity() == Severity.BLOCK).count());
    }

    @Test
    void filtersAndSearchNarrowTheList() {
        openAs("andi", Locale.ENGLISH);
        clickOn("#risksSearch").write("Daniel");
        settle();
        assertEquals(5, table().getItems().size());
        interact(() -> ((javafx.scene.control.TextField) node("#risksSearch")).setText("#1"));
        settle();
        assertEquals(3, table().getItems().size());
        interact(() -> ((javafx.scene.control.TextField) node("#risksSearch")).clear());
        interact(() -> ((javafx.scene.control.ComboBox<Severity>) node("#risksSeverity")).setValue(Severity.WARN));
        settle();
        assertTrue(table().getItems().stream().allMatch(r -> r.severity() == Severity.WARN));
    }

    @Test
    void aReviewerAcknowledgesWarningsInBulkButCannotOverride() {
        openAs("budi", Locale.ENGLISH);
        assertFalse(((Node) node("#overrideButton")).isVisible());
        interact(() -> {
            table().getSelectionModel().clearSelection();
            for (int i = 0; i < table().getItems().size(); i++) {
                if (table().getItems().get(i).severity() == Severity.WARN) table().getSelectionModel().select(i);
            }
        });
        assertFalse(((Button) node("#acknowledgeButton")).isDisable());
        clickOn("#acknowledgeButton");
        settle();
        assertTrue(table().getItems().stream().noneMatch(r -> r.severity() == Severity.WARN));
    }

    @Test
    void aWriterSeesOwnRisksAndMarksAFalsePositive() {
        openAs("rina", Locale.ENGLISH);
        assertEquals(8, table().getItems().size(), "rina wrote every seeded post");
        assertFalse(((Node) node("#overrideButton")).isVisible());
        int komodo = -1;
        for (int i = 0; i < table().getItems().size(); i++) if (table().getItems().get(i).matched().equals("Project Komodo")) komodo = i;
        int row = komodo;
        interact(() -> table().getSelectionModel().select(row));
        assertTrue(((Button) node("#acknowledgeButton")).isDisable(), "authors do not clear their own findings");
        clickOn("#falsePositiveButton");
        settle();
        interact(() -> ((javafx.scene.control.TextField) node("#falsePositivePhrase")).setText("Mount Merapi"));
        clickOn("#falsePositiveConfirm");
        settle();
        assertTrue(exists("#falsePositiveDialog"), "the phrase must contain the match; the dialog stays with the text");
        interact(() -> ((javafx.scene.control.TextField) node("#falsePositivePhrase")).setText("Project Komodo Dragon Tour"));
        clickOn("#falsePositiveReason").write("Public.");
        clickOn("#falsePositiveConfirm");
        settle();
        assertFalse(exists("#falsePositiveDialog"));
        TestWorkspace.signIn(ctx, "maya");
        List<AllowProposal> pending = ctx.allowProposalService().proposals(true);
        assertEquals(1, pending.size());
        assertEquals("Project Komodo Dragon Tour", pending.get(0).phrase());
    }

    @Test
    void risksInIndonesian() {
        openAs("maya", UiTest.INDONESIAN);
        interact(() -> table().getSelectionModel().select(1));
        screenshot("risks_id");
        type(KeyCode.ESCAPE);
    }
}
