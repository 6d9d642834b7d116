package io.byline.cli;

import io.byline.store.json.CheckJsonl;
import io.byline.validation.ValidationResult;
import io.byline.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The work of {@code check}: lines are read in blocks and checked by one worker per core while the calling thread
 * reads ahead and writes finished blocks in order, as UTF-8 made by the workers.
 *
 * <p>Memory stays bounded whatever the input: a block closes at {@link #BLOCK} lines or {@link #BLOCK_BYTES} bytes,
 * the blocks read ahead hold at most {@link #WINDOW_BYTES} bytes of input, a line longer than {@link #MAX_LINE} bytes
 * is skipped without being held, a post longer than {@link CheckJsonl#MAX_TEXT} gets an error line, and a post keeps
 * at most {@link Validator#MAX_FINDINGS} findings.
 */
final class CheckPipeline {
    /** Longest input line accepted, in bytes; longer lines are reported as errors and skipped. */
    static final int MAX_LINE = 8 * 1024 * 1024;
    /** Lines in a block of work. */
    static final int BLOCK = 256;
    /** A block closes once it holds this many bytes, however few lines. */
    static final int BLOCK_BYTES = 1 << 20;
    /** Bytes of input read ahead and not yet written out, across all blocks in flight. */
    static final long WINDOW_BYTES = 8L << 20;

    private CheckPipeline() {}

    /** Result of one block: its output lines in UTF-8 and whether any line was malformed. */
    private record Block(byte[] utf8, boolean bad) {}

    /** Checks every line of {@code in}, writes one line each to {@code out}; true when any line was malformed. */
    static boolean run(InputStream in, OutputStream out, Validator validator, int threads)
            throws IOException, InterruptedException {
        ByteLineReader lr = new ByteLineReader(in, MAX_LINE);
        boolean bad = false;
        if (threads <= 1) {
            List<String> block = new ArrayList<>(BLOCK);
            boolean more = true;
            while (more) {
                block.clear();
                more = lr.readBlock(block, BLOCK, BLOCK_BYTES);
                if (block.isEmpty()) continue;
                Block r = check(block, validator);
                out.write(r.utf8());
                bad |= r.bad();
            }
            return bad;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "byline-check");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Block>> window = new ArrayDeque<>();
            ArrayDeque<Long> sizes = new ArrayDeque<>();
            long inFlight = 0;
            int maxWindow = threads * 4;
            while (true) {
                List<String> block = new ArrayList<>(BLOCK);
                long before = lr.bytesRead();
                boolean more = lr.readBlock(block, BLOCK, BLOCK_BYTES);
                if (!block.isEmpty()) {
                    long size = lr.bytesRead() - before;
                    window.add(pool.submit(() -> check(block, validator)));
                    sizes.add(size);
                    inFlight += size;
                }
                while (!window.isEmpty() && (window.size() >= maxWindow || inFlight >= WINDOW_BYTES
                        || window.peek().isDone() || !more)) {
                    Block r = get(window.poll());
                    inFlight -= sizes.poll();
                    out.write(r.utf8());
                    bad |= r.bad();
                }
                if (!more) break;
            }
            return bad;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Block check(List<String> lines, Validator validator) {
        long in = 0;
        for (String line : lines) if (line != null) in += line.length();
        // the output of a post is about twice its input (findings repeat the matched text and a message)
        StringBuilder b = new StringBuilder((int) Math.min(1 << 22, Math.max(256, in * 2 + lines.size() * 160L)));
        boolean bad = false;
        for (String line : lines) {
            if (line == null) {
                CheckJsonl.appendError(b, null, "line longer than " + MAX_LINE + " bytes");
                bad = true;
            } else {
                CheckJsonl.Line l = CheckJsonl.parse(line);
                if (!l.ok()) {
                    CheckJsonl.appendError(b, l.id(), l.error());
                    bad = true;
                } else {
                    ValidationResult r;
                    try {
                        r = validator.validate(l.input());
                    } catch (RuntimeException | StackOverflowError e) {
                        CheckJsonl.appendError(b, l.id(), "internal error while checking: " + e.getClass().getSimpleName());
                        bad = true;
                        b.append('\n');
                        continue;
                    }
                    CheckJsonl.appendResult(b, l.id(), r);
                }
            }
            b.append('\n');
        }
        // output strings escape lone surrogates, so this encoding never needs a replacement
        return new Block(b.toString().getBytes(StandardCharsets.UTF_8), bad);
    }

    private static Block get(Future<Block> f) throws InterruptedException, IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Error) throw (Error) c;
            throw new IOException("check failed: " + c, c);
        }
    }
}
