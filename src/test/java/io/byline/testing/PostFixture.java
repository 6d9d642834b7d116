package io.byline.testing;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.User;
import io.byline.service.DraftService;
import io.byline.service.PostDetail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The demo workspace with a controllable clock and shortcuts for post tests. */
public final class PostFixture implements AutoCloseable {
    /** "Now" in every post test: well before the demo policy's Nusa Pay embargo (2027-03-01). */
    public static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final AppContext ctx;
    public final Executive sari;
    public final Executive daniel;

    public PostFixture(Path dir) {
        ctx = TestWorkspace.demo(dir, clock);
        as("admin");
        List<Executive> all = ctx.executiveService().list(false);
        sari = all.stream().filter(e -> e.name().startsWith("Sari")).findFirst().orElseThrow();
        daniel = all.stream().filter(e -> e.name().startsWith("Daniel")).findFirst().orElseThrow();
    }

    public User as(String username) {
        return TestWorkspace.signIn(ctx, username);
    }

    public Account account(Executive e, Platform p) {
        return ctx.executiveService().accounts(e.id(), false).stream().filter(a -> a.platform() == p).findFirst().orElseThrow();
    }

    public List<Long> official(Executive e) {
        return ctx.executiveService().accounts(e.id(), false).stream().filter(a -> a.capacity() == Capacity.OFFICIAL)
                .map(Account::id).toList();
    }

    /** A draft for Sari's X account by rina, publishing in ten days. */
    public PostDetail draft(String text) {
        return draft(text, List.of(account(sari, Platform.X).id()), START.plus(Duration.ofDays(10)));
    }

    public PostDetail draft(String text, List<Long> accounts, Instant publishAt) {
        as("rina");
        return ctx.draftService().create(new DraftService.NewDraft(accountsExecutive(accounts), accounts, text, Map.of(), publishAt));
    }

    private long accountsExecutive(List<Long> accounts) {
        return ctx.executiveService().allAccounts(true).stream().filter(a -> a.id() == accounts.get(0)).findFirst()
                .orElseThrow().executiveId();
    }

    /** Drafts and submits as rina; returns the post id. */
    public long submitted(String text) {
        long id = draft(text).post().id();
        ctx.draftService().submit(id, "Reviewed the flagged terms with legal already.");
        return id;
    }

    /** Signs the whole default official chain: andi, maya, sari. */
    public void approveAll(long postId) {
        for (String u : List.of("andi", "maya", "sari")) {
            as(u);
            ctx.reviewService().approve(postId);
        }
    }

    public PostFinding finding(long postId, String rule) {
        as("admin");
        return ctx.reviewService().findings(postId).stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        ctx.close();
    }
}
