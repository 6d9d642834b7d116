package io.byline.ui.policy;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.service.DraftService;
import io.byline.testing.TestWorkspace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Posts for the Policy and Risks screen tests, made through the services as the demo writer. */
final class PolicyUi {
    private PolicyUi() {}

    static long submitted(AppContext ctx, String executive, Platform platform, String text, int days) {
        TestWorkspace.signIn(ctx, "admin");
        Executive e = ctx.executiveService().list(false).stream().filter(x -> x.name().startsWith(executive)).findFirst().orElseThrow();
        Account a = ctx.executiveService().accounts(e.id(), false).stream().filter(x -> x.platform() == platform).findFirst().orElseThrow();
        TestWorkspace.signIn(ctx, "rina");
        long id = ctx.draftService().create(new DraftService.NewDraft(e.id(), List.of(a.id()), text, Map.of(),
                Instant.now().plus(Duration.ofDays(days)))).post().id();
        ctx.draftService().submit(id, "Checked the flagged words with legal already.");
        return id;
    }

    /** A handful of posts with findings of several kinds, for two executives. */
    static void seed(AppContext ctx) {
        submitted(ctx, "Sari", Platform.X, "Big news: Project Komodo is on track and Q4 revenue looks strong.", 3);
        submitted(ctx, "Daniel", Platform.X, "Talks with Merapi Capital continue; part NSA-1234 ships next week.", 5);
        submitted(ctx, "Sari", Platform.LINKEDIN, "Our teams in Surabaya visited Komodo National Park. Proud of them!", 7);
        submitted(ctx, "Daniel", Platform.LINKEDIN, "Ahead of the call: Q4 revenue guidance is unchanged for now.", 7);
    }
}
