package io.byline.testing;

import io.byline.AppContext;
import io.byline.domain.Platform;
import io.byline.service.DraftService;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by the crash test: creates a draft, autosaves text into it, prints a marker and waits to be
 * killed. Arguments: workspace folder, text to autosave.
 */
public final class AutosaveChild {
    private AutosaveChild() {}

    public static void main(String[] args) throws InterruptedException {
        AppContext ctx = TestWorkspace.demo(Path.of(args[0]));
        TestWorkspace.signIn(ctx, "rina");
        var sari = ctx.executiveService().list(false).stream().filter(e -> e.name().startsWith("Sari")).findFirst().orElseThrow();
        long x = ctx.executiveService().accounts(sari.id(), false).stream().filter(a -> a.platform() == Platform.X)
                .findFirst().orElseThrow().id();
        long id = ctx.draftService().create(new DraftService.NewDraft(sari.id(), List.of(x), "Saved start", Map.of(),
                Instant.now().plus(Duration.ofDays(7)))).post().id();
        for (int i = 1; i <= 20; i++) ctx.draftService().autosave(id, args[1].substring(0, Math.min(args[1].length(), i * 3)), Map.of());
        ctx.draftService().autosave(id, args[1], Map.of());
        System.out.println("AUTOSAVED " + id);
        System.out.flush();
        Thread.sleep(60_000);
    }
}
