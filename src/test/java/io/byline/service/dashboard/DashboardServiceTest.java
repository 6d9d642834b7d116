package io.byline.service.dashboard;

import io.byline.domain.DashboardFigures;
import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Severity;
import io.byline.service.DashboardService;
import io.byline.testing.PostFixture;
import io.byline.testing.PostStory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's aggregates on a small dataset whose answers are known: post 1 (the {@link PostStory}) is submitted
 * ten minutes after it was started and approved 1.5, 2.5 and 3.5 hours after submission; post 2 is submitted and
 * approved by the first step half an hour later, and publishes in two days.
 */
class DashboardServiceTest {
    @TempDir Path dir;

    @Test
    void aggregatesOnAKnownDataset() {
        try (PostFixture f = new PostFixture(dir)) {
            long p1 = PostStory.approvedWithOverride(f.ctx, f.clock, PostFixture.START.plus(Duration.ofDays(10)));
            long p2 = f.draft("Our team met customers in Surabaya today.", List.of(f.account(f.sari, Platform.X).id()),
                    PostFixture.START.plus(Duration.ofDays(2))).post().id();
            f.ctx.draftService().submit(p2, null);
            f.clock.advance(Duration.ofMinutes(30));
            f.as("andi");
            f.ctx.reviewService().approve(p2);

            f.as("andi");
            DashboardService d = f.ctx.dashboardService();
            DashboardFigures fig = d.figures(ZoneOffset.UTC);

            assertEquals(List.of(
                    new DashboardFigures.PostCount(f.sari.id(), f.sari.name(), Platform.X, PostState.IN_REVIEW, 1),
                    new DashboardFigures.PostCount(f.sari.id(), f.sari.name(), Platform.X, PostState.APPROVED, 1))
                    .stream().sorted((a, b) -> a.state().name().compareTo(b.state().name())).toList(),
                    fig.posts().stream().sorted((a, b) -> a.state().name().compareTo(b.state().name())).toList());

            assertEquals(3, fig.turnaround().size());
            var step1 = fig.turnaround().get(0);
            assertEquals(1, step1.step());
            assertEquals(2, step1.approvals());
            assertEquals(Duration.ofHours(1), step1.median(), "median of 0.5 h and 1.5 h");
            assertEquals(Duration.ofMinutes(90), step1.slowest());
            assertEquals(Duration.ofMinutes(150), fig.turnaround().get(1).median());
            assertEquals(Duration.ofMinutes(210), fig.turnaround().get(2).slowest());

            assertEquals(1, fig.overridesByRule().size());
            assertEquals(1, fig.overridesByRule().get(0).count());
            assertEquals("Maya Putri", fig.overridesByUser().get(0).label());

            LocalDate week = LocalDate.parse("2026-06-08");
            var block = fig.findings().stream().filter(c -> c.severity() == Severity.BLOCK).toList();
            assertEquals(1, block.size(), fig.findings().toString());
            assertEquals(week, block.get(0).weekStart());
            assertEquals("codename", block.get(0).category());

            assertEquals(List.of(new DashboardFigures.DueCount(LocalDate.parse("2026-06-03"), PostState.IN_REVIEW, 1)), fig.due());

            // the lists behind the bars
            assertEquals(List.of(p1), ids(d.posts(f.sari.id(), Platform.X, PostState.APPROVED)));
            assertEquals(List.of(p1), ids(d.findings(week, week.plusWeeks(1), "codename", Severity.BLOCK)));
            assertEquals(List.of(p1), ids(d.findings(week, week.plusWeeks(1), null, Severity.BLOCK)));
            List<PostRow> slowest = d.turnaround(1, step1Name(fig));
            assertEquals(List.of(p1, p2), ids(slowest), "slowest first");
            assertEquals(Duration.ofMinutes(90), slowest.get(0).turnaround());
            PostRow override = d.overridesOfRule(fig.overridesByRule().get(0).key()).get(0);
            assertEquals(PostStory.REASON, override.note());
            assertEquals(List.of(p1), ids(d.overridesBy(Long.parseLong(fig.overridesByUser().get(0).key()))));
            assertEquals(List.of(p2), ids(d.due(LocalDate.parse("2026-06-03"), null, ZoneOffset.UTC)));
            assertTrue(d.due(LocalDate.parse("2026-06-03"), PostState.DRAFT, ZoneOffset.UTC).isEmpty());
            assertTrue(d.posts(f.sari.id(), Platform.X, PostState.IN_REVIEW).get(0).firstWords().startsWith("Our team met"));
        }
    }

    @Test
    void writersMayNotOpenTheDashboard() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("rina");
            assertThrows(PermissionDeniedException.class, () -> f.ctx.dashboardService().figures(ZoneOffset.UTC));
        }
    }

    @Test
    void anEmptyWorkspaceHasEmptyFigures() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("sari");
            DashboardFigures fig = f.ctx.dashboardService().figures(ZoneOffset.UTC);
            assertTrue(fig.posts().isEmpty() && fig.findings().isEmpty() && fig.turnaround().isEmpty() && fig.due().isEmpty());
            assertEquals(12, fig.window().weeks());
        }
    }

    private static String step1Name(DashboardFigures fig) {
        return fig.turnaround().get(0).stepName();
    }

    private static List<Long> ids(List<PostRow> rows) {
        return rows.stream().map(PostRow::postId).toList();
    }
}
