package io.byline.bench;

import io.byline.domain.Platform;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.ConfidentialTermCheck;
import io.byline.validation.PostInput;
import io.byline.validation.ValidationResult;
import io.byline.validation.Validator;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Live-typing cost with a generated 50,000-term policy, side by side: the full pipeline (also with 1,000 facts,
 * 200 do-not-engage accounts and 4 quiet periods, on posts carrying figures), the lexicon stage alone,
 * a naive {@code indexOf} loop over the lower-cased text, and {@code org.ahocorasick} whole-word, case-insensitive
 * matching. SampleTime mode, so the output has p99.
 *
 * <pre>java -jar target/benchmarks.jar PipelineBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PipelineBenchmark {
    @Param({"280", "3000"})
    public int length;

    @Param({"50000"})
    public int terms;

    private Validator full;
    private Validator lexicon;
    private Validator withFacts;
    private PostInput[] figurePosts;
    private List<String> lowerTerms;
    private Trie trie;
    private PostInput[] posts;
    private String[] lowerPosts;
    private int next;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        List<String> ts = BenchData.terms(terms, 1);
        CompiledPolicy policy = CompiledPolicy.compile(BenchData.policy(ts));
        full = new Validator(policy);
        lexicon = new Validator(policy, List.of(new ConfidentialTermCheck()));
        withFacts = new Validator(CompiledPolicy.compile(BenchData.policy(ts).withFacts(BenchData.facts(1000, new Random(3)))));
        lowerTerms = new ArrayList<>(ts.size());
        for (String t : ts) lowerTerms.add(t.toLowerCase(Locale.ROOT));
        trie = Trie.builder().ignoreCase().onlyWholeWords().addKeywords(ts).build();
        Random r = new Random(2);
        posts = new PostInput[64];
        lowerPosts = new String[posts.length];
        for (int i = 0; i < posts.length; i++) {
            String text = BenchData.post(r, ts, length);
            posts[i] = new PostInput(text, length <= 280 ? Platform.X : Platform.LINKEDIN, Instant.parse("2026-12-10T09:00:00Z"));
            lowerPosts[i] = text.toLowerCase(Locale.ROOT);
        }
        figurePosts = new PostInput[posts.length];
        for (int i = 0; i < posts.length; i++) {
            figurePosts[i] = new PostInput(BenchData.figurePost(r, ts, length), posts[i].platform(), posts[i].publishAt());
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (posts.length - 1);
        return i;
    }

    @Benchmark
    public ValidationResult fullPipeline() {
        return full.validate(posts[nextIndex()]);
    }

    /** The full pipeline with 1,000 facts, 200 do-not-engage accounts and 4 quiet periods, on posts with figures. */
    @Benchmark
    public ValidationResult fullPipelineWithFacts() {
        return withFacts.validate(figurePosts[nextIndex()]);
    }

    /** The same posts with figures through the pipeline of words only (what the facts add is the difference). */
    @Benchmark
    public ValidationResult fullPipelineFigurePosts() {
        return full.validate(figurePosts[nextIndex()]);
    }

    @Benchmark
    public ValidationResult lexiconStage() {
        return lexicon.validate(posts[nextIndex()]);
    }

    @Benchmark
    public int naiveIndexOf() {
        String text = lowerPosts[nextIndex()];
        int hits = 0;
        for (String t : lowerTerms) {
            for (int at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) hits++;
        }
        return hits;
    }

    @Benchmark
    public Collection<Emit> ahoCorasickLibrary() {
        return trie.parseText(posts[nextIndex()].text());
    }
}
