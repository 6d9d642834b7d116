package io.byline.store;

import io.byline.domain.AllowProposal;
import io.byline.domain.PolicyEntry;

import java.util.List;
import java.util.Optional;

/** The stored policy: terms and patterns, allowed phrases, internal domains. */
public interface PolicyRepository {
    /** Active and retired entries when {@code includeRetired}, else active ones only. */
    List<PolicyEntry> entries(Tx tx, boolean includeRetired);

    Optional<PolicyEntry> entry(Tx tx, long id);

    long insert(Tx tx, PolicyEntry entry);

    void update(Tx tx, PolicyEntry entry);

    void setRetired(Tx tx, long id, boolean retired);

    List<String> allowPhrases(Tx tx);

    void replaceAllowPhrases(Tx tx, List<String> phrases);

    List<String> internalDomains(Tx tx);

    void replaceInternalDomains(Tx tx, List<String> domains);

    /**
     * A cheap stamp that changes whenever anything in the policy changes (entries added, edited, retired;
     * allowed phrases or internal domains replaced), so a compiled policy can be cached until it does.
     */
    String changeStamp(Tx tx);

    /** Records a proposal to allow a phrase; returns its id. */
    long insertProposal(Tx tx, AllowProposal proposal);

    /** Proposals, newest first; only pending ones when {@code pendingOnly}. */
    List<AllowProposal> proposals(Tx tx, boolean pendingOnly);

    Optional<AllowProposal> proposal(Tx tx, long id);

    /** Marks a pending proposal applied or declined by the user; false when it was no longer pending. */
    boolean decideProposal(Tx tx, long id, AllowProposal.Status status, long userId, java.time.Instant at);
}
