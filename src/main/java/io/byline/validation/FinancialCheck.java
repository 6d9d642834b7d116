package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule {@code financial} (WARN): forward-looking statements and unreleased figures — "guidance", "outlook",
 * "forecast", "will grow 20%", "revenue is expected to…", "Q3 results" — in English and Bahasa Indonesia. Such
 * wording needs the investor-relations sign-off before it goes out on an executive's account.
 */
public final class FinancialCheck implements PostCheck {
    public static final String RULE = "financial";

    private static final String NUM = "(?:[$€£¥]|rp\\.?\\s?)?\\d+(?:[.,]\\d+)*\\s?(?:%|percent|per\\s?cent|persen|[mbk]\\b|million|billion|juta|miliar|triliun)";

    private static final Pattern FORWARD = Pattern.compile(
            "\\b(?:will|to|set\\s+to|expect(?:s|ed)?\\s+to|on\\s+track\\s+to|poised\\s+to|going\\s+to|akan|diproyeksikan|ditargetkan)\\s+"
                    + "(?:grow|increase|rise|reach|double|triple|exceed|hit|climb|jump|surpass|top|tumbuh|naik|meningkat|mencapai)"
                    + "[^.!?\\n]{0,40}?" + NUM
                    + "|\\b(?:guidance|earnings\\s+(?:guidance|forecast|outlook)|revenue\\s+(?:guidance|forecast|outlook|target)"
                    + "|(?:full[-\\s]year|annual|quarterly)\\s+(?:outlook|forecast|guidance)|profit\\s+warning"
                    + "|(?:q[1-4]|fy\\s?\\d{2,4}|h[12])\\s+(?:results|earnings|numbers|revenue|figures|guidance)"
                    + "|(?:revenue|earnings|profit|sales|ebitda|margins?)\\s+(?:is|are|will\\s+be)\\s+(?:expected|projected|forecast)"
                    + "|proyeksi\\s+(?:pendapatan|laba|penjualan)|target\\s+(?:pendapatan|laba|penjualan)|panduan\\s+keuangan"
                    + "|laporan\\s+keuangan\\s+(?:q[1-4]|kuartal))\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final KeywordGate GATE = new KeywordGate(java.util.List.of("grow", "increase", "rise", "reach",
            "double", "triple", "exceed", "hit", "climb", "jump", "surpass", "top", "tumbuh", "naik", "meningkat",
            "mencapai", "guidance", "outlook", "forecast", "warning", "result", "earning", "number", "revenue",
            "figure", "expected", "projected", "proyeksi", "target", "panduan", "laporan"), 80, 90);

    /** The span {start, end} of the first forward-looking wording in the text, or null. */
    static int[] firstForwardLooking(String text) {
        List<int[]> m = GATE.find(FORWARD, text);
        return m.isEmpty() ? null : m.get(0);
    }

    @Override
    public String id() {
        return RULE;
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        String text = post.text();
        for (int[] m : GATE.find(FORWARD, text)) {
            out.add(Spans.finding(RULE, Severity.WARN, text, m[0], m[1], "forward-looking",
                    "finding.financial.forwardLooking"));
        }
    }
}
