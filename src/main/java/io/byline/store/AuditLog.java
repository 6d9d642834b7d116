package io.byline.store;

import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log: append-only, each entry's HMAC-SHA256 covering its content and the previous MAC.
 * Entries are appended inside the transaction of the change they record.
 *
 * <p>What the chain proves: an entry that was modified, inserted, moved or deleted <em>before</em> the last entry is
 * found by {@link #verify}. Entries deleted from the <em>end</em> leave a shorter chain that is itself valid: that is
 * what a checkpoint kept elsewhere (last sequence and MAC) is for.
 */
public final class AuditLog {
    /** The MAC the first entry chains from. */
    public static final String GENESIS = "0".repeat(64);
    /** The workspace setting holding a fingerprint of the audit key, so a wrong key is told apart from tampering. */
    static final String KEY_CHECK = "audit.key.check";
    private static final String COLUMNS = "seq, at, actor_id, actor_name, type, entity_type, entity_id, details, prev_mac, mac";

    private final AuditKey key;

    public AuditLog(AuditKey key) {
        this.key = key;
    }

    /**
     * The log of a workspace, with its key from {@code keysDir}. A new workspace gets a new key. An existing log whose
     * key is missing, or a key that is not the one the log was written with, is refused with a message saying what to
     * do: appending with another key would break the chain for good.
     */
    public static AuditLog forWorkspace(Transactor db, Path keysDir, String workspaceId) {
        SettingsRepository settings = new SettingsRepository();
        long entries = db.inRead(tx -> Jdbc.count(tx, "SELECT count(*) FROM audit_event"));
        Path keyFile = AuditKey.keyFile(keysDir, workspaceId);
        Optional<AuditKey> existing = AuditKey.load(keysDir, workspaceId);
        if (existing.isEmpty() && entries > 0) {
            throw new StorageException(Kind.FAILED, "The audit key of this workspace is missing: Byline expected it at "
                    + keyFile + ". Without it the audit log can be neither checked nor continued. Copy the file keys/"
                    + workspaceId + ".key from the Byline home where this database was created (or point BYLINE_HOME at"
                    + " that home), then start Byline again. Nothing was changed.");
        }
        AuditLog log = new AuditLog(existing.orElseGet(() -> AuditKey.loadOrCreate(keysDir, workspaceId)));
        String check = log.keyCheck();
        Optional<String> stored = db.inRead(tx -> settings.get(tx, KEY_CHECK));
        if (stored.isPresent() && !MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
                check.getBytes(StandardCharsets.US_ASCII))) {
            throw new StorageException(Kind.FAILED, "The audit key " + keyFile + " is not the key this workspace's audit"
                    + " log was written with. Put back this workspace's own key file (from the Byline home where the"
                    + " database was created, or a backup of it), then start Byline again. Nothing was changed.");
        }
        if (stored.isEmpty()) {
            // A log written before fingerprints were kept: adopt the key only if it is the one that wrote entry 1.
            db.inWrite(tx -> {
                boolean firstOk = Jdbc.one(tx, "SELECT " + COLUMNS + " FROM audit_event WHERE seq = 1", AuditLog::raw)
                        .map(r -> log.macMatches(log.hmac(), r, r.seq(), r.prevMac())).orElse(true);
                if (firstOk) settings.put(tx, KEY_CHECK, check);
                return null;
            });
        }
        return log;
    }

    /** A fingerprint of the key: an HMAC of a fixed text. It reveals nothing about the key. */
    String keyCheck() {
        return HexFormat.of().formatHex(hmac().doFinal("byline audit key check v1".getBytes(StandardCharsets.US_ASCII)));
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
        String mac = mac(hmac(), seq, at.toString(), actorId, name, type, entityType, id, json, prev);
        Jdbc.update(tx, "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, at, actorId, name, type, entityType, id, json, prev, mac);
        return new AuditEvent(seq, at, actorId, name, type, entityType, id, json, mac);
    }

    /** What is wrong with the log, when it does not verify. */
    public enum Problem {
        /** An entry's content or MAC was changed (or an entry was forged in its place). */
        MODIFIED,
        /** An entry was added between genuine entries. */
        INSERTED,
        /** Entries are missing before the last entry (with or without the later ones renumbered). */
        DELETED,
        /** Genuine entries are in the wrong places. */
        REORDERED,
        /** Entries are missing at the end: the log is shorter than a checkpoint says. */
        TRUNCATED,
        /** The chain differs from a checkpoint or forks: a genuine entry was replaced by one from another copy. */
        REPLACED
    }

    /**
     * The result of checking the chain. {@code firstBad} is the sequence number of the first entry that fails (for a
     * deletion, the first missing number), or -1; {@code kind} says what was found, null when the log verifies.
     */
    public record Verification(boolean ok, long entries, long firstBad, String problem, long lastSeq, String lastMac,
                               Problem kind) {}

    /** Checks every entry: sequence without gaps, each linked to the previous MAC, each MAC correct. */
    public Verification verify(Tx tx) {
        return verify(tx, -1, null);
    }

    /**
     * As {@link #verify(Tx)}, and also that the chain reaches a checkpoint taken earlier ({@code checkpointSeq}
     * with {@code checkpointMac}), so entries removed from the end are noticed.
     */
    public Verification verify(Tx tx, long checkpointSeq, String checkpointMac) {
        return verify(tx, checkpointSeq, checkpointMac, (done, total) -> { });
    }

    /** How far a check has come; may throw (e.g. {@code CancellationException}) to stop it. */
    @FunctionalInterface
    public interface Progress {
        void checked(long done, long total);
    }

    /** As {@link #verify(Tx, long, String)}, reporting progress every few hundred entries. */
    public Verification verify(Tx tx, long checkpointSeq, String checkpointMac, Progress progress) {
        long total = Jdbc.count(tx, "SELECT count(*) FROM audit_event");
        // a tampered sequence number may be huge: the search for an entry's genuine number is bounded by the number of
        // entries, so a check takes time in proportion to the log, whatever the table holds
        long maxSeq = Math.min(Jdbc.count(tx, "SELECT coalesce(max(seq), 0) FROM audit_event"), 2 * total + 16);
        Verifier v = new Verifier(hmac(), maxSeq, checkpointSeq);
        long[] seen = {0};
        progress.checked(0, total);
        forEachRaw(tx, "SELECT " + COLUMNS + " FROM audit_event ORDER BY seq", List.of(), r -> {
            if (++seen[0] % 500 == 0) progress.checked(seen[0], total);
            return v.accept(r);
        });
        progress.checked(total, total);
        Verification result = v.finish();
        if (!result.ok() || checkpointSeq <= 0) return result;
        if (result.lastSeq() < checkpointSeq) {
            long missingFrom = result.lastSeq() + 1;
            return new Verification(false, result.entries(), missingFrom, "the log ends at entry " + result.lastSeq()
                    + " but the checkpoint records entry " + checkpointSeq + ": entr" + (missingFrom == checkpointSeq
                    ? "y " + missingFrom + " was" : "ies " + missingFrom + "–" + checkpointSeq + " were") + " deleted from the end",
                    result.lastSeq(), result.lastMac(), Problem.TRUNCATED);
        }
        if (checkpointMac == null || !checkpointMac.equals(v.checkpointMac())) {
            return new Verification(false, result.entries(), checkpointSeq, "entry " + checkpointSeq
                    + " differs from the checkpoint: the log was rewritten, or the checkpoint belongs to another workspace",
                    result.lastSeq(), result.lastMac(), Problem.REPLACED);
        }
        return result;
    }

    /** An entry as stored, before any parsing, so a tampered value cannot break the check. */
    record Raw(long seq, String at, Long actorId, String actorName, String type, String entityType, String entityId,
               String details, String prevMac, String mac) {}

    /** Walks the chain one row at a time, holding only what it needs to name the first bad entry. */
    private final class Verifier {
        private final Mac hmac;
        private final long maxSeq;
        private String prev = GENESIS;
        private long expected = 1;
        private long entries;
        private Verification failure;
        private Raw pending;
        private boolean pendingLinkOk;
        private long pendingGenuine;
        private final long checkpointSeq;
        private String checkpointMac;

        Verifier(Mac hmac, long maxSeq, long checkpointSeq) {
            this.hmac = hmac;
            this.maxSeq = maxSeq;
            this.checkpointSeq = checkpointSeq;
        }

        /** Returns false to stop reading. */
        boolean accept(Raw r) {
            entries++;
            if (pending != null) {
                failure = diagnose(pending, r);
                return false;
            }
            long s = r.seq();
            if (s != expected && !macMatches(hmac, r, s, r.prevMac()) && prev.equals(r.prevMac())
                    && macMatches(hmac, r, expected, r.prevMac())) {
                failure = fail(expected, "entry " + expected + " was modified: its sequence number was changed to " + s,
                        Problem.MODIFIED);
                return false;
            }
            if (s != expected) {
                String what = s - 1 > expected ? "entries " + expected + "–" + (s - 1) + " are missing (deleted)"
                        : "entry " + expected + " is missing (deleted)";
                failure = fail(expected, what, Problem.DELETED);
                return false;
            }
            boolean macOk = macMatches(hmac, r, s, r.prevMac());
            boolean linkOk = prev.equals(r.prevMac());
            if (macOk && linkOk) {
                if (s == checkpointSeq) checkpointMac = r.mac();
                prev = r.mac();
                expected++;
                return true;
            }
            if (macOk) {
                failure = s == 1
                        ? fail(1, "entry 1 does not start the chain: entries before it were removed", Problem.DELETED)
                        : fail(s - 1, "entry " + (s - 1) + " was replaced by an entry from another copy of the log"
                                + " (entry " + s + " does not follow it)", Problem.REPLACED);
                return false;
            }
            pending = r;
            pendingLinkOk = linkOk;
            pendingGenuine = genuineSeq(r);
            return true;
        }

        Verification finish() {
            if (failure == null && pending != null) failure = diagnose(pending, null);
            if (failure != null) return failure;
            return new Verification(true, entries, -1, null, expected - 1, prev, null);
        }

        /** The MAC of the checkpoint's entry, as found in the log. */
        String checkpointMac() {
            return checkpointMac;
        }

        private Verification diagnose(Raw r, Raw next) {
            long s = r.seq();
            long g = pendingGenuine;
            if (g < 0) {
                if (next != null && macMatches(hmac, next, s, next.prevMac()) && prev.equals(next.prevMac())) {
                    return fail(s, "entry " + s + " was inserted (it is not genuine, and the genuine entry " + s
                            + " follows it, renumbered)", Problem.INSERTED);
                }
                return fail(s, "entry " + s + " was modified" + (pendingLinkOk ? "" : " or inserted")
                        + " (its MAC does not match its content)", Problem.MODIFIED);
            }
            if (g > s) {
                long gn = next == null ? -1 : macMatches(hmac, next, next.seq(), next.prevMac()) ? next.seq() : genuineSeq(next);
                if (gn >= 0 && gn < g) {
                    return fail(s, "entry " + s + " holds the genuine entry " + g + ": entries were reordered", Problem.REORDERED);
                }
                return fail(s, (g - 1 > s ? "entries " + s + "–" + (g - 1) + " were" : "entry " + s + " was")
                        + " deleted and the later entries renumbered (entry " + s + " is the genuine entry " + g + ")",
                        Problem.DELETED);
            }
            return fail(s, "entry " + s + " holds the genuine entry " + g + ": entries were reordered or copied", Problem.REORDERED);
        }

        /** The sequence number this entry's MAC was made with, other than the one it has now; -1 if none. */
        private long genuineSeq(Raw r) {
            long limit = Math.max(maxSeq, entries) + 16;
            for (long cand = 1; cand <= limit; cand++) {
                if (cand != r.seq() && macMatches(hmac, r, cand, r.prevMac())) return cand;
            }
            return -1;
        }

        private Verification fail(long firstBad, String problem, Problem kind) {
            return new Verification(false, entries, firstBad, problem, expected - 1, prev, kind);
        }
    }

    /** Whether an entry's MAC is right for sequence number {@code seq} and the given previous MAC. */
    boolean macMatches(Mac hmac, Raw r, long seq, String prevMac) {
        if (r.mac() == null || r.at() == null || prevMac == null) return false;
        String at;
        try {
            at = Instant.parse(r.at()).toString();
        } catch (DateTimeParseException e) {
            return false;
        }
        String mac = mac(hmac, seq, at, r.actorId(), r.actorName(), r.type(), r.entityType(), r.entityId(), r.details(), prevMac);
        return MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII), r.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads entries, newest first, with optional filters (null means any). */
    public List<AuditEvent> list(Tx tx, Long actorId, String type, String entityType, String entityId,
                                 Instant from, Instant to, int limit) {
        return list(tx, new AuditFilter(actorId, type, entityType, entityId, from, to), limit);
    }

    /** Entries matching the filter, newest first, at most {@code limit}. */
    public List<AuditEvent> list(Tx tx, AuditFilter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        return Jdbc.list(tx, "SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY seq DESC LIMIT ?",
                AuditLog::row, args.toArray());
    }

    /** How many entries match the filter. */
    public long count(Tx tx, AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        return Jdbc.count(tx, "SELECT count(*) FROM audit_event" + where(filter, args), args.toArray());
    }

    /** An entry with the MAC it chains from, for exports that let others re-check the chain. */
    public record Entry(AuditEvent event, String prevMac) {}

    /** Streams the entries matching the filter, oldest first, without holding them all in memory. */
    public void forEach(Tx tx, AuditFilter filter, Consumer<Entry> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        forEachRaw(tx, "SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY seq", args, r -> {
            sink.accept(new Entry(event(r), r.prevMac()));
            return true;
        });
    }

    /**
     * An entry's details as plain Java values (maps, lists, text, numbers, booleans), in their order; details that are
     * not a JSON object come back under the key {@code details}.
     */
    public static Map<String, Object> parseDetails(String json) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        com.google.gson.JsonElement tree;
        try {
            tree = com.google.gson.JsonParser.parseString(json == null ? "{}" : json);
        } catch (RuntimeException e) {
            out.put("details", json);
            return out;
        }
        if (!tree.isJsonObject()) {
            out.put("details", tree.toString());
            return out;
        }
        tree.getAsJsonObject().entrySet().forEach(en -> out.put(en.getKey(), plain(en.getValue())));
        return out;
    }

    private static Object plain(com.google.gson.JsonElement v) {
        if (v == null || v.isJsonNull()) return null;
        if (v.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            v.getAsJsonArray().forEach(x -> l.add(plain(x)));
            return l;
        }
        if (v.isJsonObject()) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            v.getAsJsonObject().entrySet().forEach(en -> m.put(en.getKey(), plain(en.getValue())));
            return m;
        }
        com.google.gson.JsonPrimitive p = v.getAsJsonPrimitive();
        if (p.isBoolean()) return p.getAsBoolean();
        if (p.isNumber()) return p.getAsNumber().toString();
        return p.getAsString();
    }

    /** A user as the log names them: the latest name they acted under. */
    public record Actor(long id, String name) {}

    /** The users who acted, by name. */
    public List<Actor> actors(Tx tx) {
        return Jdbc.list(tx, "SELECT e.actor_id, e.actor_name FROM audit_event e JOIN (SELECT actor_id, max(seq) AS s"
                + " FROM audit_event WHERE actor_id IS NOT NULL GROUP BY actor_id) l ON l.s = e.seq ORDER BY e.actor_name",
                rs -> new Actor(rs.getLong(1), rs.getString(2)));
    }

    /** The event types present, sorted. */
    public List<String> types(Tx tx) {
        return Jdbc.list(tx, "SELECT DISTINCT type FROM audit_event ORDER BY type", rs -> rs.getString(1));
    }

    /** The user id for a user name, for filters typed on the command line. */
    public Optional<Long> actorIdFor(Tx tx, String username) {
        return Jdbc.one(tx, "SELECT id FROM app_user WHERE username_key = ?", rs -> rs.getLong(1),
                SqliteUserRepository.key(username));
    }

    private static String where(AuditFilter f, List<Object> args) {
        List<String> conds = new ArrayList<>();
        if (f.actorId() != null) {
            conds.add("actor_id = ?");
            args.add(f.actorId());
        }
        if (f.type() != null && !f.type().isBlank()) {
            String t = f.type().strip();
            if (t.endsWith("*")) {
                conds.add("substr(type, 1, ?) = ?");
                String prefix = t.substring(0, t.length() - 1);
                args.add(prefix.length());
                args.add(prefix);
            } else {
                conds.add("type = ?");
                args.add(t);
            }
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            conds.add("entity_type = ?");
            args.add(f.entityType().strip());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            conds.add("entity_id = ?");
            args.add(f.entityId().strip());
        }
        if (f.from() != null) {
            conds.add("at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            conds.add("at < ?");
            args.add(f.to());
        }
        return conds.isEmpty() ? "" : " WHERE " + String.join(" AND ", conds);
    }

    @FunctionalInterface
    private interface RawSink {
        boolean accept(Raw r);
    }

    private static void forEachRaw(Tx tx, String sql, List<Object> args, RawSink sink) {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            Jdbc.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!sink.accept(raw(rs))) return;
                }
            }
        } catch (SQLException e) {
            throw Database.translate(e);
        }
    }

    private static Raw raw(ResultSet rs) throws SQLException {
        Long actorId;
        try {
            actorId = Jdbc.nullableLong(rs, "actor_id");
        } catch (SQLException e) {
            actorId = null; // not a number: the MAC check names the entry
        }
        return new Raw(rs.getLong("seq"), rs.getString("at"), actorId, rs.getString("actor_name"),
                rs.getString("type"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("details"),
                rs.getString("prev_mac"), rs.getString("mac"));
    }

    private static AuditEvent row(ResultSet rs) throws SQLException {
        return event(raw(rs));
    }

    /**
     * An entry as the screens and exports show it. A row that cannot be read whole (a time that is not a time, a
     * missing type or MAC) is kept, marked as damaged, rather than failing the list or the export.
     */
    static AuditEvent event(Raw r) {
        List<String> damage = new ArrayList<>();
        Instant at = null;
        try {
            at = Instant.parse(r.at() == null ? "" : r.at());
        } catch (DateTimeParseException e) {
            damage.add("the time is not a time");
        }
        if (r.type() == null) damage.add("the event type is missing");
        if (r.actorName() == null) damage.add("the actor is missing");
        if (r.mac() == null || r.prevMac() == null) damage.add("a MAC is missing");
        return new AuditEvent(r.seq(), at, r.actorId(), r.actorName(), r.type(), r.entityType(), r.entityId(),
                r.details(), r.mac(), damage.isEmpty() ? null : String.join("; ", damage));
    }

    Mac hmac() {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return hmac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String mac(Mac hmac, long seq, String at, Long actorId, String actorName, String type, String entityType,
                      String entityId, String details, String prevMac) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (String field : new String[] {Long.toString(seq), at, actorId == null ? null : actorId.toString(),
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
        return HexFormat.of().formatHex(hmac.doFinal(buf.toByteArray()));
    }
}
