package io.byline.domain;

import java.time.Instant;

/**
 * Which audit entries to show or export; every part is optional (null means any).
 *
 * @param actorId    entries by this user
 * @param type       an event type ({@code post.approve}), or a prefix ending in {@code *} ({@code post.*})
 * @param entityType the kind of thing acted on ({@code post}, {@code user} …)
 * @param entityId   its id (only with {@code entityType})
 * @param from       entries at or after this instant
 * @param to         entries before this instant
 */
public record AuditFilter(Long actorId, String type, String entityType, String entityId, Instant from, Instant to) {
    /** Every entry. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter withActor(Long id) {
        return new AuditFilter(id, type, entityType, entityId, from, to);
    }

    public AuditFilter withType(String t) {
        return new AuditFilter(actorId, t, entityType, entityId, from, to);
    }

    public AuditFilter withEntity(String kind, String id) {
        return new AuditFilter(actorId, type, kind, id, from, to);
    }

    public AuditFilter withPeriod(Instant start, Instant end) {
        return new AuditFilter(actorId, type, entityType, entityId, start, end);
    }
}
