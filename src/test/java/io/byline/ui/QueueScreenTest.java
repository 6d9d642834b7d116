package io.byline.ui;

import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.testing.PostFixture;
import io.byline.ui.queue.ToastPresenter;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Queue screen with posts seeded through the services: list, detail, approval, sending back, calendar, gate. */
class QueueScreenTest extends UiTest {
    private PostFixture f;
    private final List<ToastPresenter.Toast> toasts = java.util.Collections.synchronizedList(new ArrayList<>());
    private long plain;
    private long komodo;
    private long revised;
    private long approved;
    private long daniel;

    /** Demo workspace on 1 June 2026 with a handful of posts in different states. */
    private void seed(Locale language) {
        f = new PostFixture(dir);
        Instant start = PostFixture.START;
        long sariX = f.account(f.sari, Platform.X).id();
        long sariLi = f.account(f.sari, Platform.LINKEDIN).id();
        plain = f.draft("Excited to share that our Surabaya team shipped 1,000 orders this week. Thank you to every driver!",
                List.of(sariX, sariLi), start.plus(Duration.ofDays(4)).plus(Duration.ofHours(2))).post().id();
        f.ctx.draftService().submit(plain, null);
        komodo = f.draft("Project Komodo is on track for the March launch; more soon.", List.of(sariLi),
                start.plus(Duration.ofHours(20))).post().id();
        f.ctx.draftService().submit(komodo, "Legal cleared the codename for the launch teaser.");
        revised = f.draft("Our Surabaya team shipped 1,000 orders this week.", List.of(sariX),
                start.plus(Duration.ofDays(6)).plus(Duration.ofHours(3))).post().id();
        f.ctx.draftService().submit(revised, null);
        f.as("andi");
        f.ctx.reviewService().markSeen(revised);
        f.ctx.reviewService().requestChanges(revised, "Name Makassar too, and the real number.");
        f.as("rina");
        f.ctx.draftService().save(revised, "Our Surabaya and Makassar teams shipped 1,200 orders this week, ahead of Q4 revenue plans.",
                Map.of());
        f.ctx.draftService().submit(revised, null);
        approved = f.draft("Meet Garuda Express, our new same-day delivery service for Makassar.", List.of(sariX, sariLi),
                start.plus(Duration.ofDays(9)).plus(Duration.ofHours(2))).post().id();
        f.ctx.draftService().submit(approved, null);
        f.approveAll(approved);
        f.as("rina");
        daniel = f.draft("Discipline today is investment tomorrow.", List.of(f.account(f.daniel, Platform.X).id()),
                start.plus(Duration.ofDays(2)).plus(Duration.ofHours(1))).post().id();
        f.ctx.draftService().submit(daniel, null);
        f.ctx.provide(ToastPresenter.class, new ToastPresenter() {
            @Override
            public void show(Toast t) {
                toasts.add(t);
            }
        });
        open(f.ctx, language);
    }

    private void selectRow(long postId) {
        TableView<io.byline.service.QueueItem> table = node("#queueTable");
        int row = -1;
        for (int i = 0; i < table.getItems().size(); i++) if (table.getItems().get(i).postId() == postId) row = i;
        assertTrue(row >= 0, "post " + postId + " is listed");
        int r = row;
        interact(() -> {
            table.getSelectionModel().clearAndSelect(r);
            table.scrollTo(r);
        });
        settle();
    }

    private void show(String viewName) {
        javafx.scene.control.ComboBox<io.byline.ui.queue.QueueViewModel.View> box = node("#viewBox");
        interact(() -> box.setValue(io.byline.ui.queue.QueueViewModel.View.valueOf(viewName)));
        settle();
    }

