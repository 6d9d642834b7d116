package io.byline.service;

import io.byline.domain.PolicyEntry;
import io.byline.store.PolicyFactsRepository;
import io.byline.store.PolicyRepository;
import io.byline.store.Tx;
import io.byline.validation.PolicyFacts;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the checker for the current stored policy and caches it until the policy changes. Whether it changed
 * is asked of the store each time (one cheap query, {@link PolicyRepository#changeStamp}), so an import by the
 * CLI or another editor is seen without a restart; {@link #invalidate()} forces a rebuild.
 */
public final class PolicyProvider {
    /**
     * The policy as stored, handed to the compiler.
     *
     * @param facts        facts, do-not-engage accounts, quiet periods
     * @param invalidFacts stored rows of those that no longer read as valid (named by the checker, which fails closed)
     */
    public record Snapshot(List<PolicyEntry> entries, List<String> allow, List<String> internalDomains, String stamp,
                           PolicyFacts facts, List<String> invalidFacts) {
        public Snapshot {
            entries = List.copyOf(entries);
            allow = List.copyOf(allow);
            internalDomains = List.copyOf(internalDomains);
            facts = facts == null ? PolicyFacts.empty() : facts;
            invalidFacts = invalidFacts == null ? List.of() : List.copyOf(invalidFacts);
        }

        /** A policy of words only. */
        public Snapshot(List<PolicyEntry> entries, List<String> allow, List<String> internalDomains, String stamp) {
            this(entries, allow, internalDomains, stamp, null, null);
        }

        /** This snapshot with other terms and lists, the same facts. */
        public Snapshot withWords(List<PolicyEntry> entries, List<String> allow, List<String> internalDomains, String stamp) {
            return new Snapshot(entries, allow, internalDomains, stamp, facts, invalidFacts);
        }

        /** This snapshot with other facts, do-not-engage accounts and quiet periods. */
        public Snapshot withFacts(PolicyFacts facts, String stamp) {
            return new Snapshot(entries, allow, internalDomains, stamp, facts, invalidFacts);
        }
    }

    private record Cached(String stamp, PostChecker checker) {}

    private final PolicyRepository policy;
    private final PolicyFactsRepository facts;
    private final Function<Snapshot, PostChecker> compiler;
    private volatile Cached cached;

    public PolicyProvider(PolicyRepository policy, Function<Snapshot, PostChecker> compiler) {
        this(policy, null, compiler);
    }

    /** @param facts the stored facts, do-not-engage accounts and quiet periods, or null for none */
    public PolicyProvider(PolicyRepository policy, PolicyFactsRepository facts, Function<Snapshot, PostChecker> compiler) {
        this.policy = policy;
        this.facts = facts;
        this.compiler = compiler;
    }

    private String stamp(Tx tx) {
        String s = policy.changeStamp(tx);
        return facts == null ? s : s + "|facts:" + facts.changeStamp(tx);
    }

    private Snapshot read(Tx tx, String stamp) {
        PolicyFactsRepository.Loaded loaded = facts == null ? null : facts.load(tx);
        return new Snapshot(policy.entries(tx, false), policy.allowPhrases(tx), policy.internalDomains(tx), stamp,
                loaded == null ? null : loaded.facts(), loaded == null ? null : loaded.invalid());
    }

    /** The checker for the policy as it stands in this transaction. */
    public PostChecker checker(Tx tx) {
        String stamp = stamp(tx);
        Cached c = cached;
        if (c != null && c.stamp().equals(stamp)) return c.checker();
        Snapshot snapshot = read(tx, stamp);
        PostChecker checker = Objects.requireNonNull(compiler.apply(snapshot), "compiler returned null");
        cached = new Cached(stamp, checker);
        return checker;
    }

    /** The policy as it stands in this transaction (what {@link #checker} compiles). */
    public Snapshot snapshot(Tx tx) {
        return read(tx, stamp(tx));
    }

    /**
     * Compiles a policy that is not (yet) stored with the same compiler as the stored one, so the test bench compares
     * like with like. Pure; call it off the FX thread.
     */
    public PostChecker compile(Snapshot snapshot) {
        return Objects.requireNonNull(compiler.apply(snapshot), "compiler returned null");
    }

    /** The stored facts, do-not-engage accounts and quiet periods (the rows that still read as valid). */
    public PolicyFacts facts(Tx tx) {
        return facts == null ? PolicyFacts.empty() : facts.load(tx).facts();
    }

    /** Drops the cached checker; the next {@link #checker} rebuilds it. */
    public void invalidate() {
        cached = null;
    }
}
