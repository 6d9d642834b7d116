package io.byline.bench;

import io.byline.AppContext;
import io.byline.domain.DashboardFigures;
import io.byline.service.DemoWorkspace;
import io.byline.service.PasswordHasher;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * What opening the Dashboard costs on a generated workspace ({@code size} posts, default 100,000): the
 * {@code DashboardService} aggregates against the baseline of loading every post and aggregating in Java, in the same
 * run. The workspace is generated once into {@code target/bench} (or {@code -Dbyline.bench.dir}) and reused.
 *
 * <pre>mvn -Pbench package && java -jar target/benchmarks.jar DashboardBench</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class DashboardBench {
    @Param({"100000"})
    public int size;

    private AppContext ctx;
    private final NaiveDashboard naive = new NaiveDashboard();
    private final ZoneId zone = ZoneId.of("Asia/Jakarta");

    @Setup(Level.Trial)
    public void open() {
        Path root = Path.of(System.getProperty("byline.bench.dir", "target/bench"));
        ctx = AppContext.open(WorkspaceGenerator.ensure(root, size), false, new PasswordHasher(1_000));
        ctx.authService().signIn("andi", DemoWorkspace.PASSWORD.toCharArray()).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void close() {
        ctx.close();
    }

    @Benchmark
    public DashboardFigures aggregateSql() {
        return ctx.dashboardService().figures(zone);
    }

    @Benchmark
    public long baselineLoadAll() {
        return naive.figures(ctx.database(), Instant.now(), zone);
    }
}
