package io.byline.service;

import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.domain.Role;
import io.byline.store.AuditExport;
import io.byline.store.AuditLog;
import io.byline.store.Transactor;
import io.byline.store.Tx;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes audit entries inside the caller's transaction and answers questions about the log. Every
 * service records its changes through {@link #record}, in the same transaction as the change.
 */
public final class AuditService {
    private final Transactor db;
    private final AuditLog log;
    private final Session session;
    private final Path liveDb;

    public AuditService(Transactor db, AuditLog log, Session session) {
        this(db, log, session, null);
    }

    /** {@code liveDb}: the open database file, which exports refuse to overwrite. */
    public AuditService(Transactor db, AuditLog log, Session session, Path liveDb) {
        this.db = db;
        this.log = log;
        this.session = session;
        this.liveDb = liveDb;
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

    /** Checks the whole chain and that it still reaches a checkpoint saved earlier (so truncation is found). */
    public AuditLog.Verification verify(long checkpointSeq, String checkpointMac) {
        return db.inRead(tx -> log.verify(tx, checkpointSeq, checkpointMac));
    }

    /** Entries newest first; for Legal, Approver and Admin users (the log names confidential work). */
    public List<AuditEvent> list(Long actorId, String type, String entityType, String entityId, Instant from, Instant to, int limit) {
        return list(new AuditFilter(actorId, type, entityType, entityId, from, to), limit);
    }

    /** Entries matching the filter (user, event type or prefix {@code post.*}, entity, period), newest first. */
    public List<AuditEvent> list(AuditFilter filter, int limit) {
        requireReader();
        return db.inRead(tx -> log.list(tx, filter, limit));
    }

    /** How many entries match the filter (for "showing 200 of 5,310"). */
    public long count(AuditFilter filter) {
        requireReader();
        return db.inRead(tx -> log.count(tx, filter));
    }

    /** The id of a user by user name, for filters typed on the command line. */
    public Optional<Long> actorIdFor(String username) {
        return db.inRead(tx -> log.actorIdFor(tx, username));
    }

    /**
     * Exports the matching entries, oldest first, with their MACs, to {@code file} (written to a temporary name, then
     * moved into place). The export is itself recorded, in the same transaction, so it appears in the export when the
     * filter matches it. Returns how many entries were written.
     */
    public long export(Path file, ExportFormat format, AuditFilter filter) {
        requireReader();
        return db.inWrite(tx -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", file.getFileName().toString());
            details.put("format", format.name());
            details.put("filter", describe(filter));
            record(tx, "audit.export", "audit", null, details);
            return AuditExport.write(tx, log, filter, format, file, liveDb);
        });
    }

    private void requireReader() {
        if (session.user().isPresent()) session.requireAny(Role.LEGAL, Role.APPROVER, Role.ADMIN);
    }

    private static Map<String, Object> describe(AuditFilter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f.actorId() != null) m.put("actorId", f.actorId());
        if (f.type() != null) m.put("type", f.type());
        if (f.entityType() != null) m.put("entityType", f.entityType());
        if (f.entityId() != null) m.put("entityId", f.entityId());
        if (f.from() != null) m.put("from", f.from().toString());
        if (f.to() != null) m.put("to", f.to().toString());
        return m;
    }
}
