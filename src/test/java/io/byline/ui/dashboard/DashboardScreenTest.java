package io.byline.ui.dashboard;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Severity;
import io.byline.service.DraftService;
import io.byline.service.QueueItem;
import io.byline.service.RiskService;
import io.byline.testing.MutableClock;
import io.byline.testing.PostFixture;
import io.byline.testing.PostStory;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.fxmisc.richtext.StyleClassedTextArea;

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
    void aRowOpensItsPostInTheQueueAndADraftInCompose() {
        open(workspace(), Locale.ENGLISH);
        signIn("andi");
        navigate("dashboard");
        TableView<PostRow> drill = node("#drillTable");

        bar("#postsChart .bar-in-review");
        Button openPost = node("#drillOpenButton");
        assertTrue(openPost.isDisabled(), "nothing selected yet");
        assertFalse(shown("#drillRisksButton"), "posts per state are not findings: no Risks link");
        row("#drillTable", r -> true);
        PostRow inReview = drill.getSelectionModel().getSelectedItem();
        assertEquals(PostState.IN_REVIEW, inReview.state());
        click("#drillOpenButton");
        assertEquals("queue", window.mainWindow().currentScreen());
        TableView<QueueItem> queue = node("#queueTable");
        assertEquals(inReview.postId(), queue.getSelectionModel().getSelectedItem().postId());

        navigate("dashboard");
        bar("#postsChart .bar-draft");
        row("#drillTable", r -> true);
        PostRow draft = drill.getSelectionModel().getSelectedItem();
        assertEquals(PostState.DRAFT, draft.state());
        interact(drill::requestFocus);
        type(KeyCode.ENTER);
        settle();
        assertEquals("compose", window.mainWindow().currentScreen(), "a draft opens where it is written");
        StyleClassedTextArea editor = node("#editor");
        assertEquals(draft.firstWords(), editor.getText().strip());
    }

    @Test
    void findingsAndOverridesOpenRisksShowingOnlyThem() {
        open(workspace(), Locale.ENGLISH);
        signIn("andi");
        navigate("dashboard");
        bar("#overridesRuleChart .chart-bar");
        assertTrue(shown("#drillRisksButton"));
        row("#drillTable", r -> true);
        screenshot("dashboard_drill_actions");
        click("#drillRisksButton");
        assertEquals("risks", window.mainWindow().currentScreen());
        assertTrue(shown("#risksRuleFilter"), "the rule filter is shown, so it can be cleared");
        assertEquals("Rule: Confidential terms", ((Button) node("#risksRuleFilter")).getText());
        TableView<RiskService.Risk> risks = node("#risksTable");
        assertTrue(risks.getItems().stream().allMatch(r -> r.rule().equals("lexicon")), risks.getItems().toString());
        screenshot("risks_from_dashboard");
        click("#risksRuleFilter");
        assertFalse(shown("#risksRuleFilter"), "cleared with one click");

        navigate("dashboard");
        Node category = lookup("#categoriesChart .bar-block").query();
        interact(() -> category.getOnMouseClicked().handle(null));
        settle();
        click("#drillRisksButton");
        assertEquals("risks", window.mainWindow().currentScreen());
        ComboBox<String> categories = node("#risksCategory");
        ComboBox<Severity> severities = node("#risksSeverity");
        assertEquals("codename", categories.getValue(), "the bar's category stays chosen even with nothing open left in it");
        assertEquals(Severity.BLOCK, severities.getValue());
        assertFalse(shown("#risksRuleFilter"));
        assertTrue(risks.getItems().stream().allMatch(r -> r.severity() == Severity.BLOCK && "codename".equals(r.category())));
    }

    @Test
    void chartsOpenFromTheKeyboard() {
        open(workspace(), Locale.ENGLISH);
        // a deadline toast is a pop-up that takes the first Escape: none here
        ctx.provide(io.byline.ui.queue.ToastPresenter.class, new io.byline.ui.queue.ToastPresenter() {
            @Override
            public void show(Toast t) {
                // not shown
            }
        });
        signIn("andi");
        navigate("dashboard");
        interact(() -> node("#refreshButton").requestFocus());
        type(KeyCode.TAB);
        settle();
        Node chart = node("#postsChart");
        assertTrue(chart.isFocused(), "Tab reaches the first chart");
        String first = chart.getAccessibleText();
        assertTrue(first.startsWith("Posts per executive and platform"), first);
        assertTrue(shown("#postsChart-chosen"), "the chosen bar is named under the chart");
        type(KeyCode.RIGHT);
        settle();
        assertFalse(first.equals(chart.getAccessibleText()), "the arrow keys choose another bar");
        type(KeyCode.ENTER);
        settle();
        TableView<PostRow> drill = node("#drillTable");
        assertTrue(shown("#drillPane"));
        assertFalse(drill.getItems().isEmpty());
        assertTrue(chart.isFocused(), "the keyboard stays on the chart to choose another bar");
        screenshot("dashboard_keyboard");
        type(KeyCode.ESCAPE);
        settle();
        assertFalse(shown("#drillPane"), "Escape closes the list");
        type(KeyCode.SPACE);
        settle();
        assertTrue(shown("#drillPane"), "Space opens it too");
        interact(() -> drill.requestFocus());
        type(KeyCode.ESCAPE);
        settle();
        assertFalse(shown("#drillPane"));
        assertTrue(chart.isFocused(), "closing the list gives the focus back to its chart");
    }

    @Test
    void indonesian() {
        open(workspace(), UiTest.INDONESIAN);
        signIn("sari");
        navigate("dashboard");
        assertTrue(exists("#postsChart .chart"));
        noMissingKeys();
        screenshot("dashboard_id");

        bar("#overridesRuleChart .chart-bar");
        row("#drillTable", r -> true);
        noMissingKeys();
        screenshot("dashboard_drill_actions_id");
        click("#drillRisksButton");
        assertEquals("risks", window.mainWindow().currentScreen());
        assertEquals("Aturan: Istilah rahasia", ((Button) node("#risksRuleFilter")).getText());
        noMissingKeys();
        screenshot("risks_from_dashboard_id");
    }

    /** Clicks a bar the way a mouse would, even below the fold. */
    private void bar(String query) {
        Node bar = lookup(query).query();
        interact(() -> bar.getOnMouseClicked().handle(null));
        settle();
    }

    private void noMissingKeys() {
        assertFalse(lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("!")).tryQuery().isPresent(), "no missing keys");
    }

    @Test
    void writersDoNotSeeIt() {
        open(TestWorkspace.demo(dir), Locale.ENGLISH);
        signIn("rina");
        assertFalse(exists("#nav-dashboard"));
    }
}
