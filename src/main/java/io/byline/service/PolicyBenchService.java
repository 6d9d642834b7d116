package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.RuleIds;
import io.byline.store.ExecutiveRepository;
import io.byline.store.PostRepository;
import io.byline.store.Transactor;
import io.byline.validation.GuardedRegex;
import io.byline.validation.PolicyReason;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The test bench of the policy editor: a regex tried on sample text, and a policy change run over the posts in the
 * queue and the archive to count what it would newly flag or stop flagging. Reads only; Legal, Approver or Admin.
 */
public final class PolicyBenchService {
    /** Most examples the test bench returns per direction. */
    public static final int BENCH_EXAMPLES = 5;

    /**
     * The outcome of trying a regex on sample text: the match spans, or why the pattern cannot be used.
     *
     * @param errorKey   bundle key of the problem ({@code policy.error.*}), or null when the pattern is usable
     * @param detail     the technical detail in English (e.g. the regex syntax error), or null
     * @param detailKey  bundle key of the detail, or null when it is known only in English
     * @param detailArgs the arguments of {@code detailKey}
     */
    public record PatternTest(String errorKey, String detail, List<int[]> matches, String detailKey, List<Object> detailArgs) {
        public PatternTest {
            matches = List.copyOf(matches);
            detailArgs = detailArgs == null ? List.of() : List.copyOf(detailArgs);
        }

        public PatternTest(String errorKey, String detail, List<int[]> matches) {
            this(errorKey, detail, matches, null, List.of());
        }

        public boolean ok() {
            return errorKey == null;
        }
    }

    /**
     * A post the change affects.
     *
     * @param published whether it is in the archive (published) rather than the queue
     * @param snippet   the text around the first finding that appears or disappears
     */
    public record BenchExample(long postId, String executive, Platform platform, boolean published, String snippet,
                               String category) {}

    /** How many posts a change would newly flag or stop flagging, in the queue and the archive, with examples. */
    public record BenchResult(int postsChecked, int queueNewlyFlagged, int queueCleared, int archiveNewlyFlagged,
                              int archiveCleared, List<BenchExample> newlyFlagged, List<BenchExample> cleared,
                              boolean cancelled) {
        public BenchResult {
            newlyFlagged = List.copyOf(newlyFlagged);
            cleared = List.copyOf(cleared);
        }

        public boolean noEffect() {
            return queueNewlyFlagged + queueCleared + archiveNewlyFlagged + archiveCleared == 0;
        }
    }

    private final Transactor db;
    private final PostRepository posts;
    private final ExecutiveRepository executives;
    private final PolicyProvider provider;
    private final Session session;
    private final Clock clock;

    public PolicyBenchService(Transactor db, PostRepository posts, ExecutiveRepository executives, PolicyProvider provider,
                              Session session, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.executives = executives;
        this.provider = provider;
        this.session = session;
        this.clock = clock;
    }

    // ---- the pattern tester -------------------------------------------------------------------------------------

    /**
     * Compiles the regex as the policy would (probing it for catastrophic backtracking) and finds its matches in
     * the sample under the run-time step guard. Never hangs; call it off the FX thread.
     */
    public PatternTest testPattern(String regex, String sample) {
        PolicyRules.requireManager(session);
        GuardedRegex g;
        try {
            g = GuardedRegex.compile(regex == null ? "" : regex);
        } catch (GuardedRegex.Refused e) {
            PolicyReason why = e.reason();
            return new PatternTest(PolicyRules.patternKey(why), why.english(), List.of(), why.key(), why.args());
        }
        String text = sample == null ? "" : sample;
        if (text.length() > 20_000) text = text.substring(0, 20_000);
        try {
            return new PatternTest(null, null, g.findAll(text));
        } catch (GuardedRegex.StepLimitExceeded | StackOverflowError e) {
            return new PatternTest("policy.error.catastrophic", "step limit exceeded on the sample", List.of());
        }
    }

    // ---- test bench ---------------------------------------------------------------------------------------------

    private record BenchPost(Post post, String executive, List<Account> targets, PostVersion version) {}

