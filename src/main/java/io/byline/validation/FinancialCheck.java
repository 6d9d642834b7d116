package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule {@code financial} (WARN): forward-looking statements and unreleased figures — "guidance", "outlook",
 * "forecast", "will grow 20%", "revenue is expected to…", "Q3 results" — in English and Bahasa Indonesia. Such
 * wording needs the investor-relations sign-off before it goes out on an executive's account.
 */
public final class FinancialCheck implements PostCheck {
    public static final String RULE = RuleIds.FINANCIAL;

    private static final String NUM = "(?:[$€£¥]|rp\\.?\\s?)?\\d+(?:[.,]\\d+)*\\s?(?:%|percent|per\\s?cent|persen|[mbk]\\b|million|billion|juta|miliar|triliun)";

    static final Pattern FORWARD = Pattern.compile(
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

    /**
     * A phrase of every alternative of {@link #FORWARD} (a space: any white space): "will/to/akan … grow" only with
     * a digit after it (the figure the expression needs), the fixed wordings as they are.
     */
    static final KeywordGate GATE = gate();

    private static KeywordGate gate() {
        List<String> verbs = List.of("grow", "increase", "rise", "reach", "double", "triple", "exceed", "hit", "climb",
                "jump", "surpass", "top", "tumbuh", "naik", "meningkat", "mencapai");
        List<String> withFigure = new ArrayList<>();
        for (String lead : List.of("will", "to", "akan", "diproyeksikan", "ditargetkan")) {
            for (String v : verbs) withFigure.add(lead + " " + v);
        }
        List<String> phrases = new ArrayList<>(List.of("guidance", "profit warning", "revenue target",
                "proyeksi pendapatan", "proyeksi laba", "proyeksi penjualan", "target pendapatan", "target laba",
                "target penjualan", "panduan keuangan", "laporan keuangan"));
        for (String lead : List.of("earnings", "revenue", "year", "annual", "quarterly")) {
            phrases.add(lead + " outlook");
            phrases.add(lead + " forecast");
        }
        for (String verb : List.of("is", "are", "be")) {
            for (String what : List.of("expected", "projected", "forecast")) phrases.add(verb + " " + what);
        }
        for (char d = '0'; d <= '9'; d++) {
            for (String what : List.of("results", "earnings", "numbers", "revenue", "figures")) phrases.add(d + " " + what);
        }
        return new KeywordGate(phrases, withFigure, 80, 90);
    }

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
        for (int[] m : GATE.find(FORWARD, post)) {
            out.add(Spans.finding(RULE, Severity.WARN, text, m[0], m[1], "forward-looking",
                    "finding.financial.forwardLooking"));
        }
    }
}
