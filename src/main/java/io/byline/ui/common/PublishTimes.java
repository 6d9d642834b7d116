package io.byline.ui.common;

import io.byline.domain.Executive;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A post's publish time, the same on every screen: always in the executive's time zone, with the zone named
 * ({@code Sun 6 Dec 2026, 09:00 WIB}), so that Compose, the Queue, Risks and the Dashboard show one post at one time.
 * Also the executive's zone itself, and a lookup of zones by executive for lists of posts.
 */
public final class PublishTimes {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final Map<Long, ZoneId> zones;

    private PublishTimes(Map<Long, ZoneId> zones) {
        this.zones = Map.copyOf(zones);
    }

    /** Zones by executive, for screens that list posts of several executives. */
    public static PublishTimes of(Collection<Executive> executives) {
        Map<Long, ZoneId> m = new HashMap<>();
        for (Executive e : executives) m.put(e.id(), zone(e));
        return new PublishTimes(m);
    }

    /** Before the executives are known: every post in UTC (named as such). */
    public static PublishTimes none() {
        return new PublishTimes(Map.of());
    }

    /** The zone of the executive with this id (UTC when unknown). */
    public ZoneId zoneOf(long executiveId) {
        return zones.getOrDefault(executiveId, UTC);
    }

    /** The executive's zone; UTC when the stored name is not a zone (a damaged or hand-edited row). */
    public static ZoneId zone(Executive e) {
        return zone(e.timeZone());
    }

    /** A stored zone id as a zone; UTC when it is not one. */
    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException ex) {
            return UTC;
        }
    }

    /** "Sun 6 Dec 2026, 09:00 WIB" (in Bahasa Indonesia "Min 6 Des 2026, 09:00 WIB"). */
    public static String full(Instant at, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", locale).withZone(zone).format(at);
    }

    /** "6 Dec, 09:00 WIB": for table cells. */
    public static String brief(Instant at, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM, HH:mm zzz", locale).withZone(zone).format(at);
    }

    /** The zone as shown beside a time field: "WIB · Asia/Jakarta (UTC+07:00)", or "Asia/Kabul (UTC+04:30)". */
    public static String zoneLabel(ZoneId zone, Instant at, Locale locale) {
        String shortName = zone.getDisplayName(TextStyle.SHORT, locale);
        String offset = zone.getRules().getOffset(at).getId().replace("Z", "+00:00");
        String full = zone.getId() + " (UTC" + offset + ")";
        return shortName.equals(zone.getId()) ? full : shortName + " · " + full;
    }
}
