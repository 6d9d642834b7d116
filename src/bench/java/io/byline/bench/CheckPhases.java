package io.byline.bench;

import io.byline.store.json.CheckJsonl;
import io.byline.store.json.PolicyJson;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.PostCheck;
import io.byline.validation.PostInput;
import io.byline.validation.ValidationResult;
import io.byline.validation.Validator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-rule cost of {@code check} in one thread, in CPU time (which a busy machine disturbs less than wall time):
 * reads a policy and a JSON-lines file of posts, then, for a few rounds, runs each rule alone over every post, all
 * rules together, and the JSON writing. Rounds after the first are the steady state (the JIT has done its work).
 * <pre>java -cp target/benchmarks.jar io.byline.bench.CheckPhases POLICY.json POSTS.jsonl [ROUNDS]</pre>
 * (docs/batch-check.md, "Where the time goes").
 */
public final class CheckPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CheckPhases() {}

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long t = cpu();
        CompiledPolicy policy = PolicyJson.read(Path.of(args[0]));
        System.out.printf("policy read and compiled: %.2f s CPU%n", (cpu() - t) / 1e9);
        t = cpu();
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        System.out.printf("lines read: %.2f s CPU%n", (cpu() - t) / 1e9);
        t = cpu();
        List<PostInput> posts = new ArrayList<>(lines.size());
        for (String l : lines) {
            CheckJsonl.Line parsed = CheckJsonl.parse(l);
            if (parsed.ok()) posts.add(parsed.input());
        }
        System.out.printf("lines parsed: %.2f s CPU (%d posts)%n", (cpu() - t) / 1e9, posts.size());
        for (int round = 1; round <= rounds; round++) {
            for (PostCheck c : Validator.defaultChecks()) {
                Validator v = new Validator(policy, List.of(c));
                long s = cpu();
                int findings = 0;
                for (PostInput p : posts) findings += v.validate(p).findings().size();
                System.out.printf("round %d  %-14s %.2f s CPU, %d findings%n", round, c.id(), (cpu() - s) / 1e9, findings);
            }
            Validator all = new Validator(policy);
            long s = cpu();
            List<ValidationResult> results = new ArrayList<>(posts.size());
            for (PostInput p : posts) results.add(all.validate(p));
            long s2 = cpu();
            StringBuilder b = new StringBuilder(1 << 16);
            long chars = 0;
            for (int i = 0; i < results.size(); i++) {
                b.setLength(0);
                CheckJsonl.appendResult(b, "p" + i, results.get(i));
                chars += b.length();
            }
            System.out.printf("round %d  all rules      %.2f s CPU; JSON writing %.2f s CPU (%d chars)%n", round,
                    (s2 - s) / 1e9, (cpu() - s2) / 1e9, chars);
        }
    }
}
