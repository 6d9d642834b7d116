package io.byline.service;

import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.domain.Role;
import io.byline.store.AuditExport;
import io.byline.store.AuditLog;
import io.byline.store.SafeFiles;
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

    /** Checks the whole chain and that it still reaches a checkpoint saved earlier (so truncation is found). */
    public AuditLog.Verification verify(long checkpointSeq, String checkpointMac) {
        return db.inRead(tx -> log.verify(tx, checkpointSeq, checkpointMac));
    }

    /** How far a check has come; may throw (e.g. {@code CancellationException}) to stop it. */
    @FunctionalInterface
    public interface Progress {
        void checked(long done, long total);
    }

    /**
     * The outcome of a check of the chain, for the UI.
     *
     * @param firstBad the first entry that fails (for a deletion, the first missing number), or -1
     * @param kind     what was found ({@code MODIFIED}, {@code INSERTED}, {@code DELETED}, {@code REORDERED},
     *                 {@code TRUNCATED}, {@code REPLACED}), or null when the chain holds
     * @param problem  the verifier's own English description, or null
     */
    public record Check(boolean ok, long entries, long lastSeq, long firstBad, String kind, String problem) {}

    /** Checks the whole chain with progress; Legal, Approver and Admin users (or a headless command) may. */
    public Check check(Progress progress) {
        requireReader();
        AuditLog.Verification v = db.inRead(tx -> log.verify(tx, -1, null, progress::checked));
        return new Check(v.ok(), v.entries(), v.lastSeq(), v.firstBad(), v.kind() == null ? null : v.kind().name(), v.problem());
    }

    /** An entry's details as plain values (maps, lists, text, booleans), for display. */
    public static Map<String, Object> details(AuditEvent e) {
        return AuditLog.parseDetails(e.details());
    }

    /** The users who appear in the log (id and the name they had), for filters. */
    public List<Actor> actors() {
        requireReader();
        return db.inRead(tx -> log.actors(tx)).stream().map(a -> new Actor(a.id(), a.name())).toList();
    }

    /** A user who acted, as the log names them. */
    public record Actor(long id, String name) {}

    /** The event types that occur in the log, sorted. */
    public List<String> eventTypes() {
        requireReader();
        return db.inRead(log::types);
    }

    /**
     * Writes a checkpoint (workspace, last sequence number and MAC) to {@code file}, to keep outside the workspace so
     * truncation of the log can be found later ({@code verify-audit --checkpoint FILE}). Returns the checkpoint.
     */
    public Checkpoint writeCheckpoint(Path file, String workspaceId) {
        requireReader();
        return db.inWrite(tx -> {
            AuditLog.Verification v = log.verify(tx);
            if (!v.ok()) {
                throw new io.byline.domain.StorageException(io.byline.domain.StorageException.Kind.FAILED,
                        "The audit log does not verify (" + v.problem() + "), so no checkpoint was written.");
            }
            Checkpoint cp = new Checkpoint(workspaceId, v.lastSeq(), v.lastMac(), v.ok());
            SafeFiles.writeText(file, out -> {
                out.write("# Byline audit checkpoint: keep this file outside the workspace\nworkspace=" + workspaceId
                        + "\nseq=" + cp.seq() + "\nmac=" + cp.mac() + "\n");
                return null;
            });
            record(tx, "audit.checkpoint", "audit", null, Map.of("file", file.getFileName().toString(), "seq", cp.seq()));
            return cp;
        });
    }

    /** A checkpoint of the log: its last entry when it was taken, and whether the chain verified then. */
    public record Checkpoint(String workspaceId, long seq, String mac, boolean verified) {}

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
            return AuditExport.write(tx, log, filter, format, file);
        });
    }

    private void requireReader() {
        session.requireAnyUnlessHeadless(Role.LEGAL, Role.APPROVER, Role.ADMIN);
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
