package io.byline.bench;

import io.byline.AppContext;
import io.byline.domain.DashboardFigures;
import io.byline.service.DemoWorkspace;
import io.byline.service.PasswordHasher;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Opening the Dashboard on a generated workspace, as a user would: open the database, sign in, compute every chart's
 * figures the first time (cold) and again (warm). Prints the times; no assertion.
 *
 * <pre>mvn -Pbench package && java -cp target/benchmarks.jar io.byline.bench.DashboardOpen [posts]</pre>
 */
public final class DashboardOpen {
    private DashboardOpen() {}

    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(System.getProperty("byline.bench.dir", "target/bench"));
        var location = WorkspaceGenerator.ensure(root, posts);
        long t0 = System.nanoTime();
        try (AppContext ctx = AppContext.open(location, false, new PasswordHasher(1_000))) {
            long opened = System.nanoTime();
            ctx.authService().signIn("andi", DemoWorkspace.PASSWORD.toCharArray()).orElseThrow();
            long t1 = System.nanoTime();
            DashboardFigures f = ctx.dashboardService().figures(ZoneId.of("Asia/Jakarta"));
            long t2 = System.nanoTime();
            System.out.printf("workspace of %,d posts: open %.0f ms; first Dashboard figures %.0f ms (%d post bars, %d finding"
                    + " groups, %d steps, %d due groups)%n", posts, (opened - t0) / 1e6, (t2 - t1) / 1e6, f.posts().size(),
                    f.findings().size(), f.turnaround().size(), f.due().size());
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 10; i++) {
                long s = System.nanoTime();
                ctx.dashboardService().figures(ZoneId.of("Asia/Jakarta"));
                best = Math.min(best, System.nanoTime() - s);
            }
            System.out.printf("warm Dashboard figures: best of 10 %.0f ms%n", best / 1e6);
        }
    }
}
