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
import java.util.List;
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
        assertFalse(ctx.policyRecheckService().recheckNeeded(), "the re-check ran in the background and was recorded");
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
        ListView<String> errors = node("#importErrors");
        assertEquals(List.of("Baris 3, kolom 3: terms[1] \"(a+)+$\": regex berbahaya (pelacakan mundurnya bisa tak berujung, misalnya"
                + " pengulangan bersarang seperti (a+)+)"), errors.getItems());
        Screenshots.write(((Node) node("#importDialog")).getScene(), "policy-import_id");
        clickOn("#importCancel");
    }

    /** Imports a list with two spellings of one term; returns the warnings the preview shows (and applies it). */
    private List<String> importEqualTerms(Locale language, String screenshot) throws Exception {
        openAs("admin", language);
        Path file = dir.resolve("equal-terms.csv");
        Files.writeString(file, "term,category,severity\nProject Titan,codename,WARN\nproject-titan,codename,BLOCK\n");
        interact(() -> controller().importFile(file));
        settle();
        assertFalse(((Button) node("#importApply")).isDisable(), "equal terms no longer stop the import");
        ListView<String> warnings = node("#importWarnings");
        List<String> items = List.copyOf(warnings.getItems());
        Screenshots.write(((Node) node("#importDialog")).getScene(), screenshot);
        clickOn("#importApply");
        settle();
        assertFalse(exists("#importDialog"));
        return items;
    }

    @Test
    void equalTermsAreMergedWithAWarningNamingBothLines() throws Exception {
        assertEquals(List.of("Line 3 \"project-titan\" is the same term as line 2 \"Project Titan\" after normalisation: merged"
                + " into one, BLOCK (the stricter severity)"), importEqualTerms(Locale.ENGLISH, "policy-import-merged"));
    }

    @Test
    void equalTermsWarningInIndonesian() throws Exception {
        assertEquals(List.of("Baris 3 \"project-titan\" adalah istilah yang sama dengan baris 2 \"Project Titan\" setelah"
                + " dinormalkan: digabung menjadi satu, BLOCK (tingkat yang lebih ketat)"),
                importEqualTerms(UiTest.INDONESIAN, "policy-import-merged_id"));
    }

    /** A CSV term list with a problem on each row after the header (the parse goes on, so all are listed). */
    private static final String BAD_ROWS = "term,category,severity,embargoUntil\n"
            + "Project Bromo,codename,SEVERE,\n"
            + "Project Semeru,,BLOCK,\n"
            + ",codename,WARN,\n"
            + "Nusa Pay,unreleased-product,BLOCK,next week\n"
            + "Q4 revenue,financial\n";

    /** Imports {@link #BAD_ROWS} in the language and returns the problems the preview lists. */
    private List<String> importBadRows(Locale language, String screenshot) throws Exception {
        openAs("admin", language);
        Path bad = dir.resolve("bad-rows.csv");
        Files.writeString(bad, BAD_ROWS);
        interact(() -> controller().importFile(bad));
        settle();
        assertTrue(exists("#importDialog"));
        assertTrue(((Button) node("#importApply")).isDisable());
        ListView<String> errors = node("#importErrors");
        List<String> items = List.copyOf(errors.getItems());
        Screenshots.write(((Node) node("#importDialog")).getScene(), screenshot);
        clickOn("#importCancel");
        settle();
        return items;
    }

    @Test
    void importErrorsSayTheReasonWithTheLineAndEntry() throws Exception {
        assertEquals(List.of(
                "Line 2: terms[0] \"Project Bromo\": bad severity \"SEVERE\" (BLOCK, WARN or INFO)",
                "Line 3: terms[1] \"Project Semeru\": empty category",
                "Line 4: terms[2]: empty term (give a term or a pattern)",
                "Line 5: terms[3] \"Nusa Pay\": bad embargoUntil \"next week\" (2027-01-15 or 2027-01-15T00:00:00Z)",
                "Line 6: terms[4]: expected 4 fields, found 2"), importBadRows(Locale.ENGLISH, "policy-import-errors"));
    }

    @Test
    void importErrorsInIndonesian() throws Exception {
        // the reasons are Indonesian; the file's own words, JSON field names and BLOCK/WARN/INFO stay as they are
        assertEquals(List.of(
                "Baris 2: terms[0] \"Project Bromo\": tingkat \"SEVERE\" tidak dikenal (pilih BLOCK, WARN, atau INFO)",
                "Baris 3: terms[1] \"Project Semeru\": kategorinya kosong",
                "Baris 4: terms[2]: istilahnya kosong (isi kolom term atau pattern)",
                "Baris 5: terms[3] \"Nusa Pay\": embargoUntil \"next week\" tidak valid (tulis 2027-01-15 atau 2027-01-15T00:00:00Z)",
                "Baris 6: terms[4]: baris ini berisi 2 kolom, seharusnya 4"), importBadRows(UiTest.INDONESIAN, "policy-import-errors_id"));
    }

    @Test
    void aPatternSyntaxErrorIsExplainedInIndonesian() {
        openAs("maya", UiTest.INDONESIAN);
        clickOn("#patternToggle");
        clickOn("#termText").write("AX-[0-9");
        settle();
        String reason = "regex tidak valid: Unclosed character class di sekitar indeks 6"; // the JDK's words stay
        Label result = node("#testerResult");
        assertEquals(window.i18n().text("policy.error.badRegex") + " — " + reason, result.getText());
        // the category box is below the fold of the editor here: set it directly, and fire Save
        interact(() -> ((javafx.scene.control.ComboBox<?>) node("#categoryBox")).getEditor().setText("part-number"));
        click("#saveTermButton");
        Label error = node("#termTextError");
        assertTrue(error.isVisible());
        assertEquals(reason, error.getText());
        assertFalse(exists("#benchDialog"));
        screenshot("policy-pattern-error_id");
    }
}
