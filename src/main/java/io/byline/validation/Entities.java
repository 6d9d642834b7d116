package io.byline.validation;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Extracts URLs, @mentions and #hashtags with their UTF-16 spans, for preview styling and for the length and link
 * rules. URLs follow twitter-text's shape: with a scheme ({@code http://}, {@code https://}) any host; without a
 * scheme only hosts ending in a known top-level domain. Trailing punctuation is not part of a URL, balanced
 * parentheses are.
 */
public final class Entities {
    public enum Kind { URL, MENTION, HASHTAG }

    /**
     * One entity.
     *
     * @param host for URLs, the host in lower case (without port), else null
     * @param scheme for URLs, whether the text had an explicit scheme
     */
    public record Entity(Kind kind, int start, int end, String text, String host, boolean scheme) {}

    private static final Set<String> TLDS = new HashSet<>();

    static {
        String g = "com net org edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs app dev "
                + "xyz online site tech store shop blog cloud news media live life world today space website club "
                + "agency digital email network group company solutions services global page art design studio "
                + "social inc ltd llc academy energy finance capital ventures systems software security health "
                + "io ai co tv me ly gg fm";
        String cc = "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt "
                + "bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es "
                + "et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id "
                + "ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu "
                + "lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np "
                + "nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk "
                + "sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy "
                + "uz va vc ve vg vi vn vu wf ws ye yt za zm zw";
        Collections.addAll(TLDS, g.split(" "));
        Collections.addAll(TLDS, cc.split(" "));
    }

    private Entities() {}

