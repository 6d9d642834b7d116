package io.byline.service;

import io.byline.domain.AllowProposal;
import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.PolicyRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;
import io.byline.store.Tx;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposals to allow a phrase: recorded from the Risks screen by anyone signed in, applied to the allowed phrases
 * (which bumps the policy version) or declined by Legal or Admin; each step recorded in the audit log.
 */
public final class AllowProposalService {

    private final Transactor db;
    private final PolicyRepository policy;
    private final SettingsRepository settings;
    private final PolicyProvider provider;
    private final AuditService audit;
    private final Session session;
    private final Clock clock;

    public AllowProposalService(Transactor db, PolicyRepository policy, SettingsRepository settings, PolicyProvider provider,
                                AuditService audit, Session session, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.settings = settings;
        this.provider = provider;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** Whether the signed-in user may see the proposals (Legal, Approver, Admin: those who manage the policy). */
    public boolean canSeeProposals() {
        return PolicyRules.canManage(session);
    }

    /** Whether the signed-in user may apply or decline proposals to allow a phrase (Legal, Admin). */
    public boolean canDecideProposals() {
        return session.user().map(u -> u.hasAny(Role.LEGAL, Role.ADMIN)).orElse(false);
    }

    /** Proposals, newest first (pending only when asked). Legal, Approver and Admin see them. */
    public List<AllowProposal> proposals(boolean pendingOnly) {
        PolicyRules.requireManager(session);
        return db.inRead(tx -> policy.proposals(tx, pendingOnly));
    }

    /** Records a proposal (made from the Risks screen); any signed-in user may propose. */
    long propose(Tx tx, User user, String phrase, Long postId, String fingerprint, String rule, String category, String reason) {
        long id = policy.insertProposal(tx, new AllowProposal(0, phrase, postId, fingerprint, rule, category, reason,
                user.id(), user.displayName(), clock.instant(), AllowProposal.Status.PENDING, null, null, null));
        audit.record(tx, "policy.allow.propose", "allow_proposal", id, PolicyRules.details("post", postId, "rule", rule,
                "category", category));
        return id;
    }

    /** Adds the proposed phrase to the allowed phrases (Legal or Admin); recorded; bumps the policy version. */
    public void applyProposal(long id) {
        User user = session.requireAny(Role.LEGAL, Role.ADMIN);
        db.inWrite(tx -> {
            AllowProposal p = policy.proposal(tx, id).orElseThrow(() -> new ValidationException("proposal", "policy.error.notFound"));
            if (!p.pending()) throw new ValidationException("proposal", "risks.proposal.error.decided");
            List<String> allow = new ArrayList<>(policy.allowPhrases(tx));
            boolean present = allow.stream().anyMatch(a -> a.equalsIgnoreCase(p.phrase().strip()));
            if (!present) {
                allow.add(p.phrase().strip());
                PolicyRules.validate(policy.entries(tx, false), allow, policy.internalDomains(tx), -1);
                policy.replaceAllowPhrases(tx, allow);
            }
            policy.decideProposal(tx, id, AllowProposal.Status.APPLIED, user.id(), clock.instant());
            long v = present ? PolicyRules.version(settings, tx) : PolicyRules.bump(settings, tx);
            return audit.record(tx, "policy.allow.apply", "allow_proposal", id, PolicyRules.details("post", p.postId(), "version", v));
        });
        provider.invalidate();
    }

    /** Declines a proposal (Legal or Admin); recorded. */
    public void declineProposal(long id) {
        User user = session.requireAny(Role.LEGAL, Role.ADMIN);
        db.inWrite(tx -> {
            AllowProposal p = policy.proposal(tx, id).orElseThrow(() -> new ValidationException("proposal", "policy.error.notFound"));
            if (!policy.decideProposal(tx, id, AllowProposal.Status.DECLINED, user.id(), clock.instant())) {
                throw new ValidationException("proposal", "risks.proposal.error.decided");
            }
            return audit.record(tx, "policy.allow.decline", "allow_proposal", id, PolicyRules.details("post", p.postId()));
        });
    }
}
