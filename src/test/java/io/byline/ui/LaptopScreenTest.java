package io.byline.ui;

import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.service.QueueItem;
import io.byline.testing.PostFixture;
import io.byline.ui.compose.ComposeController;
import io.byline.ui.compose.FindingViewModel;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compose and the Queue at 1366×768, the commonest laptop screen, in both languages: what a person needs to
 * recognise a post and its problems fits without scrolling, and times and dates read the same everywhere.
 */
class LaptopScreenTest extends UiTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final String POST = "Project Komodo ships soon. Write to dina.sari@gmail.com or call +62 812 3456 7890 for the Q4 revenue call.";

    @Test
    void composeShowsThreeFindingsAndTheDateInTheLanguage() {
        for (Locale l : List.of(Locale.ENGLISH, INDONESIAN)) {
            open(io.byline.testing.TestWorkspace.demo(dir.resolve(l.getLanguage())), l);
            laptopSize();
            signIn("rina");
            navigate("compose");
            ComposeController compose = (ComposeController) node("#composeRoot").getProperties().get(ComposeController.class);
            Executive sari = compose.model().executives().stream().filter(e -> e.name().equals("Sari Wijaya")).findFirst().orElseThrow();
            interact(() -> {
                compose.model().executiveProperty().set(sari);
                compose.model().publishDateProperty().set(LocalDate.of(2026, 12, 6));
                compose.editor().replaceText(POST);
            });
            quiet(compose);
            screenshot(l == INDONESIAN ? "laptop-compose_id" : "laptop-compose");

            ListView<FindingViewModel> list = node("#findingsList");
            assertTrue(list.getItems().size() >= 3, list.getItems().toString());
            assertTrue(wholeCells(list) >= 3, "at least three findings show without scrolling, saw " + wholeCells(list));
            DatePicker date = node("#publishDatePicker");
            assertEquals(l == INDONESIAN ? "6 Des 2026" : "6 Dec 2026", date.getEditor().getText());
            runner.close();
            ctx.close();
        }
    }

    @Test
    void queueListShowsWhoWhereAndTheFirstWordsWithTheExecutivesTime() {
        for (Locale l : List.of(Locale.ENGLISH, INDONESIAN)) {
            PostFixture f = new PostFixture(dir.resolve(l.getLanguage()));
            Instant nine = ZonedDateTime.of(2026, 6, 8, 9, 0, 0, 0, JAKARTA).toInstant();
            long x = f.account(f.sari, Platform.X).id();
            long li = f.account(f.sari, Platform.LINKEDIN).id();
            long id = f.draft("Excited to share that our Surabaya team shipped 1,000 orders this week. Thank you to every driver!",
                    List.of(x, li), nine).post().id();
            f.ctx.draftService().submit(id, null);
            long other = f.draft("Discipline today is investment tomorrow, and a good breakfast too.",
                    List.of(f.account(f.daniel, Platform.X).id()), nine.plus(Duration.ofDays(1))).post().id();
            f.ctx.draftService().submit(other, null);
            open(f.ctx, l);
            laptopSize();
            signIn("andi");
            navigate("queue");
            TableView<QueueItem> table = node("#queueTable");
            assertEquals(2, table.getItems().size());
            int row = table.getItems().indexOf(table.getItems().stream().filter(i -> i.postId() == id).findFirst().orElseThrow());
            interact(() -> table.getSelectionModel().clearAndSelect(row));
            settle();
            screenshot(l == INDONESIAN ? "laptop-queue_id" : "laptop-queue");

            Node cell = lookup("#queueTable .table-row-cell").nth(row).query();
            List<String> shown = from(cell).lookup(".label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
            assertTrue(shown.contains("Sari Wijaya"), shown.toString());
            assertTrue(shown.contains("X, LinkedIn"), shown.toString());
            Label words = from(cell).lookup(".label").queryAll().stream().map(n -> (Label) n)
                    .filter(n -> n.getText().startsWith("Excited")).findFirst().orElseThrow();
            assertTrue(words.getWidth() >= 240, "the first words get room: " + words.getWidth() + " px");
            assertTrue(shown.contains("8 Jun, 08:00 WIB"), "approve by, in the executive's time with its zone: " + shown);
            Label when = node("#detailWhen");
            assertTrue(when.getText().contains(l == INDONESIAN ? "Sen 8 Jun 2026, 09:00 WIB" : "Mon 8 Jun 2026, 09:00 WIB"), when.getText());
            runner.close();
            ctx.close();
        }
    }

    /** Cells showing a finding whole inside the list's viewport. */
    private static int wholeCells(ListView<?> list) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        int n = 0;
        for (Node c : list.lookupAll(".list-cell")) {
            if (!(c instanceof ListCell<?> cell) || cell.isEmpty() || !cell.isVisible()) continue;
            Bounds b = cell.localToScene(cell.getLayoutBounds());
            if (b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5) n++;
        }
        return n;
    }

    private void quiet(ComposeController compose) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(compose::quiet).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the debounced work did not run", e);
        }
        settle();
    }
}
