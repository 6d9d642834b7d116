package io.byline.bench;

import io.byline.domain.Severity;
import io.byline.store.json.PolicyJson;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.Policy;
import io.byline.validation.PolicyTerm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Batch and compile measurements, each in its own child JVM (so JIT, heap and GC of one do not colour another):
 * <ol>
 *   <li>generates a 50,000-term policy and 200,000 posts as JSONL in a work folder;</li>
 *   <li>times the whole {@code check} process ({@link io.byline.cli.CheckCommand}) on them;</li>
 *   <li>times the same JSONL read-and-write doing only {@code org.ahocorasick} whole-word matching
 *       ({@link AhoCorasickPass});</li>
 *   <li>compiles a 100,000-term policy in a JVM limited to {@code -Xmx100m}, reporting time and heap used.</li>
 * </ol>
 * <pre>java -cp target/benchmarks.jar io.byline.bench.BatchBench [WORKDIR] [POSTS] [RUNS]</pre>
 */
public final class BatchBench {
    private BatchBench() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/batch-bench");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Files.createDirectories(work);
        Path policy = work.resolve("policy-50k.json");
        Path posts = work.resolve("posts-" + count + ".jsonl");
        Path big = work.resolve("policy-100k.json");
        List<String> terms = BenchData.terms(50_000, 1);
        if (!Files.exists(policy)) Files.writeString(policy, PolicyJson.toJson(BenchData.policy(terms)));
        if (!Files.exists(big)) Files.writeString(big, PolicyJson.toJson(BenchData.policy(BenchData.terms(100_000, 3))));
        if (!Files.exists(posts)) writePosts(posts, terms, count);
        System.out.printf("posts: %s (%d lines, %.1f MB)%n", posts, count, Files.size(posts) / 1e6);

        String cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 1; run <= runs; run++) {
            long check = time(List.of(java, "-cp", cp, "io.byline.cli.CheckCommand", "check", "--policy", policy.toString(),
                    "--input", posts.toString(), "--output", work.resolve("check-out.jsonl").toString()));
            long aho = time(List.of(java, "-cp", cp, "io.byline.bench.AhoCorasickPass", policy.toString(), posts.toString(),
                    work.resolve("aho-out.jsonl").toString()));
            System.out.printf("run %d: check %.2f s, ahocorasick-only pass %.2f s, ratio %.2f%n",
                    run, check / 1e3, aho / 1e3, (double) check / aho);
        }
        System.out.println("compile 100,000-term policy with -Xmx100m:");
        time(List.of(java, "-Xmx100m", "-cp", cp, "io.byline.bench.BatchBench$Compile", big.toString()));
    }

    private static void writePosts(Path file, List<String> terms, int count) throws IOException {
        Random r = new Random(7);
        String[] platforms = {"x", "linkedin", "threads", "bluesky", "mastodon", "facebook", "instagram"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                int len = r.nextInt(10) == 0 ? 1000 + r.nextInt(2000) : 80 + r.nextInt(200);
                String text = BenchData.post(r, terms, len).replace("\\", "").replace("\"", "'");
                w.write("{\"id\":\"p" + i + "\",\"text\":\"" + text + "\",\"platform\":\"" + platforms[i % platforms.length]
                        + "\",\"publishAt\":\"2026-12-10T09:00:00Z\"}\n");
            }
        }
    }

    private static long time(List<String> cmd) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int code = p.waitFor();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (code > 1) throw new IllegalStateException("exit " + code + ": " + cmd);
        return ms;
    }

    /** Child process: compile a policy file, report time and heap. */
    public static final class Compile {
        private Compile() {}

        public static void main(String[] args) throws Exception {
            String json = Files.readString(Path.of(args[0]));
            var mem = ManagementFactory.getMemoryMXBean();
            System.gc();
            long before = mem.getHeapMemoryUsage().getUsed();
            var threads = ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Policy parsed = PolicyJson.parse(json); // parse alone, to separate parse and compile
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            CompiledPolicy cp = CompiledPolicy.compile(parsed);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            json = null;
            System.gc();
            long after = mem.getHeapMemoryUsage().getUsed();
            long peak = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            // thread CPU next to wall time: on a loaded machine the wall time mostly measures the load
            System.out.printf("  %d entries: parse+validate (includes one compile) %.2f s (CPU %.2f s), compile %.2f s "
                            + "(CPU %.2f s); retained heap %.1f MB (policy + automaton), peak pools %.1f MB, max heap %.0f MB%n",
                    cp.policy().terms().size(), (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9,
                    (after - before) / 1e6, peak / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        }
    }

}
