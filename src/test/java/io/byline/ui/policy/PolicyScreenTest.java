package io.byline.ui.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.PolicyEntry;
import io.byline.testing.Screenshots;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class PolicyScreenTest extends UiTest {

    private void openAs(String user, Locale language) {
        open(TestWorkspace.demo(dir), language);
        PolicyUi.seed(ctx);
        signIn(user);
        navigate("policy");
    }

    private PolicyController controller() {
        Node tabs = lookup((Node n) -> n.getProperties().containsKey(PolicyController.class)).query();
        return (PolicyController) tabs.getProperties().get(PolicyController.class);
    }

    @Test
    void thePolicyIsOnlyInTheNavigationOfLegalApproversAndAdmins() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("rina");
        assertFalse(exists("#nav-policy"));
        assertTrue(exists("#nav-risks"));
        signIn("budi");
        assertFalse(exists("#nav-policy"));
        signIn("maya");
        assertTrue(exists("#nav-policy"));
    }

    @Test
    void thePatternTesterHighlightsMatchesAndRejectsCatastrophicPatterns() {
        openAs("maya", Locale.ENGLISH);
        TableView<PolicyEntry> table = node("#termsTable");
        assertEquals(5, table.getItems().size());
        clickOn("#patternToggle");
        clickOn("#termText").write("\\bNSA-[0-9]{4}\\b");
        interact(() -> ((javafx.scene.control.TextArea) node("#sampleArea")).setText("Ship NSA-1234 and NSA-99 today, then nsa-4321."));
        settle();
        Label result = node("#testerResult");
        assertEquals(window.i18n().text("policy.tester.matches", 2), result.getText());
        assertEquals(2, lookup(".tester-match").queryAll().size());
        clickOn("#categoryBox").write("part-number");
        type(KeyCode.TAB);
        screenshot("policy");

        interact(() -> ((javafx.scene.control.TextArea) node("#sampleArea")).setText("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));
        interact(() -> ((javafx.scene.control.TextField) node("#termText")).setText("(a+)+$"));
        settle();
        assertEquals(window.i18n().text("policy.error.catastrophic"), result.getText());
        assertTrue(lookup(".tester-match").queryAll().isEmpty());
        clickOn("#saveTermButton");
        settle();
        Label error = node("#termTextError");
        assertTrue(error.isVisible());
        assertEquals(window.i18n().text("policy.error.catastrophic"), error.getText());
        assertFalse(exists("#benchDialog"), "a catastrophic pattern never reaches the test bench");
    }

    @Test
    void aNewTermGoesThroughTheTestBenchThenIsSavedAndPostsAreRechecked() {
        openAs("maya", Locale.ENGLISH);
        clickOn("#termText").write("Surabaya");
        clickOn("#categoryBox").write("customer");
        type(KeyCode.TAB);
        clickOn("#saveTermButton");
        settle();
        assertTrue(exists("#benchDialog"));
        assertEquals("1", ((Label) node("#benchQueueNew")).getText());
        assertEquals("0", ((Label) node("#benchArchiveNew")).getText());
        Screenshots.write(((Node) node("#benchDialog")).getScene(), "policy-testbench");
        clickOn("#benchSave");
        settle();
        assertFalse(exists("#benchDialog"));
        TableView<PolicyEntry> table = node("#termsTable");
        assertEquals(6, table.getItems().size());
        assertFalse(ctx.policyService().recheckNeeded(), "the re-check ran in the background and was recorded");
        TestWorkspace.signIn(ctx, "maya");
        assertTrue(ctx.riskService().openRisks().stream().anyMatch(r -> r.matched().equals("Surabaya")));
    }

    @Test
    void testBenchInIndonesian() {
        openAs("maya", UiTest.INDONESIAN);
        clickOn("#termText").write("Komodo National Park");
        clickOn("#categoryBox").write("place");
        type(KeyCode.TAB);
        clickOn("#saveTermButton");
        settle();
        assertTrue(exists("#benchDialog"));
        Screenshots.write(((Node) node("#benchDialog")).getScene(), "policy-testbench_id");
        clickOn("#benchCancel");
        settle();
        assertEquals(5, ((TableView<?>) node("#termsTable")).getItems().size(), "cancelled: nothing saved");
        screenshot("policy_id");
    }

    @Test
    void anImportShowsAPreviewWithLineNumbersAndAppliesAllOrNothing() throws Exception {
        openAs("admin", Locale.ENGLISH);
        Path bad = dir.resolve("bad-terms.csv");
        Files.writeString(bad, "term,category,severity\nProject Bromo,codename,BLOCK\nProject Semeru,codename,SEVERE\n"
                + "\"Project Rinjani,codename,BLOCK\n");
        interact(() -> controller().importFile(bad));
        settle();
        assertTrue(exists("#importDialog"));
        assertTrue(((Button) node("#importApply")).isDisable());
        ListView<String> errors = node("#importErrors");
        assertEquals(1, errors.getItems().size());
        assertTrue(errors.getItems().get(0).contains("4"), errors.getItems().toString());
        clickOn("#importCancel");
        settle();

        Path good = dir.resolve("terms.csv");
        Files.writeString(good, "term,pattern,category,severity,embargoUntil,note\nProject Bromo,,codename,BLOCK,,\n"
                + ",\\bBRM-[0-9]{3}\\b,part-number,WARN,,\nNusa Pay,,unreleased-product,BLOCK,2027-04-01,moved\n"
                + "Q4 revenue,,financial,BLOCK,,\n");
        interact(() -> controller().importFile(good));
        settle();
        assertFalse(((Button) node("#importApply")).isDisable());
        Screenshots.write(((Node) node("#importDialog")).getScene(), "policy-import");
        clickOn("#importReplace");
        settle();
        assertTrue(((Label) node("#importSummary")).getText().contains("3 to remove"), ((Label) node("#importSummary")).getText());
        clickOn("#importReplace");
        settle();
        clickOn("#importApply");
        settle();
        assertFalse(exists("#importDialog"));
        assertEquals(7, ((TableView<?>) node("#termsTable")).getItems().size());
    }

    @Test
    void importPreviewInIndonesian() throws Exception {
        openAs("admin", UiTest.INDONESIAN);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"terms\": [\n {\"term\": \"Alpha\", \"category\": \"c\", \"severity\": \"BLOCK\"},\n"
                + " {\"pattern\": \"(a+)+$\", \"category\": \"c\", \"severity\": \"BLOCK\"}\n]}");
        interact(() -> controller().importFile(bad));
        settle();
        Screenshots.write(((Node) node("#importDialog")).getScene(), "policy-import_id");
        clickOn("#importCancel");
    }
}
