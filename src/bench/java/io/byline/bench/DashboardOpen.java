package io.byline.bench;

import io.byline.AppContext;
import io.byline.domain.DashboardFigures.DueCount;
import io.byline.domain.DashboardFigures.FindingCount;
import io.byline.domain.DashboardFigures.Overrides;
import io.byline.domain.DashboardFigures.PostCount;
import io.byline.domain.DashboardFigures.Turnaround;
import io.byline.domain.DashboardFigures.Window;
import io.byline.service.DashboardService;
import io.byline.service.DemoWorkspace;
import io.byline.service.PasswordHasher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The Dashboard's figures on a generated workspace, without the screen: open the database, sign in, then compute
 * every chart's figures the way the screen asks for them (one read, handed out chart by chart), the first time in
 * this JVM (cold) and again (warm). Prints wall and CPU time of the thread doing the work; no
 * assertion. What the user sees, chart drawing included, is measured by {@link DashboardScreenOpen}.
 *
 * <pre>mvn -Pbench package -DskipTests && java -cp target/benchmarks.jar io.byline.bench.DashboardOpen [posts]</pre>
 *
 * The workspace is generated once into {@code target/bench} (or {@code -Dbyline.bench.dir}) and reused.
 */
public final class DashboardOpen {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private DashboardOpen() {}

    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(System.getProperty("byline.bench.dir", "target/bench"));
        var location = WorkspaceGenerator.ensure(root, posts);
        long t0 = System.nanoTime();
        try (AppContext ctx = AppContext.open(location, false, new PasswordHasher(1_000))) {
            long opened = System.nanoTime();
            ctx.authService().signIn("andi", DemoWorkspace.PASSWORD.toCharArray()).orElseThrow();
            DashboardService d = ctx.dashboardService();
            System.out.printf("workspace of %,d posts: open %.0f ms%n", posts, (opened - t0) / 1e6);
            System.out.printf("first Dashboard figures, handed out chart by chart as the screen asks for them (cold): %s%n",
                    chartByChart(d));
            String warm = null;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 10; i++) {
                long t = System.nanoTime();
                String one = chartByChart(d);
                if (System.nanoTime() - t < best) {
                    best = System.nanoTime() - t;
                    warm = one;
                }
            }
            System.out.printf("warm, chart by chart: best of 10: %s%n", warm);
        }
    }

    /** One computation of every chart's figures as the screen asks for them: the time each chart's figures took. */
    private static String chartByChart(DashboardService d) {
        Window w = d.window(ZONE);
        StringBuilder parts = new StringBuilder();
        long[] last = {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
        long[] start = last.clone();
        Runnable lap = new Runnable() {
            int n;

            @Override
            public void run() {
                long wall = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                parts.append(String.format("%s%s %.0f/%.0f", n == 0 ? "" : ", ", new String[] {"posts", "due", "turnaround",
                        "findings", "overrides"}[n++], (wall - last[0]) / 1e6, (cpu - last[1]) / 1e6));
                last[0] = wall;
                last[1] = cpu;
            }
        };
        d.figures(w, new DashboardService.Charts() {
            @Override
            public void posts(List<PostCount> posts) { lap.run(); }

            @Override
            public void due(List<DueCount> due) { lap.run(); }

            @Override
            public void turnaround(List<Turnaround> turnaround) { lap.run(); }

            @Override
            public void findings(List<FindingCount> findings) { lap.run(); }

            @Override
            public void overrides(Overrides overrides) { lap.run(); }
        });
        return String.format("%.0f ms wall, %.0f ms CPU (ms wall/CPU each: %s)", (last[0] - start[0]) / 1e6,
                (last[1] - start[1]) / 1e6, parts);
    }
}