    /** URLs, mentions and hashtags, sorted by start. */
    public static List<Entity> extract(String text) {
        List<Entity> out = new ArrayList<>(urls(text, false));
        List<int[]> taken = new ArrayList<>();
        for (Entity e : out) taken.add(new int[] {e.start(), e.end()});
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '@' && c != '#' && c != '\uff20' && c != '\uff03') continue;
            if (inside(taken, i)) continue;
            if (i > 0) {
                char p = text.charAt(i - 1);
                if (Character.isLetterOrDigit(p) || p == '_' || p == '@' || p == '#' || p == '&') continue;
            }
            boolean mention = c == '@' || c == '\uff20';
            int j = i + 1;
            boolean letter = false;
            while (j < n) {
                int cp = text.codePointAt(j);
                if (mention ? (cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '_'))
                        : (Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK
                        || Character.getType(cp) == Character.COMBINING_SPACING_MARK)) {
                    if (Character.isLetter(cp)) letter = true;
                    j += Character.charCount(cp);
                } else {
                    break;
                }
            }
            if (j == i + 1) continue;
            if (mention && j - i - 1 > 15) continue;
            if (!mention && !letter) continue;
            if (mention && j < n && (text.charAt(j) == '@')) continue; // an email address
            out.add(new Entity(mention ? Kind.MENTION : Kind.HASHTAG, i, j, text.substring(i, j), null, false));
            i = j - 1;
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static boolean inside(List<int[]> spans, int i) {
        for (int[] s : spans) if (i >= s[0] && i < s[1]) return true;
        return false;
    }

    /**
     * URLs in the text, sorted.
     *
     * @param singleLabel also return scheme URLs whose host has no dot ({@code http://intranet/}), which
     *                    twitter-text does not count as URLs but the internal-link rule must see
     */
    public static List<Entity> urls(String text, boolean singleLabel) {
        List<Entity> out = new ArrayList<>(2);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int dot = -1;
            // find the next candidate: a scheme, or a dot inside a word (host without scheme)
            int next = -1;
            boolean scheme = false;
            for (int k = i; k < n; k++) {
                char c = text.charAt(k);
                if ((c == 'h' || c == 'H') && k + 6 < n && regionMatches(text, k, "http")) {
                    int after = k + 4;
                    if (after < n && (text.charAt(after) == 's' || text.charAt(after) == 'S')) after++;
                    if (after + 2 < n && text.charAt(after) == ':' && text.charAt(after + 1) == '/'
                            && text.charAt(after + 2) == '/' && validBefore(text, k)) {
                        next = k;
                        scheme = true;
                        break;
                    }
                }
                if (c == '.' && k > 0 && k + 1 < n && isHostChar(text.codePointBefore(k))
                        && isHostChar(text.codePointAt(k + 1))) {
                    dot = k;
                    next = k;
                    break;
                }
            }
            if (next < 0) break;
            Entity e = scheme ? withScheme(text, next, singleLabel) : withoutScheme(text, dot);
            if (e != null) {
                out.add(e);
                i = e.end();
            } else {
                i = next + 1;
                if (!scheme) {
                    // skip the rest of this host-like word
                    while (i < n && (isHostChar(text.codePointAt(i)) || text.charAt(i) == '.')) i++;
                }
            }
        }
        return out;
    }

    private static boolean regionMatches(String text, int at, String lower) {
        return text.regionMatches(true, at, lower, 0, lower.length());
    }

    private static boolean validBefore(String text, int k) {
        if (k == 0) return true;
        int p = text.codePointBefore(k);
        return !(Character.isLetterOrDigit(p) || p == '@' || p == '$' || p == '#' || p == '\uff20' || p == '\uff03');
    }

    static boolean isHostChar(int cp) {
        return cp == '-' || cp == '_' || (cp < 0x80 ? Character.isLetterOrDigit(cp)
                : Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK);
    }

    private static Entity withScheme(String text, int start, boolean singleLabel) {
        int n = text.length();
        int p = text.indexOf("//", start) + 2;
        int hostStart = p;
        // optional user info is rare in posts; stop at it
        if (p < n && text.charAt(p) == '[') { // IPv6 literal
            int close = text.indexOf(']', p);
            if (close < 0) return null;
            p = close + 1;
        } else {
            while (p < n && (isHostChar(text.codePointAt(p)) || text.charAt(p) == '.')) p += Character.charCount(text.codePointAt(p));
        }
        int hostEnd = p;
        while (hostEnd > hostStart && text.charAt(hostEnd - 1) == '.') hostEnd--;
        if (hostEnd == hostStart) return null;
        String host = text.substring(hostStart, hostEnd).toLowerCase(Locale.ROOT);
        boolean ip = host.startsWith("[") || isIpv4(host);
        if (!ip) {
            if (!validLabels(host)) return null;
            if (!host.contains(".") && !singleLabel && !host.equals("localhost")) return null;
        }
        p = hostEnd;
        if (p < n && text.charAt(p) == ':') {
            int q = p + 1;
            while (q < n && Character.isDigit(text.charAt(q))) q++;
            if (q > p + 1) p = q;
        }
        int end = pathEnd(text, p);
        return new Entity(Kind.URL, start, end, text.substring(start, end), host, true);
    }

    private static Entity withoutScheme(String text, int dot) {
        int n = text.length();
        int s = dot;
        while (s > 0) {
            int cp = text.codePointBefore(s);
            if (isHostChar(cp) || text.charAt(s - 1) == '.') s -= Character.charCount(cp);
            else break;
        }
        while (s < dot && (text.charAt(s) == '-' || text.charAt(s) == '_' || text.charAt(s) == '.')) s++;
        if (s > 0) {
            int p = text.codePointBefore(s);
            if (p == '@' || p == '/' || p == '$' || p == '#' || p == '\uff20' || p == '\uff03' || p == ':') return null;
        }
        int e = dot;
        while (e < n && (isHostChar(text.codePointAt(e)) || text.charAt(e) == '.')) e += Character.charCount(text.codePointAt(e));
        int hostEnd = e;
        while (hostEnd > s && text.charAt(hostEnd - 1) == '.') hostEnd--;
        String host = text.substring(s, hostEnd).toLowerCase(Locale.ROOT);
        if (!host.contains(".")) return null;
        if (hostEnd < n && text.charAt(hostEnd) == '@') return null; // local part of an email
        boolean ip = isIpv4(host);
        if (!ip) {
            String tld = host.substring(host.lastIndexOf('.') + 1);
            if (!TLDS.contains(tld) || !validLabels(host)) return null;
        } else if (hostEnd >= n || (text.charAt(hostEnd) != ':' && text.charAt(hostEnd) != '/')) {
            return null; // a bare dotted number (a version, a date) is not a link
        }
        int p = hostEnd;
        if (p < n && text.charAt(p) == ':') {
            int q = p + 1;
            while (q < n && Character.isDigit(text.charAt(q))) q++;
            if (q > p + 1) p = q;
        }
        int end = p < n && text.charAt(p) == '/' ? pathEnd(text, p) : p;
        return new Entity(Kind.URL, s, end, text.substring(s, end), host, false);
    }

    /** Host labels: 1..63 characters in their ASCII (punycode) form, no leading/trailing hyphen. */
    private static boolean validLabels(String host) {
        int from = 0;
        while (from <= host.length()) {
            int dot = host.indexOf('.', from);
            int to = dot < 0 ? host.length() : dot;
            if (to == from) return false;
            String label = host.substring(from, to);
            if (label.startsWith("-") || label.endsWith("-")) return false;
            boolean ascii = true;
            for (int k = 0; k < label.length(); k++) if (label.charAt(k) >= 0x80) { ascii = false; break; }
            if (ascii) {
                if (label.length() > 63) return false;
            } else {
                try {
                    String a = IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
                    if (a.length() > 63 || a.isEmpty()) return false;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            if (dot < 0) break;
            from = dot + 1;
        }
        return true;
    }

    static boolean isIpv4(String host) {
        int parts = 0, from = 0;
        while (true) {
            int dot = host.indexOf('.', from);
            int to = dot < 0 ? host.length() : dot;
            if (to == from || to - from > 3) return false;
            int v = 0;
            for (int k = from; k < to; k++) {
                char c = host.charAt(k);
                if (c < '0' || c > '9') return false;
                v = v * 10 + (c - '0');
            }
            if (v > 255) return false;
            parts++;
            if (dot < 0) break;
            from = dot + 1;
        }
        return parts == 4;
    }

    private static boolean pathChar(int cp) {
        if (cp <= ' ' || cp == 0x7f) return false;
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return false;
        switch (cp) {
            case '"': case '<': case '>': case '`': case '{': case '}': case '|': case '\\': case '^':
            case '\u201c': case '\u201d': case '\u00ab': case '\u00bb':
                return false;
            default:
                return true;
        }
    }

    private static int pathEnd(String text, int p) {
        int n = text.length();
        int e = p;
        while (e < n) {
            int cp = text.codePointAt(e);
            if (!pathChar(cp)) break;
            e += Character.charCount(cp);
        }
        // trailing punctuation is not part of the URL, a closing parenthesis only when unbalanced
        while (e > p) {
            char c = text.charAt(e - 1);
            if (".,;:!?'*".indexOf(c) >= 0 || c == '\u2019' || c == '\u3002' || c == '\uff0c') {
                e--;
            } else if (c == ')' || c == ']') {
                char open = c == ')' ? '(' : '[';
                int bal = 0;
                for (int k = p; k < e; k++) {
                    if (text.charAt(k) == open) bal++;
                    else if (text.charAt(k) == c) bal--;
                }
                if (bal < 0) e--; else break;
            } else {
                break;
            }
        }
        return e;
    }
}
