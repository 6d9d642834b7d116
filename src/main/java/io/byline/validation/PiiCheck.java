package io.byline.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.byline.domain.Finding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules {@code pii.email}, {@code pii.phone} (libphonenumber: must parse and be a valid number), {@code pii.card}
 * (13–19 digits passing Luhn with a card network prefix) and {@code pii.iban} (country length and mod-97).
 * A number already taken as a card or IBAN is not also reported as a phone.
 */
public final class PiiCheck implements PostCheck {
    public static final String EMAIL = RuleIds.PII_EMAIL;
    public static final String PHONE = RuleIds.PII_PHONE;
    public static final String CARD = RuleIds.PII_CARD;
    public static final String IBAN = RuleIds.PII_IBAN;

    /** Regions tried for numbers written without a country code. */
    private static final String[] REGIONS = {"ID", "US", "GB", "SG", "AU", "MY", "IN", "DE", "FR", "NL", "JP"};

    private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

    static {
        String t = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 "
                + "EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 "
                + "KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 "
                + "PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SD18 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 "
                + "VA22 VG24 XK20";
        for (String s : t.split(" ")) IBAN_LENGTHS.put(s.substring(0, 2), Integer.parseInt(s.substring(2)));
    }

    @Override
    public String id() {
        return "pii";
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        String text = post.text();
        int n = text.length();
        boolean hasAt = false, hasDigit = false;
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '\uff20') hasAt = true;
            else if (c >= '0' && c <= '9') { hasDigit = true; digits++; }
        }
        if (hasAt) emails(text, out);
        if (!hasDigit || digits < 7) return;
        List<int[]> taken = new ArrayList<>(0);
        for (Entities.Entity u : post.urls()) taken.add(new int[] {u.start(), u.end()}); // numbers in links are not PII
        ibans(text, out, taken);
        cards(text, out, taken);
        phones(text, out, taken);
    }

    // ---------------------------------------------------------------- email

    private static boolean localChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    private static boolean domainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    static void emails(String text, List<Finding> out) {
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = at + 1 < n ? text.indexOf('@', at + 1) : -1) {
            int s = at;
            while (s > 0 && localChar(text.charAt(s - 1))) s--;
            while (s < at && (text.charAt(s) == '.' || text.charAt(s) == '\'')) s++;
            if (s == at) continue;
            int e = at + 1;
            while (e < n && domainChar(text.charAt(e))) e++;
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) e--;
            String domain = text.substring(at + 1, e);
            int dot = domain.lastIndexOf('.');
            if (dot <= 0 || domain.length() - dot - 1 < 2) continue;
            boolean alphaTld = true;
            for (int k = dot + 1; k < domain.length(); k++) if (!Character.isLetter(domain.charAt(k))) alphaTld = false;
            if (!alphaTld || domain.contains("..")) continue;
            out.add(Spans.finding(EMAIL, Severity.WARN, text, s, e, "email", "finding.pii.email"));
            at = e - 1;
        }
    }

    // ---------------------------------------------------------------- IBAN

    private static void ibans(String text, List<Finding> out, List<int[]> taken) {
        int n = text.length();
        for (int i = 0; i + 15 <= n; i++) {
            char a = text.charAt(i), b = text.charAt(i + 1);
            if (!isUpper(a) || !isUpper(b) || !isDigit(text.charAt(i + 2)) || !isDigit(text.charAt(i + 3))) continue;
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) continue;
            String country = "" + a + b;
            Integer want = IBAN_LENGTHS.get(country);
            // collect alphanumerics, allowing single spaces between groups
            StringBuilder acc = new StringBuilder(34);
            List<Integer> ends = new ArrayList<>();   // end offsets where a group ends
            List<Integer> counts = new ArrayList<>(); // chars collected at those ends
            int j = i;
            while (j < n && acc.length() < 34) {
                char c = text.charAt(j);
                if (isUpper(c) || isDigit(c) || (c >= 'a' && c <= 'z')) {
                    acc.append(Character.toUpperCase(c));
                    j++;
                    if (j >= n || !Character.isLetterOrDigit(text.charAt(j))) { ends.add(j); counts.add(acc.length()); }
                } else if (c == ' ' && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1)) && acc.length() >= 4) {
                    j++;
                } else {
                    break;
                }
            }
            for (int k = ends.size() - 1; k >= 0; k--) {
                int len = counts.get(k);
                if (len < 15 || (want != null && len != want)) continue;
                if (mod97(acc.substring(0, len))) {
                    int e = ends.get(k);
                    out.add(Spans.finding(IBAN, Severity.BLOCK, text, i, e, "iban", "finding.pii.iban"));
                    taken.add(new int[] {i, e});
                    i = e;
                    break;
                }
            }
        }
    }

    static boolean mod97(String iban) {
        String r = iban.substring(4) + iban.substring(0, 4);
        int rem = 0;
        for (int k = 0; k < r.length(); k++) {
            char c = r.charAt(k);
            int v;
            if (c >= '0' && c <= '9') v = c - '0';
            else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
            else return false;
            rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
        }
        return rem == 1;
    }

    private static boolean isUpper(char c) { return c >= 'A' && c <= 'Z'; }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    // ---------------------------------------------------------------- cards

    private static void cards(String text, List<Finding> out, List<int[]> taken) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (!isDigit(text.charAt(i))) continue;
            if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)))) {
                while (i < n && isDigit(text.charAt(i))) i++;
                continue;
            }
            StringBuilder d = new StringBuilder(19);
            int j = i;
            int end = i;
            while (j < n) {
                char c = text.charAt(j);
                if (isDigit(c)) { d.append(c); j++; end = j; }
                else if ((c == ' ' || c == '-') && j + 1 < n && isDigit(text.charAt(j + 1))) j++;
                else break;
                if (d.length() > 19) break;
            }
            int len = d.length();
            boolean after = end < n && Character.isLetterOrDigit(text.charAt(end));
            if (len >= 13 && len <= 19 && !after && !Spans.overlapsAny(taken, i, end) && luhn(d) && network(d)) {
                out.add(Spans.finding(CARD, Severity.BLOCK, text, i, end, "card", "finding.pii.card"));
                taken.add(new int[] {i, end});
            }
            i = Math.max(i, end - 1);
        }
    }

    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int k = digits.length() - 1; k >= 0; k--) {
            int v = digits.charAt(k) - '0';
            if (dbl) { v *= 2; if (v > 9) v -= 9; }
            sum += v;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static boolean network(CharSequence d) {
        char a = d.charAt(0);
        int two = (a - '0') * 10 + (d.charAt(1) - '0');
        int four = two * 100 + (d.charAt(2) - '0') * 10 + (d.charAt(3) - '0');
        return a == '4'                                  // Visa
                || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
                || two == 34 || two == 37                    // Amex
                || a == '6'                                  // Discover, UnionPay, RuPay …
                || two == 35 || two == 30 || two == 36 || two == 38; // JCB, Diners
    }

    // ---------------------------------------------------------------- phones

    private static void phones(String text, List<Finding> out, List<int[]> taken) {
        int n = text.length();
        PhoneNumberUtil util = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean plus = c == '+' && i + 1 < n && isDigit(text.charAt(i + 1));
            boolean paren = c == '(' && i + 1 < n && (isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '+');
            if (!plus && !paren && !isDigit(c)) continue;
            if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '+'
                    || text.charAt(i - 1) == '.' || text.charAt(i - 1) == ',')) {
                while (i + 1 < n && isDigit(text.charAt(i + 1))) i++;
                continue;
            }
            int j = i + (plus || paren ? 1 : 0);
            int digits = 0, end = j, seps = 0;
            int sepRun = 0;
            while (j < n) {
                char x = text.charAt(j);
                if (isDigit(x)) { digits++; j++; end = j; sepRun = 0; }
                else if ((x == ' ' || x == '-' || x == '.' || x == '(' || x == ')' || x == '/' || x == '\u00a0') && sepRun < 2
                        && j + 1 < n && (isDigit(text.charAt(j + 1)) || text.charAt(j + 1) == '(' || text.charAt(j + 1) == ' ')) {
                    seps++; j++;
                    sepRun++;
                }
                else break;
                if (digits > 17) break;
            }
            if (end < n && (Character.isLetterOrDigit(text.charAt(end)))) { i = end; continue; }
            int minDigits = plus ? 8 : 9;
            if (digits >= minDigits && digits <= 15 && !Spans.overlapsAny(taken, i, end)) {
                String cand = text.substring(i, end);
                boolean national = !plus && (cand.charAt(0) == '0' || paren || seps > 0);
                if (plus || national) {
                    if (util == null) util = PhoneNumberUtil.getInstance();
                    if (valid(util, cand, plus)) {
                        out.add(Spans.finding(PHONE, Severity.WARN, text, i, end, "phone", "finding.pii.phone"));
                        taken.add(new int[] {i, end});
                    }
                }
            }
            i = Math.max(i, end - 1);
        }
    }

    private static boolean valid(PhoneNumberUtil util, String cand, boolean international) {
        if (looksLikeDate(cand)) return false;
        try {
            if (international) {
                Phonenumber.PhoneNumber p = util.parse(cand, "ZZ");
                return util.isValidNumber(p);
            }
            for (String region : REGIONS) {
                Phonenumber.PhoneNumber p = util.parse(cand, region);
                if (util.isValidNumberForRegion(p, region)) return true;
            }
        } catch (NumberParseException e) {
            return false;
        }
        return false;
    }

    private static boolean looksLikeDate(String s) {
        if (s.matches("\\d{1,3}(?:\\.\\d{1,3}){3}")) return true; // an IPv4 address
        return s.matches("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}.*") || s.matches("\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}");
    }
}
