package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule {@code internal-link}: links to hosts that are not on the public internet — the policy's internal domains,
 * the built-in internal suffixes ({@code .internal .corp .local .lan .intranet .home.arpa}, {@code localhost}),
 * private, loopback and link-local IPv4/IPv6 addresses, and single-label hosts ({@code http://wiki/}). Also finds
 * internal host names written without a scheme ({@code jira.acme.internal/browse/X-1}).
 */
public final class InternalLinkCheck implements PostCheck {
    public static final String RULE = RuleIds.INTERNAL_LINK;

    static final String[] BUILT_IN = {"internal", "corp", "local", "lan", "intranet", "home.arpa", "localdomain", "localhost"};

    @Override
    public String id() {
        return RULE;
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        String text = post.text();
        List<String> domains = post.policy().internalDomains();
        List<int[]> done = new ArrayList<>(0);
        for (Entities.Entity u : post.urls()) {
            String kind = classify(u.host(), domains, u.scheme());
            if (kind != null) {
                out.add(Spans.finding(RULE, Severity.BLOCK, text, u.start(), u.end(), kind, "finding.internalLink." + kind));
                done.add(new int[] {u.start(), u.end()});
            }
        }
        bareHosts(text, domains, done, out);
    }

    /** Null when public, else "domain", "ip" or "host". */
    static String classify(String host, List<String> domains, boolean scheme) {
        if (host == null || host.isEmpty()) return null;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) return privateIpv6(h.substring(1, Math.max(1, h.length() - 1))) ? "ip" : null;
        if (Entities.isIpv4(h)) return privateIpv4(h) ? "ip" : null;
        if (internalName(h, domains)) return "domain";
        if (scheme && !h.contains(".")) return "host";
        return null;
    }

    static boolean internalName(String h, List<String> domains) {
        for (String d : domains) if (suffix(h, d)) return true;
        for (String d : BUILT_IN) if (suffix(h, d)) return true;
        return false;
    }

    /** {@code h} is {@code d} or ends with "." + d. */
    private static boolean suffix(String h, String d) {
        int k = h.length() - d.length();
        return k >= 0 && h.endsWith(d) && (k == 0 || h.charAt(k - 1) == '.');
    }

    static boolean privateIpv4(String h) {
        String[] p = h.split("\\.");
        int a = Integer.parseInt(p[0]), b = Integer.parseInt(p[1]);
        return a == 10 || a == 127 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
    }

    static boolean privateIpv6(String h) {
        String s = h.toLowerCase(Locale.ROOT);
        int pct = s.indexOf('%');
        if (pct >= 0) s = s.substring(0, pct);
        if (s.equals("::1") || s.equals("::")) return true;
        if (s.startsWith("fc") || s.startsWith("fd")) return true;
        if (s.startsWith("fe8") || s.startsWith("fe9") || s.startsWith("fea") || s.startsWith("feb")) return true;
        if (s.startsWith("::ffff:")) {
            String v4 = s.substring(7);
            return Entities.isIpv4(v4) && privateIpv4(v4);
        }
        return false;
    }

    /** A dot between two host characters ({@code a.b}): what every host name written without a scheme has. */
    private static boolean hasDotInWord(String text) {
        int n = text.length();
        for (int k = text.indexOf('.'); k >= 0; k = text.indexOf('.', k + 1)) {
            if (k > 0 && k + 1 < n && Entities.isHostChar(text.codePointBefore(k)) && Entities.isHostChar(text.codePointAt(k + 1))) {
                return true;
            }
        }
        return false;
    }

    private static void bareHosts(String text, List<String> domains, List<int[]> done, List<Finding> out) {
        if (!hasDotInWord(text)) return;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Entities.isHostChar(cp)) { i += Character.charCount(cp); continue; }
            int s = i;
            int e = i;
            boolean dot = false;
            while (e < n) {
                int c = text.codePointAt(e);
                if (Entities.isHostChar(c)) e += Character.charCount(c);
                else if (c == '.' && e + 1 < n && Entities.isHostChar(text.codePointAt(e + 1))) { dot = true; e++; }
                else break;
            }
            i = e;
            if (!dot) continue;
            if (s > 0 && (text.charAt(s - 1) == '@' || text.charAt(s - 1) == '/' || text.charAt(s - 1) == '.')) continue;
            if (Spans.overlapsAny(done, s, e)) continue;
            String host = text.substring(s, e).toLowerCase(Locale.ROOT);
            if (Entities.isIpv4(host) || !internalName(host, domains)) continue;
            // include a port and path that follow
            int end = e;
            if (end < n && text.charAt(end) == ':') {
                int q = end + 1;
                while (q < n && Character.isDigit(text.charAt(q))) q++;
                if (q > end + 1) end = q;
            }
            if (end < n && text.charAt(end) == '/') {
                while (end < n && !Character.isWhitespace(text.charAt(end))) end++;
                while (end > e && ".,;:!?)'\"".indexOf(text.charAt(end - 1)) >= 0) end--;
            }
            out.add(Spans.finding(RULE, Severity.BLOCK, text, s, end, "domain", "finding.internalLink.domain"));
            done.add(new int[] {s, end});
        }
    }
}
