package io.byline.service;

import io.byline.domain.ApprovalChain;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Role;
import io.byline.domain.ValidationException;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Approval chains: the steps an executive's posts of one capacity need (Byline's default when none was saved), and
 * their replacement by Approvers and Admins, recorded in the audit log. Posts under review follow a new chain from then on.
 */
public final class ChainService {
    private static final int MAX_STEPS = 10;

    private final PostSupport s;

    ChainService(PostSupport support) {
        this.s = support;
    }

    /** Whether the signed-in user may change approval chains (Approver, Admin). */
    public boolean canEditChains() {
        return s.session.holdsAny(Role.APPROVER, Role.ADMIN);
    }

    /** The chain for an executive's accounts of one capacity (Byline's default when none was saved). */
    public ApprovalChain chain(long executiveId, Capacity capacity) {
        s.session.require();
        return s.db.inRead(tx -> {
            Optional<List<ApprovalStep>> saved = s.approvals.chain(tx, executiveId, capacity);
            return new ApprovalChain(executiveId, capacity, saved.orElseGet(() -> ApprovalChain.defaultSteps(capacity)),
                    saved.isEmpty());
        });
    }

    /** Replaces the chain (Approvers and Admins). Posts under review follow the new chain from now on. */
    public ApprovalChain saveChain(long executiveId, Capacity capacity, List<ApprovalStep> steps) {
        s.session.requireAny(Role.APPROVER, Role.ADMIN);
        if (steps == null || steps.isEmpty()) throw new ValidationException("steps", "chains.error.noSteps");
        if (steps.size() > MAX_STEPS) throw new ValidationException("steps", "chains.error.tooManySteps");
        for (ApprovalStep st : steps) {
            if (st.name().isBlank()) throw new ValidationException("steps", "chains.error.stepName");
            if (st.roles().contains(Role.WRITER)) throw new ValidationException("steps", "chains.error.writerCannotSign");
        }
        return s.db.inWrite(tx -> {
            Executive e = s.executives.byId(tx, executiveId)
                    .orElseThrow(() -> new ValidationException("executive", "executives.error.notFound"));
            s.approvals.saveChain(tx, e.id(), capacity, steps, s.now());
            s.audit.record(tx, "chain.update", "executive", e.id(), PostSupport.details("capacity", capacity.name(),
                    "steps", steps.stream().map(st -> st.name() + ": " + new TreeSet<>(st.roles()) + " " + st.rule()).toList()));
            return new ApprovalChain(e.id(), capacity, List.copyOf(steps), false);
        });
    }
}
