package io.byline.ui.dashboard;

import io.byline.domain.DashboardFigures.PostRow;
import io.byline.domain.PostState;
import io.byline.domain.Severity;
import io.byline.testing.PostFixture;
import io.byline.testing.PostStory;
import io.byline.ui.common.ImmediateTaskRunner;
import io.byline.ui.common.PostLink;
import io.byline.ui.common.RisksLink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardViewModelTest {
    @TempDir Path dir;

    @Test
    void everyChartArrivesInLayoutOrderThenLoadingEnds() {
        try (PostFixture f = new PostFixture(dir)) {
            PostStory.approvedWithOverride(f.ctx, f.clock, PostFixture.START.plus(Duration.ofDays(3)));
            f.as("andi");
            DashboardViewModel m = new DashboardViewModel(f.ctx.dashboardService(), new ImmediateTaskRunner(), ZoneOffset.UTC);
            List<String> order = new ArrayList<>();
            m.postsProperty().addListener(o -> order.add("posts"));
            m.dueProperty().addListener(o -> order.add("due"));
            m.turnaroundProperty().addListener(o -> order.add("turnaround"));
            m.findingsProperty().addListener(o -> order.add("findings"));
            m.overridesProperty().addListener(o -> order.add("overrides"));
            m.load();
            assertEquals(List.of("posts", "due", "turnaround", "findings", "overrides"), order);
            assertFalse(m.loadingProperty().get());
            assertNull(m.failureProperty().get());
            assertEquals(1, m.overridesProperty().get().byRule().size());
        }
    }

    @Test
    void aDraftOpensWhereItIsWrittenAndTheListKnowsItsWayToRisks() {
        PostRow draft = new PostRow(7, "Sari", "Hello", PostState.DRAFT, Instant.EPOCH, "Asia/Jakarta", null, null);
        PostRow review = new PostRow(8, "Sari", "Hello", PostState.IN_REVIEW, Instant.EPOCH, "Asia/Jakarta", null, null);
        assertEquals(PostLink.draft(7), DashboardViewModel.linkTo(draft));
        assertTrue(DashboardViewModel.linkTo(draft).draft());
        assertEquals(PostLink.post(8), DashboardViewModel.linkTo(review));

        try (PostFixture f = new PostFixture(dir)) {
            f.as("andi");
            DashboardViewModel m = new DashboardViewModel(f.ctx.dashboardService(), new ImmediateTaskRunner(), ZoneOffset.UTC);
            m.drill("Overrides", List::of, RisksLink.category("codename", Severity.BLOCK));
            assertEquals(RisksLink.category("codename", Severity.BLOCK), m.drillRisksProperty().get());
            m.closeDrill();
            assertNull(m.drillRisksProperty().get());
            assertFalse(m.drillOpenProperty().get());
        }
    }
}
