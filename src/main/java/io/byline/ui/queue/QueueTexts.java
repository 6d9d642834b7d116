package io.byline.ui.queue;

import io.byline.domain.Notification;
import io.byline.domain.Platform;
import io.byline.domain.Role;
import io.byline.ui.common.I18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the queue words things: roles, platforms, notifications and times, in the user's language. */
public final class QueueTexts {
    private QueueTexts() {}

    public static String role(I18n i18n, Role r) {
        return i18n.text("role." + r.name().toLowerCase(Locale.ROOT));
    }

    public static String roles(I18n i18n, Collection<Role> roles) {
        return roles.stream().sorted().map(r -> role(i18n, r)).collect(Collectors.joining(", "));
    }

    public static String platforms(List<Platform> ps) {
        return ps.stream().map(Platform::displayName).collect(Collectors.joining(", "));
    }

    public static String notification(I18n i18n, Notification n) {
        Object[] args = n.args().toArray();
        return i18n.has(n.textKey()) ? i18n.text(n.textKey(), args) : n.textKey();
    }

    public static String dateTime(I18n i18n, Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", i18n.locale()).withZone(zone).format(t);
    }

    /** The text cut to about {@code max} characters at a word boundary, on one line. */
    public static String shorten(String s, int max) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        if (one.length() <= max) return one;
        int cut = one.lastIndexOf(' ', max);
        return one.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
