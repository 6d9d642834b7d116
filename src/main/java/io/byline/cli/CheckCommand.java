package io.byline.cli;

import io.byline.domain.StorageException;
import io.byline.store.DatabaseLocation;
import io.byline.store.SafeFiles;
import io.byline.store.json.PolicyJson;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.PolicyException;
import io.byline.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code check --policy POLICY.json --input POSTS.jsonl [--output FINDINGS.jsonl]}: checks every post of a JSON
 * Lines file and writes one output line per input line, in order (stdout unless {@code --output}). A malformed
 * line gives an error object for that line and the run goes on. Exit status: 0 when every line was checked, 1 when
 * any line was malformed, 2 on a bad policy, bad arguments or unreadable input.
 *
 * <p>The policy is compiled once; {@link CheckPipeline} does the batch, in bounded memory.
 */
public final class CheckCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_LINES = 1;
    public static final int EXIT_USAGE = 2;

    /** Longest input line accepted, in bytes; longer lines are reported as errors and skipped. */
    public static final int MAX_LINE = CheckPipeline.MAX_LINE;

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
        CheckTrace trace = CheckTrace.start(err);
        CompiledPolicy policy;
        try {
            policy = PolicyJson.read(Paths.get(policyPath));
            trace.phase("policy read and compiled");
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
        try (SafeFiles.Output target = file; InputStream input = in) {
            boolean bad;
            try {
                bad = CheckPipeline.run(input, os, validator, threads);
            } finally {
                os.flush();
            }
            if (target != null) target.commit();
            trace.phase("posts read, checked and written");
            trace.end();
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
}