    /**
     * Runs the stored and the candidate policy over every post in the queue (not final) and in the archive
     * (published) and counts the posts the change would newly flag or stop flagging, with examples. Checks run
     * outside any transaction; {@code cancelled} is polled between posts.
     */
    public BenchResult testBench(PolicyService.Candidate candidate, PolicyService.Progress progress, BooleanSupplier cancelled) {
        PolicyRules.requireManager(session);
        PostChecker before = provider.compile(candidate.before());
        PostChecker after = provider.compile(candidate.after());
        Instant now = clock.instant();
        List<BenchPost> all = db.inRead(tx -> {
            Set<PostState> states = EnumSet.allOf(PostState.class);
            states.removeAll(EnumSet.of(PostState.REJECTED, PostState.WITHDRAWN));
            Map<Long, String> names = new HashMap<>();
            List<BenchPost> out = new ArrayList<>();
            for (Post p : posts.posts(tx, states)) {
                if (p.currentVersionId() == null) continue;
                PostVersion v = posts.version(tx, p.currentVersionId()).orElse(null);
                if (v == null) continue;
                List<Account> targets = new ArrayList<>();
                for (Long id : posts.targets(tx, p.id())) executives.account(tx, id).ifPresent(targets::add);
                String name = names.computeIfAbsent(p.executiveId(), id -> executives.byId(tx, id).map(Executive::name).orElse(""));
                out.add(new BenchPost(p, name, targets, v));
            }
            return out;
        });
        int qNew = 0, qClear = 0, aNew = 0, aClear = 0, done = 0;
        List<BenchExample> newly = new ArrayList<>();
        List<BenchExample> cleared = new ArrayList<>();
        for (BenchPost bp : all) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                return new BenchResult(done, qNew, qClear, aNew, aClear, newly, cleared, true);
            }
            boolean published = bp.post().state() == PostState.PUBLISHED;
            Instant at = published || !bp.post().publishAt().isBefore(now) ? bp.post().publishAt() : now;
            BenchExample gained = null;
            BenchExample lost = null;
            Set<Platform> seen = EnumSet.noneOf(Platform.class);
            for (Account a : bp.targets()) {
                if (!seen.add(a.platform())) continue;
                String text = bp.version().textFor(a.platform());
                Map<String, Finding> old = keyed(before.check(text, a.platform(), at, a));
                Map<String, Finding> fresh = keyed(after.check(text, a.platform(), at, a));
                if (gained == null) {
                    for (var e : fresh.entrySet()) {
                        if (!old.containsKey(e.getKey())) {
                            gained = example(bp, a.platform(), published, text, e.getValue());
                            break;
                        }
                    }
                }
                if (lost == null) {
                    for (var e : old.entrySet()) {
                        if (!fresh.containsKey(e.getKey())) {
                            lost = example(bp, a.platform(), published, text, e.getValue());
                            break;
                        }
                    }
                }
            }
            if (gained != null) {
                if (published) aNew++; else qNew++;
                if (newly.size() < BENCH_EXAMPLES) newly.add(gained);
            }
            if (lost != null) {
                if (published) aClear++; else qClear++;
                if (cleared.size() < BENCH_EXAMPLES) cleared.add(lost);
            }
            done++;
            if (progress != null) progress.update(done, all.size());
        }
        return new BenchResult(done, qNew, qClear, aNew, aClear, newly, cleared, false);
    }

    private static Map<String, Finding> keyed(List<Finding> findings) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.rule().equals(RuleIds.LENGTH)) continue; // the policy does not change lengths
            out.putIfAbsent(f.rule() + "|" + f.start() + "|" + f.end() + "|" + f.severity() + "|" + f.category(), f);
        }
        return out;
    }

    private static BenchExample example(BenchPost bp, Platform p, boolean published, String text, Finding f) {
        return new BenchExample(bp.post().id(), bp.executive(), p, published, snippet(text, f.start(), f.end(), 40), f.category());
    }

    /** The text around a span, on one line, with ellipses where it was cut. */
    public static String snippet(String text, int start, int end, int around) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        int from = Math.max(0, s - around);
        int to = Math.min(text.length(), e + around);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from--;
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) to++;
        String out = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
        return out.replaceAll("\\s+", " ");
    }
}
