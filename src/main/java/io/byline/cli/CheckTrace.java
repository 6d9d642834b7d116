package io.byline.cli;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * With {@code -Dbyline.check.trace=true}, {@code check} prints to standard error when each phase ended (ms since the
 * JVM started), the process CPU time so far, and at the end the JIT compile and GC times: the whole-process profile
 * of docs/batch-check.md. Off by default, and then it costs nothing (the management classes are not loaded).
 */
final class CheckTrace {
    private static final CheckTrace OFF = new CheckTrace(null);

    private final PrintStream err;

    private CheckTrace(PrintStream err) {
        this.err = err;
    }

    static CheckTrace start(PrintStream err) {
        if (!Boolean.getBoolean("byline.check.trace")) return OFF;
        try {
            // a runtime without the JDK's management modules cannot trace: say so, and check as usual
            Class.forName("com.sun.management.OperatingSystemMXBean");
            ManagementFactory.getRuntimeMXBean();
        } catch (ClassNotFoundException | LinkageError e) {
            err.println("check trace: not available in this Java runtime (" + e + ")");
            return OFF;
        }
        CheckTrace t = new CheckTrace(err);
        t.phase("main started");
        return t;
    }

    void phase(String what) {
        if (err == null) return;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long cpu = os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1_000_000;
        err.printf("check trace: %-34s at %6d ms, process CPU %6d ms%n", what, uptime, cpu / 1_000_000);
    }

    void end() {
        if (err == null) return;
        long gc = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) gc += Math.max(0, b.getCollectionTime());
        err.printf("check trace: JIT compile time %d ms (all compiler threads), GC time %d ms%n",
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
        threadCpu();
    }

    /** CPU time by kind of thread, from /proc (Linux only; elsewhere nothing is printed). */
    private void threadCpu() {
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            long tick = 10; // ms per clock tick (USER_HZ is 100 on Linux)
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat = java.nio.file.Files.readString(t.resolve("stat"));
                int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
                String kind = name.startsWith("C2 Compiler") ? "JIT C2" : name.startsWith("C1 Compiler") ? "JIT C1"
                        : name.startsWith("byline-check") ? "check workers" : name.equals("java") || name.equals("main") ? "main"
                        : name.startsWith("G1") || name.startsWith("GC") || name.contains("GC") ? "GC" : "other JVM";
                byKind.merge(kind, ms, Long::sum);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return;
        }
        StringBuilder b = new StringBuilder("check trace: CPU by thread (ms):");
        byKind.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        err.println(b);
    }
}
