package io.byline.ui.dashboard;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.service.DraftService;
import io.byline.testing.MutableClock;
import io.byline.testing.PostFixture;
import io.byline.testing.PostStory;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardScreenTest extends UiTest {
    private final MutableClock clock = new MutableClock(PostFixture.START);

    /** A few posts in several states for both executives, one with an override, some due this week. */
    private AppContext workspace() {
        AppContext c = TestWorkspace.demo(dir, clock);
        PostStory.approvedWithOverride(c, clock, PostFixture.START.plus(Duration.ofDays(4)));
        TestWorkspace.signIn(c, "admin");
        List<Executive> execs = c.executiveService().list(false);
        String[] texts = {"Proud of our team in Surabaya.", "Q4 revenue call next week, stay tuned.",
                "Thank you to everyone who joined the town hall.", "Our new warehouse opens in Medan.",
                "Great conversation with students at ITB.", "Reading list for the long weekend."};
        int n = 0;
        for (Executive e : execs) {
            TestWorkspace.signIn(c, "admin");
            List<Account> accounts = c.executiveService().accounts(e.id(), false);
            for (Account a : accounts) {
                if (a.platform() != Platform.X && a.platform() != Platform.LINKEDIN) continue;
                for (int i = 0; i < 2; i++) {
                    TestWorkspace.signIn(c, "rina");
                    long id = c.draftService().create(new DraftService.NewDraft(e.id(), List.of(a.id()), texts[n % texts.length],
                            Map.of(), PostFixture.START.plus(Duration.ofDays(1 + n % 6)))).post().id();
                    if (n % 3 != 0) c.draftService().submit(id, "Checked the numbers with finance already.");
                    clock.advance(Duration.ofMinutes(20 + 15 * n));
                    if (n % 3 == 1) {
                        TestWorkspace.signIn(c, "andi");
                        try {
                            c.reviewService().approve(id);
                        } catch (RuntimeException ignored) {
                            // a warning left unacknowledged: stays in review
                        }
                    }
                    n++;
                }
            }
        }
        return c;
    }

    @Test
    void chartsOpenTheListBehindThem() {
        open(workspace(), Locale.ENGLISH);
        signIn("andi");
        navigate("dashboard");
        assertTrue(exists("#postsChart .chart"), "posts chart drawn");
        assertTrue(exists("#dueChart .chart"), "due chart drawn");
        assertTrue(exists("#turnaroundChart .chart"));
        assertTrue(exists("#overridesRuleChart .chart"));
        screenshot("dashboard");

        Node bar = lookup("#postsChart .chart-bar").query();
        clickOn(bar);
        settle();
        TableView<PostRow> drill = node("#drillTable");
        assertFalse(drill.getItems().isEmpty());
        assertTrue(((Label) node("#drillTitle")).getText().contains(" · "));
        screenshot("dashboard_drill");

        Node below = lookup("#overridesUserChart .chart-bar").query(); // below the fold: click it the way a mouse would
        interact(() -> below.getOnMouseClicked().handle(null));
        settle();
        assertEquals(PostStory.REASON, drill.getItems().get(0).note());
    }

    @Test
    void indonesian() {
        open(workspace(), UiTest.INDONESIAN);
        signIn("sari");
        navigate("dashboard");
        assertTrue(exists("#postsChart .chart"));
        assertFalse(lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("!")).tryQuery().isPresent(), "no missing keys");
        screenshot("dashboard_id");
    }

    @Test
    void writersDoNotSeeIt() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("rina");
        assertFalse(exists("#nav-dashboard"));
    }
}
