package io.byline.cli;

import io.byline.store.json.CheckJsonl;
import io.byline.store.json.PolicyJson;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.PolicyException;
import io.byline.validation.ValidationResult;
import io.byline.validation.Validator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code check --policy POLICY.json --input POSTS.jsonl [--output FINDINGS.jsonl]}: checks every post of a JSON
 * Lines file and writes one output line per input line, in order (stdout unless {@code --output}). A malformed
 * line gives an error object for that line and the run goes on. Exit status: 0 when every line was checked, 1 when
 * any line was malformed, 2 on a bad policy, bad arguments or unreadable input.
 *
 * <p>Batch speed: the policy is compiled once; lines are read in blocks and checked by one worker per core while
 * the main thread reads ahead and writes finished blocks in order.
 *
 * <p>Memory stays bounded whatever the input: a block closes at {@link #BLOCK} lines or {@link #BLOCK_CHARS}
 * characters, the blocks read ahead hold at most {@link #WINDOW_CHARS} characters, a line longer than
 * {@link #MAX_LINE} is skipped without being held, a post whose text is longer than {@link CheckJsonl#MAX_TEXT} gets an
 * error line, and a post keeps at most {@link io.byline.validation.Validator#MAX_FINDINGS} findings.
 */
public final class CheckCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_LINES = 1;
    public static final int EXIT_USAGE = 2;

    /** Longest input line accepted (characters); longer lines are reported as errors and skipped. */
    public static final int MAX_LINE = 8 * 1024 * 1024;
    /** Lines in a block of work. */
    static final int BLOCK = 256;
    /** A block closes once it holds this many characters, however few lines. */
    static final int BLOCK_CHARS = 1 << 20;
    /** Characters of input read ahead and not yet written out, across all blocks in flight. */
    static final long WINDOW_CHARS = 8L << 20;

    static final String USAGE = "usage: byline check --policy POLICY.json --input POSTS.jsonl [--output FINDINGS.jsonl]";

    private CheckCommand() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command; {@code args} may start with the verb {@code check}. Never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String policyPath = null, inputPath = null, outputPath = null;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int i = args.length > 0 && "check".equals(args[0]) ? 1 : 0;
        for (; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--policy": policyPath = v; i++; break;
                case "--input": inputPath = v; i++; break;
                case "--output": outputPath = v; i++; break;
                case "--threads":
                    try {
                        threads = Math.max(1, Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        err.println("check: --threads needs a number");
                        return EXIT_USAGE;
                    }
                    i++;
                    break;
                case "--db": i++; break; // global option of the CLI; check needs no database
                case "-h": case "--help":
                    out.println(USAGE);
                    return EXIT_OK;
                default:
                    err.println("check: unknown argument \"" + a + "\"");
                    err.println(USAGE);
                    return EXIT_USAGE;
            }
            if (v == null) {
                err.println("check: " + a + " needs a value");
                return EXIT_USAGE;
            }
        }
        if (policyPath == null || inputPath == null) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        CompiledPolicy policy;
        try {
            policy = PolicyJson.read(Paths.get(policyPath));
        } catch (NoSuchFileException e) {
            err.println("check: policy file not found: " + policyPath);
            return EXIT_USAGE;
        } catch (PolicyException e) {
            err.println("check: bad policy " + policyPath + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("check: cannot read policy " + policyPath + ": " + e);
            return EXIT_USAGE;
        }
        Validator validator = new Validator(policy);
        InputStream in;
        try {
            in = "-".equals(inputPath) ? System.in : Files.newInputStream(Path.of(inputPath));
        } catch (IOException | RuntimeException e) {
            err.println("check: cannot read input " + inputPath + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        OutputStream os;
        try {
            os = outputPath == null ? out : Files.newOutputStream(Path.of(outputPath));
        } catch (IOException | RuntimeException e) {
            err.println("check: cannot write output " + outputPath + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            Writer w = new BufferedWriter(new OutputStreamWriter(outputPath == null ? nonClosing(os) : os, StandardCharsets.UTF_8), 1 << 16);
            boolean bad;
            try {
                bad = process(reader, w, validator, threads);
            } finally {
                w.flush();
                if (outputPath != null) w.close();
            }
            return bad ? EXIT_BAD_LINES : EXIT_OK;
        } catch (IOException e) {
            err.println("check: I/O error: " + e.getMessage());
            return EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("check: interrupted");
            return EXIT_USAGE;
        }
    }

    private static OutputStream nonClosing(OutputStream os) {
        return new OutputStream() {
            @Override public void write(int b) throws IOException { os.write(b); }
            @Override public void write(byte[] b, int off, int len) throws IOException { os.write(b, off, len); }
            @Override public void flush() throws IOException { os.flush(); }
        };
    }

    /** Result of one block: the output text and whether any line was malformed. */
    private record Block(String text, boolean bad) {}

    private static Block checkBlock(List<String> lines, Validator validator) {
        int in = 0;
        for (String line : lines) if (line != null) in += line.length();
        // the output of a post is about twice its input (findings repeat the matched text and a message)
        StringBuilder b = new StringBuilder((int) Math.min(1 << 22, Math.max(256, in * 2L + lines.size() * 160L)));
        boolean bad = false;
        for (String line : lines) {
            if (line == null) {
                CheckJsonl.appendError(b, null, "line longer than " + MAX_LINE + " characters");
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
        return new Block(b.toString(), bad);
    }

    static boolean process(Reader reader, Writer w, Validator validator, int threads)
            throws IOException, InterruptedException {
        LineReader lr = new LineReader(reader, MAX_LINE);
        boolean bad = false;
        if (threads <= 1) {
            List<String> block = new ArrayList<>(BLOCK);
            boolean more = true;
            while (more) {
                block.clear();
                more = lr.readBlock(block, BLOCK, BLOCK_CHARS);
                if (block.isEmpty()) continue;
                Block r = checkBlock(block, validator);
                w.write(r.text());
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
            ArrayDeque<Long> windowSizes = new ArrayDeque<>();
            long inFlight = 0;
            int maxWindow = threads * 4;
            while (true) {
                List<String> block = new ArrayList<>(BLOCK);
                long before = lr.charsRead();
                boolean more = lr.readBlock(block, BLOCK, BLOCK_CHARS);
                if (!block.isEmpty()) {
                    long size = lr.charsRead() - before;
                    window.add(pool.submit(() -> checkBlock(block, validator)));
                    windowSizes.add(size);
                    inFlight += size;
                }
                while (!window.isEmpty() && (window.size() >= maxWindow || inFlight >= WINDOW_CHARS
                        || window.peek().isDone() || !more)) {
                    Block r = get(window.poll());
                    inFlight -= windowSizes.poll();
                    w.write(r.text());
                    bad |= r.bad();
                }
                if (!more) break;
            }
            return bad;
        } finally {
            pool.shutdownNow();
        }
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

    /** Splits a stream into lines ({@code \n}, {@code \r\n} or {@code \r}); an over-long line becomes null. */
    static final class LineReader {
        private final Reader in;
        private final int maxLine;
        private final char[] buf = new char[1 << 16];
        private int pos, limit;
        private boolean eof;
        private boolean skipLf;

        LineReader(Reader in, int maxLine) {
            this.in = in;
            this.maxLine = maxLine;
        }

        private long charsRead;

        /**
         * Adds lines until the block holds {@code maxLines} lines or {@code maxChars} characters (at least one line);
         * false when the stream has ended (the block may still hold lines).
         */
        boolean readBlock(List<String> out, int maxLines, int maxChars) throws IOException {
            long start = charsRead;
            while (out.size() < maxLines && charsRead - start < maxChars) {
                if (!readLine(out)) return false;
            }
            return true;
        }

        /** Characters of the lines read so far (skipped over-long lines count as one). */
        long charsRead() {
            return charsRead;
        }

        private boolean fill() throws IOException {
            if (eof) return false;
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        private void add(List<String> out, String line) {
            out.add(line);
            charsRead += line == null ? 1 : line.length() + 1;
        }

        private boolean readLine(List<String> out) throws IOException {
            StringBuilder sb = null;
            boolean tooLong = false;
            int length = 0;
            while (true) {
                if (pos >= limit && !fill()) {
                    if (sb == null && length == 0 && !tooLong) return false;
                    add(out, tooLong ? null : sb == null ? "" : sb.toString());
                    return false;
                }
                if (skipLf) {
                    skipLf = false;
                    if (buf[pos] == '\n') pos++;
                    continue;
                }
                int start = pos;
                while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') pos++;
                int n = pos - start;
                if (!tooLong) {
                    if (length + n > maxLine) {
                        tooLong = true;
                        sb = null;
                    } else {
                        if (sb == null) sb = new StringBuilder(Math.max(16, n));
                        sb.append(buf, start, n);
                    }
                }
                length += n;
                if (pos < limit) {
                    if (buf[pos] == '\r') skipLf = true;
                    pos++;
                    add(out, tooLong ? null : sb.toString());
                    return true;
                }
            }
        }
    }
}
