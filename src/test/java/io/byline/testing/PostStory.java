package io.byline.testing;

import io.byline.AppContext;
import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.Severity;
import io.byline.service.DraftService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A post's whole life in the demo workspace, for audit, evidence and dashboard tests: drafted and revised by rina,
 * submitted despite a blocking codename, the finding overridden by maya (legal) with a reason, a comment by andi,
 * then approved by andi, maya and sari. Optional {@link MutableClock} steps make times predictable.
 */
public final class PostStory {
    public static final String V1 = "Our Project Komodo launch is on track.";
    public static final String V2 = "Our Project Komodo launch is on track for June.";
    public static final String REASON = "Codename was disclosed in the annual report";
    public static final String COMMENT = "Checked with the CEO's office: the date is public.";

    private PostStory() {}

    /** Runs the story; returns the post id. {@code clock} may be null (no time steps). */
    public static long approvedWithOverride(AppContext ctx, MutableClock clock, Instant publishAt) {
        TestWorkspace.signIn(ctx, "admin");
        Executive sari = ctx.executiveService().list(false).stream().filter(e -> e.name().startsWith("Sari")).findFirst().orElseThrow();
        Account x = ctx.executiveService().accounts(sari.id(), false).stream().filter(a -> a.platform() == Platform.X)
                .findFirst().orElseThrow();
        TestWorkspace.signIn(ctx, "rina");
        long id = ctx.draftService().create(new DraftService.NewDraft(sari.id(), List.of(x.id()), V1, Map.of(), publishAt))
                .post().id();
        step(clock, Duration.ofMinutes(5));
        ctx.draftService().save(id, V2, Map.of());
        step(clock, Duration.ofMinutes(5));
        ctx.draftService().submit(id, "Reviewed the flagged terms with legal already.");
        step(clock, Duration.ofMinutes(30));
        TestWorkspace.signIn(ctx, "maya");
        PostFinding block = ctx.reviewService().findings(id).stream().filter(f -> f.severity() == Severity.BLOCK)
                .findFirst().orElseThrow();
        ctx.reviewService().override(id, block.fingerprint(), REASON);
        TestWorkspace.signIn(ctx, "andi");
        ctx.reviewService().comment(id, COMMENT);
        for (String u : List.of("andi", "maya", "sari")) {
            step(clock, Duration.ofHours(1));
            TestWorkspace.signIn(ctx, u);
            ctx.reviewService().approve(id);
        }
        return id;
    }

    private static void step(MutableClock clock, Duration d) {
        if (clock != null) clock.advance(d);
    }

    /** "Now" plus days, for publish times. */
    public static Instant inDays(Clock clock, int days) {
        return clock.instant().plus(Duration.ofDays(days));
    }
}
