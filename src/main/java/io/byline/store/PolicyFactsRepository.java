package io.byline.store;

import io.byline.validation.PolicyFacts;

import java.util.List;

/** The stored facts, do-not-engage accounts and quiet periods of the workspace policy. */
public interface PolicyFactsRepository {
    /**
     * What is stored, row by row checked again: a row that no longer reads as a valid entry (edited outside Byline)
     * is left out and named in {@link Loaded#invalid()}.
     */
    record Loaded(PolicyFacts facts, List<String> invalid) {
        public Loaded {
            invalid = List.copyOf(invalid);
        }
    }

    Loaded load(Tx tx);

    /** Replaces all three parts. */
    void replace(Tx tx, PolicyFacts facts);

    /** Changes whenever {@link #replace} stores anything. */
    String changeStamp(Tx tx);
}
