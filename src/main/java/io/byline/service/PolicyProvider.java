package io.byline.service;

import io.byline.domain.PolicyEntry;
import io.byline.store.PolicyRepository;
import io.byline.store.Tx;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the checker for the current stored policy and caches it until the policy changes. Whether it changed
 * is asked of the store each time (one cheap query, {@link PolicyRepository#changeStamp}), so an import by the
 * CLI or another editor is seen without a restart; {@link #invalidate()} forces a rebuild.
 */
public final class PolicyProvider {
    /** The policy as stored, handed to the compiler. */
    public record Snapshot(List<PolicyEntry> entries, List<String> allow, List<String> internalDomains, String stamp) {
        public Snapshot {
            entries = List.copyOf(entries);
            allow = List.copyOf(allow);
            internalDomains = List.copyOf(internalDomains);
        }
    }

    private record Cached(String stamp, PostChecker checker) {}

    private final PolicyRepository policy;
    private final Function<Snapshot, PostChecker> compiler;
    private volatile Cached cached;

    public PolicyProvider(PolicyRepository policy, Function<Snapshot, PostChecker> compiler) {
        this.policy = policy;
        this.compiler = compiler;
    }

    /** The checker for the policy as it stands in this transaction. */
    public PostChecker checker(Tx tx) {
        String stamp = policy.changeStamp(tx);
        Cached c = cached;
        if (c != null && c.stamp().equals(stamp)) return c.checker();
        Snapshot snapshot = new Snapshot(policy.entries(tx, false), policy.allowPhrases(tx), policy.internalDomains(tx), stamp);
        PostChecker checker = Objects.requireNonNull(compiler.apply(snapshot), "compiler returned null");
        cached = new Cached(stamp, checker);
        return checker;
    }

    /** The policy as it stands in this transaction (what {@link #checker} compiles). */
    public Snapshot snapshot(Tx tx) {
        return new Snapshot(policy.entries(tx, false), policy.allowPhrases(tx), policy.internalDomains(tx), policy.changeStamp(tx));
    }

    /**
     * Compiles a policy that is not (yet) stored with the same compiler as the stored one, so the test bench compares
     * like with like. Pure; call it off the FX thread.
     */
    public PostChecker compile(Snapshot snapshot) {
        return Objects.requireNonNull(compiler.apply(snapshot), "compiler returned null");
    }

    /** Drops the cached checker; the next {@link #checker} rebuilds it. */
    public void invalidate() {
        cached = null;
    }
}
