package io.byline.ui.policy;

import io.byline.domain.Executive;
import io.byline.domain.Severity;
import io.byline.service.PolicyFactsService;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;
import io.byline.ui.compose.ComposeController;
import io.byline.ui.compose.FindingViewModel;
import io.byline.validation.FactRules;
import io.byline.validation.PolicyFact;
import io.byline.validation.QuietPeriod;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Facts tab of the Policy screen, and a finding on a figure in Compose, in both languages. */
class PolicyFactsScreenTest extends UiTest {

    /** Fires a button of the tab (it may sit below the fold of the tab's scroll pane). */
    private void press(String query) {
        javafx.scene.control.Button b = node(query);
        interact(b::fire);
        settle();
    }

    @Test
    void legalAddsAFactAndAQuietPeriodThroughTheTestBench() throws Exception {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("maya");
        navigate("policy");
        tab("factsTab");
        TableView<PolicyFact> facts = node("#factsTable");
        assertEquals(0, facts.getItems().size());

        // a bad fact: every wrong field is named under the form, nothing is stored
        fill("#factIdField", "q3-revenue");
        fill("#factValueField", "1,2 triliun");
        fill("#factDisclosedField", "next week");
        press("#addFactButton");
        settle();
        Label error = node("#factError");
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains(window.i18n().text("policy.facts.error.value")), error.getText());
        assertTrue(error.getText().contains(window.i18n().text("policy.facts.error.instant")), error.getText());
        assertFalse(exists("#benchDialog"));

        fill("#factValueField", "1.2e12");
        fill("#factCurrencyField", "IDR");
        fill("#factPeriodField", "Q3 2026");
        fill("#factDisclosedField", "2026-10-30 00:00");
        press("#addFactButton");
        settle();
        assertTrue(exists("#benchDialog"), "the test bench comes before the fact is saved");
        clickOn("#benchSave");
        settle();
        assertEquals(1, facts.getItems().size());
        assertEquals("q3-revenue", facts.getItems().get(0).id());
        assertFalse(((Label) node("#factError")).isVisible());

        fill("#accountHandleField", "@rivalcorp");
        fill("#accountNamesField", "Rival Corp");
        fill("#accountReasonField", "litigation");
        press("#addAccountButton");
        settle();
        clickOn("#benchSave");
        settle();

        fill("#periodLabelField", "Q3 earnings");
        fill("#periodFromField", "2026-10-30 10:00");
        fill("#periodToField", "2026-10-15 00:00");
        press("#addPeriodButton");
        settle();
        assertTrue(((Label) node("#periodError")).getText().contains(window.i18n().text("policy.facts.error.fromNotBeforeTo")));
        fill("#periodFromField", "2026-10-15 00:00");
        fill("#periodToField", "2026-10-30 10:00");
        press("#addPeriodButton");
        settle();
        clickOn("#benchSave");
        settle();
        TableView<QuietPeriod> periods = node("#periodsTable");
        assertEquals(1, periods.getItems().size());
        PolicyFactsService service = ctx.policyFactsService();
        assertEquals(1, WaitForAsyncUtils.asyncFx(() -> service.current().doNotEngage().size()).get());
        screenshot("policy-facts");
        language(INDONESIAN);
        navigate("policy");
        tab("factsTab");
        screenshot("policy-facts_id");
    }

    @Test
    void aFileWithABadPeriodIsRefusedWholeFromTheTab() throws Exception {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("andi");
        navigate("policy");
        tab("factsTab");
        Path file = dir.resolve("parts.json");
        Files.writeString(file, "{\"terms\": [],\n \"facts\": [{\"id\": \"a\", \"metric\": \"sales\", \"value\": 5, \"disclosedAt\": \"2026-01-01T00:00:00Z\"}],\n"
                + " \"quietPeriods\": [{\"label\": \"q\", \"from\": \"2026-10-30T00:00:00Z\", \"to\": \"2026-10-15T00:00:00Z\", \"severity\": \"BLOCK\"}]}");
        PolicyFactsController c = (PolicyFactsController) node("#policyFacts").getProperties().get(PolicyFactsController.class);
        interact(() -> c.importFile(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exists(".dialog-pane"));
        WaitForAsyncUtils.waitForFxEvents();
        String shown = ((javafx.scene.control.DialogPane) node(".dialog-pane")).getContentText();
        assertTrue(shown.contains("line 3"), shown);
        answerDialog("OK");
        assertEquals(0, ((TableView<?>) node("#factsTable")).getItems().size());
    }

    @Test
    void composeShowsAFindingOnAnUndisclosedFigureInBothLanguages() throws Exception {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("maya");
        interact(() -> {
            ctx.policyFactsService().addFact(new PolicyFactsService.FactDraft("fy-sales", "sales", "4.1e9", "USD", "FY2025",
                    "2026-02-01", "0.005"));
            ctx.policyFactsService().addAccount(new PolicyFactsService.EngageDraft("", "@rivalcorp", "Rival Corp", "litigation",
                    Severity.BLOCK));
        });
        for (Locale language : List.of(Locale.ENGLISH, INDONESIAN)) {
            language(language);
            signIn("rina");
            navigate("compose");
            ComposeController compose = (ComposeController) node("#composeRoot").getProperties().get(ComposeController.class);
            Executive sari = compose.model().executives().stream().filter(e -> e.name().equals("Sari Wijaya")).findFirst().orElseThrow();
            interact(() -> compose.model().executiveProperty().set(sari));
            String text = "We closed $9B in sales last year. Congrats to @RivalCorp too.";
            interact(() -> compose.editor().replaceText(text));
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> compose.quiet()).get());
            } catch (TimeoutException e) {
                throw new AssertionError("the debounced check did not run", e);
            }
            settle();
            ListView<FindingViewModel> list = node("#findingsList");
            FindingViewModel figure = list.getItems().stream().filter(f -> f.rule().equals(FactRules.UNDISCLOSED)).findFirst()
                    .orElseThrow(() -> new AssertionError(list.getItems().toString()));
            assertEquals(text.indexOf("$9B"), figure.start());
            assertEquals(window.i18n().text("finding.fact.undisclosed"), figure.message());
            FindingViewModel engage = list.getItems().stream().filter(f -> f.rule().equals(FactRules.ENGAGE)).findFirst().orElseThrow();
            assertEquals(text.indexOf("@RivalCorp"), engage.start());
            assertEquals(window.i18n().text("finding.engage.mention"), engage.message());
            screenshot(language.equals(INDONESIAN) ? "compose-fact_id" : "compose-fact");
            interact(() -> compose.editor().replaceText(""));
            settle();
        }
    }
}
