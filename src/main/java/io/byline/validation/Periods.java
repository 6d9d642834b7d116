package io.byline.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting periods named in a text or in a fact ({@code Q3 2026}, {@code kuartal III}, {@code H1}, {@code FY2026},
 * {@code tahun 2026}), so a figure is compared only with the facts of the period its sentence speaks of.
 */
final class Periods {
    /** kind: 'Q' quarter, 'H' half, 'Y' year; n: the quarter or half (0 for a year); year: 0 when not said. */
    record Period(char kind, int n, int year) {
        boolean compatible(Period o) {
            boolean years = year == 0 || o.year == 0 || year == o.year;
            if (kind == o.kind) return n == o.n && years;
            return years;
        }
    }

    private static final String YEAR = "(?:\\s*(?:of\\s+|tahun\\s+)?((?:19|20)\\d\\d))?";
    private static final Pattern PERIOD = Pattern.compile(
            "\\b(?:[QK]([1-4])" + YEAR
                    + "|kuartal\\s+(IV|I{1,3}|[1-4]|pertama|kedua|ketiga|keempat)" + YEAR
                    + "|(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter" + YEAR
                    + "|H([12])" + YEAR
                    + "|semester\\s+(II|I|[12]|pertama|kedua)" + YEAR
                    + "|FY\\s?((?:19|20)?\\d\\d)"
                    + "|(?:full[-\\s]year|tahun\\s+buku|tahun)\\s+((?:19|20)\\d\\d))\\b",
            Pattern.CASE_INSENSITIVE); // ASCII words: no Unicode case folding needed (and it is slow)

    private Periods() {}

    /** The periods named in {@code text} between {@code from} and {@code to}. */
    static List<Period> find(String text, int from, int to) {
        if (!mayName(text, from, to)) return List.of();
        List<Period> out = new ArrayList<>(1);
        Matcher m = PERIOD.matcher(text).region(from, to);
        while (m.find()) {
            if (m.group(1) != null) out.add(new Period('Q', Integer.parseInt(m.group(1)), year(m.group(2))));
            else if (m.group(3) != null) out.add(new Period('Q', ordinal(m.group(3)), year(m.group(4))));
            else if (m.group(5) != null) out.add(new Period('Q', ordinal(m.group(5)), year(m.group(6))));
            else if (m.group(7) != null) out.add(new Period('H', Integer.parseInt(m.group(7)), year(m.group(8))));
            else if (m.group(9) != null) out.add(new Period('H', ordinal(m.group(9)), year(m.group(10))));
            else if (m.group(11) != null) out.add(new Period('Y', 0, year(m.group(11))));
            else if (m.group(12) != null) out.add(new Period('Y', 0, year(m.group(12))));
        }
        return out;
    }

    private static final String[] CUES = {"kuartal", "quarter", "semester", "tahun", "year"};

    /** A cheap gate before the pattern: a digit right after Q, K, H or Y (FY), or one of the period words. */
    private static boolean mayName(String t, int from, int to) {
        for (int i = Math.max(from, 1); i < to; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                char p = Character.toLowerCase(t.charAt(i - 1));
                if (p == 'q' || p == 'k' || p == 'h' || p == 'y' || p == ' ' && i >= 3
                        && t.regionMatches(true, i - 3, "fy", 0, 2)) return true;
            }
        }
        for (String cue : CUES) {
            for (int i = from; i + cue.length() <= to; i++) {
                if (t.regionMatches(true, i, cue, 0, cue.length())) return true;
            }
        }
        return false;
    }

    /** The period a fact covers, or null when its text names none that is understood. */
    static Period of(String period) {
        if (period == null) return null;
        List<Period> p = find(period, 0, period.length());
        return p.isEmpty() ? null : p.get(0);
    }

    /** True when a fact of {@code fact}'s period can be what a sentence naming {@code named} speaks of. */
    static boolean fits(Period fact, List<Period> named) {
        if (fact == null || named.isEmpty()) return true;
        for (Period p : named) if (p.compatible(fact)) return true;
        return false;
    }

    private static int year(String s) {
        if (s == null) return 0;
        int y = Integer.parseInt(s);
        return y < 100 ? 2000 + y : y;
    }

    private static int ordinal(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "i": case "1": case "first": case "1st": case "pertama": return 1;
            case "ii": case "2": case "second": case "2nd": case "kedua": return 2;
            case "iii": case "3": case "third": case "3rd": case "ketiga": return 3;
            default: return 4;
        }
    }
}
