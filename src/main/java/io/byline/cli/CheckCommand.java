package io.byline.cli;

import io.byline.domain.StorageException;
import io.byline.store.DatabaseLocation;
import io.byline.store.SafeFiles;
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
 * the main thread reads ahead and writes finished blocks in order (a bounded window keeps memory flat).
 */
public final class CheckCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_LINES = 1;
    public static final int EXIT_USAGE = 2;

    /** Longest input line accepted (characters); longer lines are reported as errors and skipped. */
    public static final int MAX_LINE = 8 * 1024 * 1024;
    private static final int BLOCK = 256;

    static final String USAGE = "usage: byline check --policy POLICY.json --input POSTS.jsonl [--output FINDINGS.jsonl]";

    private CheckCommand() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command; {@code args} may start with the verb {@code check}. Never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String policyPath = null, inputPath = null, outputPath = null, dbPath = null;
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
                case "--db": dbPath = v; i++; break; // check opens no database, but never writes over it
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
        SafeFiles.Output file = null;
        try {
            // never over the policy, the input, the workspace's database or its audit keys; written whole or not at all
            if (outputPath != null) {
                SafeFiles.protectWorkspace(DatabaseLocation.resolve(dbPath, System.getenv()));
                file = SafeFiles.open(Path.of(outputPath), Path.of(policyPath), "-".equals(inputPath) ? null : Path.of(inputPath));
            }
            os = file == null ? out : file.stream();
        } catch (RuntimeException e) {
            closeQuietly(in);
            err.println("check: cannot write output " + outputPath + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        try (SafeFiles.Output target = file; Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            Writer w = new BufferedWriter(new OutputStreamWriter(outputPath == null ? nonClosing(os) : os, StandardCharsets.UTF_8), 1 << 16);
            boolean bad;
            try {
                bad = process(reader, w, validator, threads);
            } finally {
                w.flush();
            }
            if (target != null) target.commit();
            return bad ? EXIT_BAD_LINES : EXIT_OK;
        } catch (StorageException e) {
            err.println("check: cannot write output " + outputPath + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("check: I/O error: " + e.getMessage());
            return EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("check: interrupted");
            return EXIT_USAGE;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            if (in != System.in) in.close();
        } catch (IOException ignored) {
            // nothing was read from it
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
        StringBuilder b = new StringBuilder(Math.max(256, in * 2 + lines.size() * 160));
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
                more = lr.readBlock(block, BLOCK);
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
            int maxWindow = threads * 4;
            while (true) {
                List<String> block = new ArrayList<>(BLOCK);
                boolean more = lr.readBlock(block, BLOCK);
                if (!block.isEmpty()) window.add(pool.submit(() -> checkBlock(block, validator)));
                while (!window.isEmpty() && (window.size() >= maxWindow || window.peek().isDone() || !more)) {
                    Block r = get(window.poll());
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

        /** Adds up to {@code max} lines; false when the stream has ended (the block may still hold lines). */
        boolean readBlock(List<String> out, int max) throws IOException {
            while (out.size() < max) {
                if (!readLine(out)) return false;
            }
            return true;
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

        private boolean readLine(List<String> out) throws IOException {
            StringBuilder sb = null;
            boolean tooLong = false;
            int length = 0;
            while (true) {
                if (pos >= limit && !fill()) {
                    if (sb == null && length == 0 && !tooLong) return false;
                    out.add(tooLong ? null : sb == null ? "" : sb.toString());
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
                    out.add(tooLong ? null : sb.toString());
                    return true;
                }
            }
        }
    }
}