    /** Scrolls the detail pane to the node, then clicks it. */
    private void clickInDetail(Node n) {
        javafx.scene.control.ScrollPane sp = node("#detailScroll");
        interact(() -> {
            Node content = sp.getContent();
            double h = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
            sp.setVvalue(h <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / h)));
        });
        settle();
        clickOn(n);
        settle();
    }

    private void clickInDetail(String query) {
        clickInDetail(lookup(query).<Node>query());
    }

    private PostState state(long id) {
        return f.ctx.draftService().get(id).post().state();
    }

    @Test
    void queueAndDetailForTheApprover() {
        seed(Locale.ENGLISH);
        signIn("andi");
        navigate("queue");
        assertTrue(exists("#queueTable"));
        TableView<?> table = node("#queueTable");
        assertEquals(4, table.getItems().size(), "plain, komodo, revised and daniel wait on andi");
        Label badge = lookup("#nav-queue .nav-badge").query();
        assertEquals("4", badge.getText());
        assertFalse(toasts.isEmpty(), "a notification on sign-in");
        assertEquals(ToastPresenter.Kind.INFO, toasts.get(0).kind());
        screenshot("queue");
        selectRow(revised);
        assertTrue(node("#detailPane").isVisible());
        assertTrue(exists("#diffText"), "andi sees what changed since he sent it back");
        Button approve = node("#approveButton");
        assertTrue(approve.isDisabled(), "the Q4 revenue warning needs an acknowledgement first");
        assertEquals(window.i18n().text("workflow.error.unresolvedFindings"), ((Label) node("#actionProblem")).getText());
        screenshot("queue-detail");
        for (int i = 0; i < 5 && lookup(".finding-row .button").tryQuery().isPresent(); i++) {
            clickInDetail(lookup(".finding-row .button").<Button>query()); // acknowledge each warning
        }
        assertFalse(((Button) node("#approveButton")).isDisabled());
        language(INDONESIAN);
        screenshot("queue_id");
        selectRow(revised);
        screenshot("queue-detail_id");
        language(Locale.ENGLISH);
    }

    @Test
    void theApproverSignsAndTheAuthorCannot() {
        seed(Locale.ENGLISH);
        signIn("andi");
        navigate("queue");
        selectRow(plain);
        Button approve = node("#approveButton");
        assertFalse(approve.isDisabled());
        clickOn(approve);
        settle();
        assertEquals(PostState.IN_REVIEW, state(plain));
        f.as("admin");
        assertEquals(1, f.ctx.draftService().get(plain).approvals().size(), "andi signed the first step");
        TableView<io.byline.service.QueueItem> table = node("#queueTable");
        assertTrue(table.getItems().stream().noneMatch(i -> i.postId() == plain), "no longer waiting on andi");

        signIn("rina");
        navigate("queue");
        selectRow(plain);
        assertTrue(((Button) node("#approveButton")).isDisabled());
        assertTrue(((Button) node("#rejectButton")).isDisabled());
        assertEquals(window.i18n().text("workflow.error.ownPost"), ((Label) node("#actionProblem")).getText());
    }

    @Test
    void requestChangesWithAReason() {
        seed(Locale.ENGLISH);
        signIn("andi");
        navigate("queue");
        selectRow(plain);
        clickOn("#requestChangesButton");
        Button confirm = lookup("#reasonConfirmButton").query();
        assertTrue(confirm.isDisabled(), "a reason is needed first");
        clickOn("#reasonArea").write("Please thank the Makassar team as well.");
        assertFalse(confirm.isDisabled());
        clickOn(confirm);
        settle();
        assertEquals(PostState.CHANGES_REQUESTED, state(plain));
        f.as("rina");
        assertEquals("Please thank the Makassar team as well.", f.ctx.reviewService().comments(plain).get(0).text());
        assertTrue(f.ctx.notificationService().unreadCount() > 0, "the writer is told");
    }

    @Test
    void aMovedPostShowsTheMoveToItsReviewers() {
        seed(Locale.ENGLISH);
        f.clock.advance(Duration.ofMinutes(30));
        f.as("rina");
        Instant from = f.ctx.draftService().get(approved).post().publishAt();
        f.ctx.reviewService().reschedule(approved, from.plus(Duration.ofDays(1)));
        signIn("andi");
        navigate("queue");
        selectRow(approved);
        javafx.scene.layout.VBox diff = node("#diffSection");
        List<String> texts = diff.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Publish time changed from ") && t.contains("by Rina Kusuma")
                && t.endsWith("The 3 approvals given before no longer count.")), texts.toString());
        screenshot("queue-detail-moved");
        language(INDONESIAN);
        selectRow(approved);
        javafx.scene.layout.VBox diffId = node("#diffSection");
        assertTrue(diffId.getChildren().stream().filter(n -> n instanceof Label)
                .anyMatch(n -> ((Label) n).getText().startsWith("Waktu tayang diubah dari ")), "in Indonesian");
        screenshot("queue-detail-moved_id");
        language(Locale.ENGLISH);
    }

    @Test
    void calendarMonthAndWeekWithADragReschedule() {
        seed(Locale.ENGLISH);
        signIn("rina");
        navigate("queue");
        clickOn("#calendarTab");
        settle();
        ZoneId zone = ZoneId.systemDefault();
        LocalDate from = LocalDate.ofInstant(f.ctx.draftService().get(approved).post().publishAt(), zone);
        assertTrue(exists("#calendar-post-" + approved));
        screenshot("calendar-month");
        LocalDate to = from.plusDays(3);
        drag("#calendar-post-" + approved).dropTo("#day-" + to);
        settle();
        Instant moved = f.ctx.draftService().get(approved).post().publishAt();
        assertEquals(to, LocalDate.ofInstant(moved, zone));
        assertEquals(PostState.IN_REVIEW, state(approved), "an approval covers the publish time: moved by its writer, back to review");
        Label banner = node("#moveBanner");
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().contains("its 3 approvals no longer count"), banner.getText());
        assertFalse(exists("#calendar-post-" + approved), "no longer approved, so off the calendar");
        screenshot("calendar-moved");
        clickOn("#weekToggle");
        settle();
        screenshot("calendar-week");
        language(INDONESIAN);
        clickOn("#calendarTab");
        settle();
        screenshot("calendar-month_id");
        clickOn("#weekToggle");
        settle();
        screenshot("calendar-week_id");
        language(Locale.ENGLISH);
    }

    @Test
    void thePublishGateRefusesAfterAPolicyChange() throws Exception {
        seed(Locale.ENGLISH);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.ctx.database().file());
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO policy_term (term, category, severity, created_at, updated_at)"
                    + " VALUES ('Garuda Express', 'unreleased-product', 'BLOCK', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')");
        }
        signIn("rina");
        navigate("queue");
        show("READY");
        selectRow(approved);
        clickInDetail("#publishButton");
        settle();
        assertTrue(exists("#gateRefused"));
        Node problems = node("#gateProblems");
        assertTrue(problems.isVisible());
        assertEquals(PostState.APPROVED, state(approved));
        screenshot("queue-publish-refused");
    }

    @Test
    void thePublishGatePassesAndHandsTheTextOver() {
        seed(Locale.ENGLISH);
        signIn("rina");
        navigate("queue");
        show("READY");
        selectRow(approved);
        clickInDetail("#publishButton");
        settle();
        assertTrue(exists("#gatePassed"));
        assertTrue(exists("#copy-x"));
        assertTrue(exists("#copy-linkedin"));
        clickInDetail("#liveUrlField");
        write("not a link");
        clickInDetail("#markPublishedButton");
        settle();
        assertEquals(PostState.APPROVED, state(approved), "a bad link publishes nothing");
        Label urlError = node("#liveUrlError");
        assertTrue(urlError.isVisible() && !urlError.getText().isBlank(), "the field says what is wrong");
        fill("#liveUrlField", "");
        clickInDetail("#liveUrlField");
        write("https://x.com/sariwijaya/status/1234567890");
        clickInDetail("#markPublishedButton");
        settle();
        assertEquals(PostState.PUBLISHED, state(approved));
    }

    @Test
    void exportingApprovedPostsRunsAsATaskWithProgress() throws Exception {
        seed(Locale.ENGLISH);
        signIn("rina");
        navigate("queue");
        java.nio.file.Path json = dir.resolve("approved.json");
        var task = new io.byline.ui.queue.ExportApprovedTask(f.ctx.publishService(),
                io.byline.ui.queue.ExportApprovedTask.Format.JSON, json);
        Thread t = new Thread(task);
        t.start();
        var result = task.get(20, java.util.concurrent.TimeUnit.SECONDS);
        settle();
        assertEquals(List.of(approved), result.exported());
        assertEquals(1.0, org.testfx.util.WaitForAsyncUtils.asyncFx(task::getProgress).get());
        assertTrue(java.nio.file.Files.readString(json).contains("Garuda Express"));
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("buffer"));
        var csv = new io.byline.ui.queue.ExportApprovedTask(f.ctx.publishService(),
                io.byline.ui.queue.ExportApprovedTask.Format.BUFFER, folder);
        new Thread(csv).start();
        assertEquals(2, csv.get(20, java.util.concurrent.TimeUnit.SECONDS).files().size(), "one file per account");
    }
}
