package io.byline.ui.queue;

import io.byline.domain.Notification;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.ui.common.I18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the queue words things: states, severities, findings, notifications and times, in the user's language. */
public final class QueueTexts {
    private QueueTexts() {}

    public static String state(I18n i18n, PostState s) {
        return i18n.text("state." + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static String severity(I18n i18n, Severity s) {
        return i18n.text("severity." + s.name().toLowerCase(Locale.ROOT));
    }

    public static String role(I18n i18n, Role r) {
        return i18n.text("role." + r.name().toLowerCase(Locale.ROOT));
    }

    public static String roles(I18n i18n, Collection<Role> roles) {
        return roles.stream().sorted().map(r -> role(i18n, r)).collect(Collectors.joining(", "));
    }

    public static String platforms(List<Platform> ps) {
        return ps.stream().map(Platform::displayName).collect(Collectors.joining(", "));
    }

    /**
     * The finding's message: its own key when the bundle has it, else the rule and category's, else the rule's.
     * Never the matched text (it may be a confidential term).
     */
    public static String finding(I18n i18n, PostFinding f, String text) {
        if (f.rule().equals("length") && f.platform() != null) {
            int count = text == null ? 0 : text.codePointCount(0, text.length());
            return i18n.text("finding.length", f.platform().displayName(), count, f.platform().limit());
        }
        String byCategory = "finding." + f.rule() + "." + f.category();
        if (f.category() != null && i18n.has(byCategory)) return i18n.text(byCategory);
        if (f.messageKey() != null && i18n.has(f.messageKey())) return i18n.text(f.messageKey(), f.category());
        if (i18n.has("finding." + f.rule())) return i18n.text("finding." + f.rule(), f.category());
        return f.rule();
    }

    public static String notification(I18n i18n, Notification n) {
        Object[] args = n.args().toArray();
        return i18n.has(n.textKey()) ? i18n.text(n.textKey(), args) : n.textKey();
    }

    public static String dateTime(I18n i18n, Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", i18n.locale()).withZone(zone).format(t);
    }

    /** "5 Jun, 09:00": for table cells. */
    public static String shortDateTime(I18n i18n, Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("d MMM, HH:mm", i18n.locale()).withZone(zone).format(t);
    }

    public static String date(I18n i18n, Instant t, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale()).withZone(zone).format(t);
    }

    public static String time(I18n i18n, Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm", i18n.locale()).withZone(zone).format(t);
    }

    /** The text cut to about {@code max} characters at a word boundary, on one line. */
    public static String shorten(String s, int max) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        if (one.length() <= max) return one;
        int cut = one.lastIndexOf(' ', max);
        return one.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
