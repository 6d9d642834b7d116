package io.byline.ui.audit;

import io.byline.domain.AuditEvent;
import io.byline.service.AuditService;
import io.byline.testing.PostStory;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;
import io.byline.ui.common.FileChoosers;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditScreenTest extends UiTest {
    /** Answers file dialogs with the next queued path. */
    static final class QueuedFiles extends FileChoosers {
        final Deque<Path> next = new ArrayDeque<>();

        @Override
        public Optional<Path> save(Window owner, String title, Path folder, String name, List<Kind> kinds) {
            return Optional.ofNullable(next.poll());
        }

        @Override
        public Optional<Path> open(Window owner, String title, Path folder, List<Kind> kinds) {
            return Optional.ofNullable(next.poll());
        }
    }

    private final QueuedFiles files = new QueuedFiles();
    private long postId;

    private void openWithStory(Locale language) {
        var context = TestWorkspace.demo(dir);
        postId = PostStory.approvedWithOverride(context, null, Instant.now().plus(Duration.ofDays(10)));
        context.provide(FileChoosers.class, files);
        open(context, language);
        signIn("maya");
        navigate("audit");
    }

    /** Fires a button as a click would (independent of where the robot's pointer can reach on a busy machine). */
    private void press(String query) {
        javafx.scene.control.Button b = node(query);
        assertFalse(b.isDisabled(), query + " is enabled");
        interact(b::fire);
    }

    private TableView<AuditEvent> table() {
        return node("#auditTable");
    }

    @Test
    void listsTheLogInWordsAndFiltersByPostAndEvent() {
        openWithStory(Locale.ENGLISH);
        assertTrue(table().getItems().size() > 10);
        Label count = node("#countLabel");
        assertTrue(count.getText().contains("entries"), count.getText());
        screenshot("audit");

        clickOn("#entityBox");
        clickOn("Post");
        clickOn("#entityIdField").write(Long.toString(postId));
        settle();
        assertTrue(table().getItems().stream().allMatch(e -> "post".equals(e.entityType())
                && Long.toString(postId).equals(e.entityId())));

        interact(() -> ((ComboBox<String>) node("#eventBox")).setValue("post.approve"));
        settle();
        assertEquals(3, table().getItems().size());
        assertTrue(lookup("Approved").tryQuery().isPresent());
        assertTrue(lookup(n -> n instanceof javafx.scene.text.Text t && t.getText() != null
                && t.getText().startsWith("Version 2 approved as Executive")).tryQuery().isPresent(),
                "details in words");

        clickOn("#entityIdField").eraseText(Long.toString(postId).length()).write("abc");
        settle();
        assertTrue(((Label) node("#idError")).isVisible(), "a bad id is pointed out");
        assertEquals(3, table().getItems().size(), "the list stays as it was");

        clickOn("#clearFiltersButton");
        settle();
        assertTrue(table().getItems().size() > 10);
    }

    @Test
    void verifyShowsThatTheChainHolds() {
        openWithStory(Locale.ENGLISH);
        clickOn("#verifyButton");
        settle();
        Label result = node("#verifyLabel");
        assertTrue(result.getText().startsWith("The audit chain holds"), result.getText());
        screenshot("audit_verified");
    }

    @Test
    void verifyAfterTamperingNamesTheFirstBadEntry() throws Exception {
        openWithStory(Locale.ENGLISH);
        long target = ctx.auditService().list(null, "finding.override", null, null, null, null, 1).get(0).seq();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ctx.location().database());
             Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_event_no_update");
            st.executeUpdate("UPDATE audit_event SET details = '{\"rule\":\"nothing to see\"}' WHERE seq = " + target);
        }
        clickOn("#verifyButton");
        settle();
        Label result = node("#verifyLabel");
        assertTrue(result.getText().contains("broken at entry " + target), result.getText());
        assertTrue(result.getText().contains("modified"), result.getText());
        clickOn("#showBadButton");
        settle();
        assertEquals(target, table().getSelectionModel().getSelectedItem().seq());
        screenshot("audit_tampered");
    }

    @Test
    void exportsTheFilteredLogACheckpointAndTheEvidenceBundle() throws Exception {
        openWithStory(Locale.ENGLISH);
        interact(() -> ((ComboBox<String>) node("#eventBox")).setValue("post.approve"));
        settle();
        Path csv = dir.resolve("exports/approvals.csv");
        files.next.add(csv);
        press("#exportButton");
        settle();
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), "header and three approvals");
        assertTrue(((Label) node("#resultBanner")).getText().contains("Exported 3 entries"));

        Path cp = dir.resolve("exports/checkpoint.txt");
        files.next.add(cp);
        press("#checkpointButton");
        settle();
        assertTrue(Files.readString(cp).contains("mac="));

        table().getSelectionModel().select(0);
        Path bundle = dir.resolve("exports/evidence.json");
        files.next.add(bundle);
        press("#evidenceButton");
        settle();
        assertTrue(Files.readString(bundle).contains(PostStory.REASON));
        assertTrue(Files.exists(dir.resolve("exports/evidence.html")));
    }

    @Test
    void indonesian() {
        openWithStory(UiTest.INDONESIAN);
        clickOn("#verifyButton");
        settle();
        Label result = node("#verifyLabel");
        assertTrue(result.getText().startsWith("Rantai audit utuh"), result.getText());
        assertFalse(lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("!")).tryQuery().isPresent(), "no missing keys");
        screenshot("audit_id");
    }

    @Test
    void writersDoNotSeeTheAuditScreen() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("rina");
        assertFalse(exists("#nav-audit"));
        assertEquals(List.of(), List.<AuditService.Actor>of());
    }
}
