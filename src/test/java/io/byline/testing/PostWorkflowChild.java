package io.byline.testing;

import io.byline.AppContext;
import io.byline.domain.Platform;
import io.byline.service.DraftService;
import io.byline.service.ReviewService;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Run in a child JVM by {@code PostFaultTest}: drives the post workflow in a loop (create, save versions, submit,
 * approve step by step, sometimes edit after approval) and prints one line after each committed unit, until killed.
 * Arguments: workspace folder, seed. Lines: {@code STARTED}, {@code VERSION <postId> <versionId>},
 * {@code APPROVAL <postId> <approvalId>}, {@code SUBMITTED <postId>}.
 */
public final class PostWorkflowChild {
    private PostWorkflowChild() {}

    public static void main(String[] args) {
        AppContext ctx = TestWorkspace.demo(Path.of(args[0]));
        Random random = new Random(Long.parseLong(args[1]));
        TestWorkspace.signIn(ctx, "rina");
        var sari = ctx.executiveService().list(false).stream().filter(e -> e.name().startsWith("Sari")).findFirst().orElseThrow();
        long x = ctx.executiveService().accounts(sari.id(), false).stream().filter(a -> a.platform() == Platform.X)
                .findFirst().orElseThrow().id();
        DraftService drafts = ctx.draftService();
        ReviewService review = ctx.reviewService();
        say("STARTED");
        for (int n = 0; ; n++) {
            TestWorkspace.signIn(ctx, "rina");
            var created = drafts.create(new DraftService.NewDraft(sari.id(), List.of(x), "Thanks to the team, note " + n,
                    Map.of(), Instant.now().plus(Duration.ofDays(10))));
            long id = created.post().id();
            say("VERSION " + id + " " + created.current().id());
            for (int v = 0, k = random.nextInt(3); v < k; v++) {
                var saved = drafts.save(id, "Thanks to the team, note " + n + " take " + v + " " + "x".repeat(random.nextInt(400)), Map.of());
                say("VERSION " + id + " " + saved.version().id());
            }
            drafts.submit(id, "Nothing flagged; submitting for review.");
            say("SUBMITTED " + id);
            for (String u : List.of("andi", "maya", "sari")) {
                TestWorkspace.signIn(ctx, u);
                var r = review.approve(id);
                say("APPROVAL " + id + " " + r.approval().id());
                if (random.nextInt(5) == 0) {
                    // An edit in the middle of the chain voids the standing signatures; the chain starts again.
                    TestWorkspace.signIn(ctx, "rina");
                    var saved = drafts.save(id, "Edited after a signature, note " + n + " " + random.nextInt(), Map.of());
                    say("VERSION " + id + " " + saved.version().id());
                    break;
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
