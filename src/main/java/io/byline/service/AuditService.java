package io.byline.service;

import io.byline.domain.AuditEvent;
import io.byline.domain.Role;
import io.byline.store.AuditLog;
import io.byline.store.Transactor;
import io.byline.store.Tx;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes audit entries inside the caller's transaction and answers questions about the log. Every
 * service records its changes through {@link #record}, in the same transaction as the change.
 */
public final class AuditService {
    private final Transactor db;
    private final AuditLog log;
    private final Session session;

    public AuditService(Transactor db, AuditLog log, Session session) {
        this.db = db;
        this.log = log;
        this.session = session;
    }

    /** Records an event by the signed-in user (or the system) in the caller's transaction. */
    public AuditEvent record(Tx tx, String type, String entityType, Object entityId, Map<String, ?> details) {
        return log.append(tx, session.actorId(), session.actorName(), type, entityType, entityId, details);
    }

    /** Records an event with an explicit actor (e.g. a failed sign-in, where nobody is signed in yet). */
    public AuditEvent recordAs(Tx tx, Long actorId, String actorName, String type, String entityType, Object entityId,
                               Map<String, ?> details) {
        return log.append(tx, actorId, actorName, type, entityType, entityId, details);
    }

    /** Checks the whole chain. Anyone may verify; headless commands run as the system. */
    public AuditLog.Verification verify() {
        return db.inRead(log::verify);
    }

    public AuditLog.Verification verify(long checkpointSeq, String checkpointMac) {
        return db.inRead(tx -> log.verify(tx, checkpointSeq, checkpointMac));
    }

    /** Entries newest first; for Legal, Approver and Admin users (the log names confidential work). */
    public List<AuditEvent> list(Long actorId, String type, String entityType, String entityId, Instant from, Instant to, int limit) {
        if (session.user().isPresent()) session.requireAny(Role.LEGAL, Role.APPROVER, Role.ADMIN);
        return db.inRead(tx -> log.list(tx, actorId, type, entityType, entityId, from, to, limit));
    }
}
