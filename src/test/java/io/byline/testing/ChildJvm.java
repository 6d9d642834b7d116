package io.byline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A second JVM on the test class path, for faults one process cannot inflict on itself (kill -9, a second instance). */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();

    private ChildJvm(Process process) {
        this.process = process;
        Thread out = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
        Thread err = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /** Starts {@code mainClass} with JVM options {@code jvmArgs} and program arguments {@code args}. */
    public static ChildJvm start(List<String> jvmArgs, Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dfile.encoding=UTF-8");
        // sqlite-jdbc copies its native library into the temp folder and removes the copy only on a normal exit; a
        // child killed with -9 would leave a megabyte behind on every run, so its copies go to a folder of its own
        Path tmp = Files.createTempDirectory("byline-child");
        cmd.add("-Dorg.sqlite.tmpdir=" + tmp);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        Process process = new ProcessBuilder(cmd).start();
        process.onExit().thenRun(() -> deleteTree(tmp));
        return new ChildJvm(process);
    }

    /** Removes a child's temp folder once the child has gone (best effort: a leftover is only disk space). */
    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // nothing to clean, or already cleaned
        }
    }

    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), mainClass, args);
    }

    private void pump(BufferedReader r, boolean toQueue) {
        try (r) {
            for (String line; (line = r.readLine()) != null; ) {
                if (toQueue) lines.add(line);
                else synchronized (stderr) {
                    stderr.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process died, which is the point
        }
    }

    /** Waits for a line of standard output starting with {@code prefix}; fails after {@code seconds}. */
    public String awaitLine(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the child did not print " + prefix + " within " + seconds + " s (alive: "
                        + process.isAlive() + "); stderr:\n" + stderr());
            }
            if (line.startsWith(prefix)) return line;
        }
    }

    /** kill -9, and wait until the process is gone (so the OS has released its locks). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) throw new AssertionError("the child did not die");
    }

    /** Waits for the child to exit by itself and returns its exit code. */
    public int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not finish within " + seconds + " s; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    public String stderr() throws InterruptedException {
        Thread.sleep(50);
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Everything printed on standard output so far (after the lines already awaited). */
    public List<String> drainLines() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
