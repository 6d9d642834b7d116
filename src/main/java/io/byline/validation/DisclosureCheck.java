package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule {@code disclosure}: sponsored or partner content (the account says the post is sponsored, or the text uses
 * sponsorship wording) without a disclosure such as {@code #ad} or {@code #sponsored}; and a personal account whose
 * bio lacks the "views are my own" line. English and Bahasa Indonesia wording.
 */
public final class DisclosureCheck implements PostCheck {
    public static final String RULE = RuleIds.DISCLOSURE;

    static final Pattern WORDING = Pattern.compile(
            "\\b(sponsored\\s+by|sponsored|paid\\s+(?:partnership|promotion|post|collab(?:oration)?)"
                    + "|in\\s+partnership\\s+with|partner(?:ed|ing)?\\s+with|our\\s+partners?\\b|brand\\s+partner"
                    + "|(?:brand\\s+)?ambassador\\s+for|affiliate\\s+link|use\\s+(?:my\\s+)?code|promo\\s+code|discount\\s+code"
                    + "|gifted\\s+by|thanks\\s+to\\s+@\\w+\\s+for\\s+(?:sending|gifting)"
                    + "|(?:bekerja\\s*sama|kerja\\s*sama|berkolaborasi)\\s+dengan|disponsori(?:\\s+oleh)?|didukung\\s+oleh|kode\\s+promo)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern MARKER = Pattern.compile(
            "(?:^|[^\\p{L}\\p{N}_])[#＃](?:ad|ads|advert|advertisement|sponsored|spon|sp|paid|paidpartnership|partner"
                    + "|partnership|affiliate|gifted|iklan|berbayar|kerjasama)(?![\\p{L}\\p{N}_])"
                    + "|\\b(?:paid\\s+partnership\\s+with|advertisement|iklan\\s+berbayar)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String[] DEFAULT_DISCLAIMERS = {
        "views are my own", "views my own", "opinions are my own", "opinions my own", "views are mine",
        "thoughts are my own", "views expressed are my own", "views expressed here are my own",
        "pendapat pribadi", "pandangan pribadi", "opini pribadi"
    };

    /** A phrase of every alternative of {@link #WORDING} (a space: any white space). */
    static final KeywordGate GATE = new KeywordGate(List.of("sponsored", "paid partnership",
            "paid promotion", "paid post", "paid collab", "in partnership", "partnership with", "partner with",
            "partnered with", "partnering with", "our partner", "brand partner", "brand ambassador", "ambassador for",
            "affiliate link", "use code", "use my code", "promo code", "discount code", "gifted by", "thanks to @",
            "kerja sama dengan", "kerjasama dengan", "berkolaborasi dengan", "disponsori", "didukung oleh",
            "kode promo"), 40, 60);

    @Override
    public String id() {
        return RULE;
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        String text = post.text();
        AccountContext acc = post.input().account();
        boolean sponsored = acc != null && acc.sponsored();
        int ws = -1, we = -1;
        List<int[]> wording = GATE.find(WORDING, post);
        if (!wording.isEmpty()) {
            ws = wording.get(0)[0];
            we = wording.get(0)[1];
        }
        if ((sponsored || ws >= 0) && !MARKER.matcher(text).find()) {
            int s = ws >= 0 ? ws : 0, e = ws >= 0 ? we : 0;
            out.add(Spans.finding(RULE, Severity.WARN, text, s, e, "sponsorship", "finding.disclosure.sponsored"));
        }
        if (acc != null && acc.capacity() == AccountContext.Capacity.PERSONAL && !hasDisclaimer(acc)) {
            out.add(Spans.finding(RULE, Severity.WARN, text, 0, 0, "bio", "finding.disclosure.bio"));
        }
    }

    static boolean hasDisclaimer(AccountContext acc) {
        String bio = simplify(acc.bio());
        if (bio.isEmpty()) return false;
        if (acc.disclaimer() != null && !acc.disclaimer().isBlank()) {
            return bio.contains(simplify(acc.disclaimer()));
        }
        for (String d : DEFAULT_DISCLAIMERS) if (bio.contains(d)) return true;
        return false;
    }

    private static String simplify(String s) {
        if (s == null) return "";
        String t = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        StringBuilder b = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'') {
                if (space && b.length() > 0) b.append(' ');
                b.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return b.toString();
    }
}
