package io.byline.store;

import io.byline.domain.AuditEvent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log: append-only, each entry's HMAC-SHA256 covering its content and the previous MAC.
 * Entries are appended inside the transaction of the change they record.
 */
public final class AuditLog {
    /** The MAC the first entry chains from. */
    public static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "seq, at, actor_id, actor_name, type, entity_type, entity_id, details, prev_mac, mac";

    private final AuditKey key;

    public AuditLog(AuditKey key) {
        this.key = key;
    }

    /** Appends an entry in the caller's transaction and returns it. */
    public AuditEvent append(Tx tx, Long actorId, String actorName, String type, String entityType,
                             Object entityId, Map<String, ?> details) {
        String prev = Jdbc.one(tx, "SELECT mac FROM audit_event ORDER BY seq DESC LIMIT 1", rs -> rs.getString(1))
                .orElse(GENESIS);
        long seq = Jdbc.count(tx, "SELECT coalesce(max(seq), 0) FROM audit_event") + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = entityId == null ? null : String.valueOf(entityId);
        String json = Json.object(details);
        String name = actorName == null ? "system" : actorName;
        String mac = mac(seq, at, actorId, name, type, entityType, id, json, prev);
        Jdbc.update(tx, "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, at.toString(), actorId, name, type, entityType, id, json, prev, mac);
        return new AuditEvent(seq, at, actorId, name, type, entityType, id, json, mac);
    }

    /** The result of checking the chain. {@code firstBad} is the sequence number of the first entry that fails, or -1. */
    public record Verification(boolean ok, long entries, long firstBad, String problem, long lastSeq, String lastMac) {}

    /** Checks every entry: sequence without gaps, each linked to the previous MAC, each MAC correct. */
    public Verification verify(Tx tx) {
        return verify(tx, -1, null);
    }

    /**
     * As {@link #verify(Tx)}, and also that the chain reaches a checkpoint taken earlier ({@code checkpointSeq}
     * with {@code checkpointMac}), so entries removed from the end are noticed.
     */
    public Verification verify(Tx tx, long checkpointSeq, String checkpointMac) {
        List<Stored> rows = Jdbc.list(tx, "SELECT " + COLUMNS + " FROM audit_event ORDER BY seq",
                rs -> new Stored(row(rs), rs.getString("prev_mac")));
        List<AuditEvent> all = rows.stream().map(Stored::event).toList();
        String prev = GENESIS;
        long expected = 1;
        for (Stored stored : rows) {
            AuditEvent e = stored.event();
            String storedPrev = stored.prevMac();
            if (e.seq() != expected) {
                return new Verification(false, all.size(), e.seq(), e.seq() > expected
                        ? "entries " + expected + (e.seq() - 1 > expected ? "–" + (e.seq() - 1) : "") + " are missing"
                        : "entry " + e.seq() + " is out of order", e.seq(), e.mac());
            }
            String mac = mac(e.seq(), e.at(), e.actorId(), e.actorName(), e.type(), e.entityType(), e.entityId(), e.details(), storedPrev);
            if (!MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII), e.mac().getBytes(StandardCharsets.US_ASCII))) {
                return new Verification(false, all.size(), e.seq(), "entry " + e.seq() + " was modified or inserted (its MAC does not match)", e.seq(), e.mac());
            }
            if (!storedPrev.equals(prev)) {
                return new Verification(false, all.size(), e.seq(), "entry " + e.seq() + " does not follow entry " + (e.seq() - 1)
                        + " (an entry before it was removed, replaced or reordered)", e.seq(), e.mac());
            }
            prev = e.mac();
            expected++;
        }
        long last = expected - 1;
        if (checkpointSeq > 0) {
            if (last < checkpointSeq) {
                return new Verification(false, all.size(), last + 1, "the log ends at entry " + last + " but the checkpoint records entry "
                        + checkpointSeq + ": entries were removed from the end", last, prev);
            }
            String atCheckpoint = all.get((int) checkpointSeq - 1).mac();
            if (!atCheckpoint.equals(checkpointMac)) {
                return new Verification(false, all.size(), checkpointSeq, "entry " + checkpointSeq + " differs from the checkpoint", last, prev);
            }
        }
        return new Verification(true, all.size(), -1, null, last, prev);
    }

    /** Reads entries, newest first, with optional filters (null means any). */
    public List<AuditEvent> list(Tx tx, Long actorId, String type, String entityType, String entityId,
                                 Instant from, Instant to, int limit) {
        return Jdbc.list(tx, "SELECT " + COLUMNS + " FROM audit_event WHERE (? IS NULL OR actor_id = ?)"
                        + " AND (? IS NULL OR type = ?) AND (? IS NULL OR entity_type = ?) AND (? IS NULL OR entity_id = ?)"
                        + " AND (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?) ORDER BY seq DESC LIMIT ?",
                AuditLog::row, actorId, actorId, type, type, entityType, entityType, entityId, entityId,
                str(from), str(from), str(to), str(to), limit);
    }

    private record Stored(AuditEvent event, String prevMac) {}

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static AuditEvent row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("seq"), Instant.parse(rs.getString("at")), Jdbc.nullableLong(rs, "actor_id"),
                rs.getString("actor_name"), rs.getString("type"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("details"), rs.getString("mac"));
    }

    String mac(long seq, Instant at, Long actorId, String actorName, String type, String entityType,
               String entityId, String details, String prevMac) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (String field : new String[] {Long.toString(seq), at.toString(), actorId == null ? null : actorId.toString(),
                actorName, type, entityType, entityId, details, prevMac}) {
            if (field == null) {
                buf.write(0xFF);
                continue;
            }
            byte[] b = field.getBytes(StandardCharsets.UTF_8);
            buf.write(b.length >>> 24);
            buf.write(b.length >>> 16);
            buf.write(b.length >>> 8);
            buf.write(b.length);
            buf.writeBytes(b);
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(buf.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
