package io.byline.ui.audit;

import io.byline.domain.AuditEvent;
import io.byline.service.AuditService;
import io.byline.ui.common.I18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit entries in words: the event's name in the user's language ({@code audit.event.<type>}), a one-line summary
 * from a template with named placeholders ({@code audit.summary.<type>}: "Version {version} approved as {role}"),
 * and the remaining details as "label: value" pairs, with hashes shortened and times in the user's zone.
 */
public final class AuditEventText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private final I18n i18n;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    public AuditEventText(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(i18n.locale()).withZone(zone);
    }

    public String when(Instant at) {
        return time.format(at);
    }

    /** When the entry was made; a damaged row (its time unreadable, or another field) says so instead. */
    public String when(io.byline.domain.AuditEvent e) {
        if (e.damaged()) return e.at() == null ? i18n.text("audit.entry.damaged") : i18n.text("audit.entry.damagedAt", time.format(e.at()));
        return time.format(e.at());
    }

    /** The event's name; an event type this version does not know shows as itself. */
    public String eventName(String type) {
        String key = "audit.event." + type;
        return i18n.has(key) ? i18n.text(key) : type;
    }

    /** The filter label of a type or a prefix ({@code post.*}). */
    public String typeLabel(String typeOrPrefix) {
        if (typeOrPrefix == null) return i18n.text("audit.filter.any");
        if (typeOrPrefix.endsWith(".*")) {
            String group = typeOrPrefix.substring(0, typeOrPrefix.length() - 2);
            String key = "audit.entityType." + group;
            return i18n.text("audit.filter.group", i18n.has(key) ? i18n.text(key) : group);
        }
        return eventName(typeOrPrefix);
    }

    public String entityTypeLabel(String entityType) {
        if (entityType == null) return i18n.text("audit.filter.any");
        String key = "audit.entityType." + entityType;
        return i18n.has(key) ? i18n.text(key) : entityType;
    }

    /** What the entry is about: "Post 42", "User 3", "Workspace". */
    public String entity(AuditEvent e) {
        if (e.entityType() == null) return "";
        String key = "audit.entity." + e.entityType();
        String id = e.entityId() == null ? "" : e.entityId();
        if (!i18n.has(key)) return e.entityType() + (id.isEmpty() ? "" : " " + id);
        return i18n.text(key, id).strip();
    }

    public String who(AuditEvent e) {
        return e.actorId() == null && "system".equals(e.actorName()) ? i18n.text("audit.system") : e.actorName();
    }

    /** The summary and the remaining details, in one line. */
    public String details(AuditEvent e) {
        Map<String, String> values = values(e);
        String summaryKey = "audit.summary." + e.type();
        List<String> parts = new ArrayList<>();
        if (i18n.has(summaryKey)) {
            String template = i18n.text(summaryKey);
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder sb = new StringBuilder();
            boolean complete = true;
            List<String> used = new ArrayList<>();
            while (m.find()) {
                String v = values.get(m.group(1));
                if (v == null) complete = false;
                used.add(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "?" : v));
            }
            m.appendTail(sb);
            if (complete) {
                parts.add(sb.toString());
                used.forEach(values::remove);
            }
        }
        values.forEach((k, v) -> {
            String label = i18n.has("audit.detail." + k) ? i18n.text("audit.detail." + k) : k;
            parts.add(label + ": " + v);
        });
        return String.join(" · ", parts);
    }

    /** The details as display values, in their order. */
    Map<String, String> values(AuditEvent e) {
        Map<String, String> out = new LinkedHashMap<>();
        AuditService.details(e).forEach((k, v) -> out.put(k, value(k, v)));
        return out;
    }

    private String value(String key, Object v) {
        if (v == null) return "—";
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object x : list) items.add(value(key, x));
            return String.join(", ", items);
        }
        if (v instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            map.forEach((k, x) -> items.add(k + "=" + value(String.valueOf(k), x)));
            return String.join(", ", items);
        }
        if (v instanceof Boolean b) return i18n.text(b ? "audit.yes" : "audit.no");
        String s = String.valueOf(v);
        if ((key.equals("hash") || key.equals("mac") || key.equals("sha256") || key.equals("fingerprint")) && s.length() > 16) {
            return s.substring(0, 12) + "…";
        }
        if (s.length() >= 20 && s.endsWith("Z") && Character.isDigit(s.charAt(0))) {
            try {
                return time.format(Instant.parse(s));
            } catch (DateTimeParseException ignored) {
                // not a time after all
            }
        }
        if (key.equals("role") && i18n.has("role." + s.toLowerCase(java.util.Locale.ROOT))) {
            return i18n.text("role." + s.toLowerCase(java.util.Locale.ROOT));
        }
        return s;
    }

    public ZoneId zone() {
        return zone;
    }
}
