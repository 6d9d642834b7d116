package io.byline.domain;

import java.time.Instant;

/**
 * One entry of the tamper-evident audit log.
 *
 * @param seq        1, 2, 3 … without gaps
 * @param actorId    the user who acted, or null for the system or a headless command
 * @param actorName  their display name at the time (kept, so renames do not rewrite history)
 * @param type       what happened, e.g. {@code user.sign-in}, {@code post.approve}
 * @param entityType the kind of thing it happened to ({@code user}, {@code post} …), or null
 * @param entityId   its id, or null
 * @param details    a JSON object with the particulars (never a confidential term's text)
 * @param mac        HMAC-SHA256 over this entry and the previous entry's MAC, hex
 * @param damage     null for a sound row; else what could not be read (the row was damaged or edited), and the
 *                   fields that could not be read are null ({@code at}) or as stored
 */
public record AuditEvent(long seq, Instant at, Long actorId, String actorName, String type,
                         String entityType, String entityId, String details, String mac, String damage) {

    public AuditEvent(long seq, Instant at, Long actorId, String actorName, String type, String entityType,
                      String entityId, String details, String mac) {
        this(seq, at, actorId, actorName, type, entityType, entityId, details, mac, null);
    }

    /** Whether the stored row could not be read whole (shown and exported marked as damaged). */
    public boolean damaged() {
        return damage != null;
    }
}
