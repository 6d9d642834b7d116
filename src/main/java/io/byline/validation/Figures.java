package io.byline.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures of a post that are tied to a financial metric in the same sentence: money amounts
 * ({@code Rp 1,3 triliun}, {@code $4.1B}, {@code US$ 2 billion}, {@code €3.5 million}), counts with a scale
 * ({@code 12 juta pengguna}) and percentages ({@code naik 18%}). Numbers are read by {@link FigureReader} in
 * both locales; when the readings differ, the post's language decides, and the caller may decide with the facts'
 * scale (see {@link Figure#ambiguous()}).
 */
final class Figures {
    enum Language { ENGLISH, INDONESIAN, UNKNOWN }

    /**
     * One figure.
     *
     * @param start     UTF-16 start in the text (the currency sign, if any)
     * @param end       UTF-16 end, exclusive (after the scale, currency word or percent sign)
     * @param value     the value read (number × scale), per the post's language when the separators are ambiguous
     * @param other     the other reading when the separators are ambiguous and the language did not decide, else null
     * @param currency  ISO code or null
     * @param percent   a percentage
     * @param metric    the metric it is tied to
     * @param sentenceStart where its sentence starts (the periods it names are read from there when needed)
     * @param sentenceEnd   where its sentence ends
     */
    record Figure(int start, int end, BigDecimal value, BigDecimal other, String currency, boolean percent, Metric metric,
                  int sentenceStart, int sentenceEnd) {
        boolean ambiguous() { return other != null; }

        /** The reporting periods its sentence names. */
        List<Periods.Period> periods(String text) {
            return Periods.find(text, sentenceStart, sentenceEnd);
        }
    }

    /** The number and what follows it, matched from the first digit (the currency before it is read by hand). */
    private static final Pattern FIGURE = Pattern.compile(
            "(\\d+(?:[.,]\\d+)*)"
                    + "(?:\\s?(triliun|trilyun|trillion|miliar|milyar|billion|juta|million|ribu|thousand|bn|mn|tn|rb|jt|[tbmk])"
                    + "(?![\\p{L}\\p{N}]))?"
                    + "(?:\\s?(IDR|USD|EUR|rupiah|dollars?)(?![\\p{L}\\p{N}]))?"
                    + "(?:\\s?(%|percent|per\\s?cent|persen)(?![\\p{L}\\p{N}]))?",
            Pattern.CASE_INSENSITIVE);
    /** Currency signs and codes written before a number, longest first. */
    private static final String[] PREFIXES = {"US$", "USD", "IDR", "EUR", "Rp.", "Rp", "$", "\u20ac"};

    /** Metric words (lower case; a phrase of two words joined by one space) → metric. */
    private static final java.util.Map<String, Metric> METRIC_WORDS = new java.util.HashMap<>();

    /** Whether some metric word (or a word of a metric phrase) starts with this ASCII letter and has this length. */
    private static final boolean[][] MAY_BE_METRIC = new boolean[26][13];

    static {
        for (Metric m : Metric.values()) {
            for (String w : m.wordsShared()) {
                METRIC_WORDS.put(w, m);
                for (String part : w.split(" ")) MAY_BE_METRIC[part.charAt(0) - 'a'][part.length()] = true;
            }
        }
    }

    /** A cheap test before a word is copied and looked up (a post has many words and few metric words). */
    private static boolean mayBeMetric(String text, int from, int to) {
        int len = to - from;
        if (len < 2 || len > 12) return false;
        char c = Character.toLowerCase(text.charAt(from));
        return c >= 'a' && c <= 'z' && MAY_BE_METRIC[c - 'a'][len];
    }

    private static final Set<String> INDONESIAN = Set.of("yang", "dan", "di", "ke", "dari", "untuk", "kami", "ini", "itu",
            "dengan", "pada", "sebesar", "menjadi", "tahun", "kuartal", "mencapai", "adalah", "juga", "kita", "atas", "tidak",
            "akan", "sudah", "telah", "terima", "kasih", "kini", "lebih", "sejak", "bulan");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "our", "in", "for", "we", "is", "was",
            "with", "this", "that", "on", "at", "by", "year", "quarter", "reached", "record", "are", "were", "has", "have",
            "thanks", "now", "more", "since", "month");

    private Figures() {}

    /** True when the text has a digit at all (the cheap gate before any regex). */
    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    /** The figures of {@code text} tied to a metric in their sentence, in text order. */
    static List<Figure> find(String text) {
        if (!hasDigit(text)) return List.of();
        List<int[]> metrics = null;
        List<Figure> out = new ArrayList<>(2);
        Language lang = null;
        Matcher m = FIGURE.matcher(text);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') continue;
            // a number starts here only after a non-word character (not inside "Q3", "H1", "FY2026" or another number)
            if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
                int[] cur = prefix(text, i);
                if (cur == null) { i = skipDigits(text, i); continue; }
            }
            m.region(i, n);
            if (!m.lookingAt()) continue;
            int[] cur = prefix(text, i);
            int start = cur == null ? i : cur[0];
            String scaleWord = m.group(2), curWord = m.group(3);
            boolean percent = m.group(4) != null;
            int end = m.end();
            i = Math.max(i, end - 1);
            if (end < n && Character.isLetterOrDigit(text.charAt(end))) continue;
            String currency = cur != null ? PREFIX_CODES[cur[1]] : currency(curWord);
            if (currency == null && scaleWord == null && !percent) continue;
            if (percent && (currency != null || scaleWord != null)) continue;
            FigureReader.Readings r = FigureReader.read(m.group(1));
            if (!r.any()) continue;
            if (metrics == null) metrics = metrics(text);
            int[] sentence = sentence(text, start, end);
            Metric metric = tie(metrics, sentence, start, end, percent, currency != null);
            if (metric == null) continue;
            if (lang == null && (r.ambiguous() || "m".equalsIgnoreCase(scaleWord))) lang = language(text);
            BigDecimal scale = scaleWord == null ? BigDecimal.ONE : scale(scaleWord, lang, currency);
            BigDecimal value, other = null;
            if (!r.ambiguous()) {
                value = r.single();
            } else if (lang == Language.ENGLISH) {
                value = r.english();
            } else if (lang == Language.INDONESIAN) {
                value = r.indonesian();
            } else {
                value = r.english();
                other = r.indonesian().multiply(scale);
            }
            out.add(new Figure(start, end, value.multiply(scale), other, currency, percent, metric, sentence[0], sentence[1]));
        }
        return out;
    }

    private static final String[] PREFIX_CODES = {"USD", "USD", "IDR", "EUR", "IDR", "IDR", "USD", "EUR"};

    /** The currency written just before the digit at {@code at} (one space allowed): {start, index in PREFIXES}, or null. */
    private static int[] prefix(String text, int at) {
        int end = at > 0 && text.charAt(at - 1) == ' ' ? at - 1 : at;
        for (int k = 0; k < PREFIXES.length; k++) {
            String p = PREFIXES[k];
            int s = end - p.length();
            if (s < 0 || !text.regionMatches(true, s, p, 0, p.length())) continue;
            if (s > 0 && Character.isLetterOrDigit(text.charAt(s - 1)) && Character.isLetter(p.charAt(0))) continue;
            return new int[] {s, k};
        }
        return null;
    }

    private static int skipDigits(String text, int i) {
        while (i + 1 < text.length() && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.'
                || text.charAt(i + 1) == ',')) i++;
        return i;
    }

    private static String currency(String s) {
        if (s == null) return null;
        String u = s.toUpperCase(Locale.ROOT);
        if (u.startsWith("RP") || u.equals("IDR") || u.equals("RUPIAH")) return "IDR";
        if (u.startsWith("US") || u.equals("$") || u.startsWith("DOLLAR")) return "USD";
        if (u.equals("EUR") || u.equals("€")) return "EUR";
        return null;
    }

    private static BigDecimal scale(String word, Language lang, String currency) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "triliun": case "trilyun": case "trillion": case "tn": case "t": return BigDecimal.TEN.pow(12);
            case "miliar": case "milyar": case "billion": case "bn": case "b": return BigDecimal.TEN.pow(9);
            case "juta": case "million": case "mn": case "jt": return BigDecimal.TEN.pow(6);
            case "m":
                // "Rp 5 M" is five miliar in Indonesian; "$5M" is five million in English
                return lang == Language.INDONESIAN || lang != Language.ENGLISH && "IDR".equals(currency)
                        ? BigDecimal.TEN.pow(9) : BigDecimal.TEN.pow(6);
            default: return BigDecimal.TEN.pow(3);
        }
    }

    /** Metric words of the text: {start, end, metric ordinal}; two-word phrases ("net income") before single words. */
    private static List<int[]> metrics(String text) {
        List<int[]> out = new ArrayList<>(2);
        int n = text.length();
        int prevStart = -1, prevEnd = -1;
        String prev = null;
        for (int i = 0; i < n; ) {
            while (i < n && !Character.isLetter(text.charAt(i))) i++;
            int j = i;
            while (j < n && Character.isLetter(text.charAt(j))) j++;
            if (j == i) break;
            String w = mayBeMetric(text, i, j) ? text.substring(i, j).toLowerCase(Locale.ROOT) : null;
            Metric pair = prev != null && w != null && isSpaces(text, prevEnd, i) ? METRIC_WORDS.get(prev + " " + w) : null;
            if (pair != null) {
                if (!out.isEmpty() && out.get(out.size() - 1)[0] == prevStart) out.remove(out.size() - 1);
                out.add(new int[] {prevStart, j, pair.ordinal()});
            } else if (w != null) {
                Metric m = METRIC_WORDS.get(w);
                if (m != null) out.add(new int[] {i, j, m.ordinal()});
            }
            prev = w;
            prevStart = i;
            prevEnd = j;
            i = j;
        }
        return out;
    }

    private static boolean isSpaces(String t, int from, int to) {
        if (to <= from) return false;
        for (int k = from; k < to; k++) if (!Character.isWhitespace(t.charAt(k))) return false;
        return true;
    }

    /**
     * The metric a figure speaks of: the nearest metric word of its sentence that fits (any for a percentage, a money
     * metric for an amount in a currency, any but growth for a count).
     */
    private static Metric tie(List<int[]> metrics, int[] sentence, int s, int e, boolean percent, boolean money) {
        Metric best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int[] w : metrics) {
            if (w[0] < sentence[0] || w[1] > sentence[1]) continue;
            Metric mt = Metric.values()[w[2]];
            if (!percent && mt.kind() == Metric.Kind.PERCENT) continue;
            if (money && mt.kind() != Metric.Kind.MONEY) continue;
            int d = w[1] <= s ? s - w[1] : Math.max(0, w[0] - e);
            if (d < bestDistance) {
                bestDistance = d;
                best = mt;
            }
        }
        if (best != null && percent) return Metric.GROWTH;
        return best;
    }

    /** The sentence around [s, e): {start, end}. A dot ends one only before a space and not after "Rp". */
    static int[] sentence(String text, int s, int e) {
        int a = s;
        while (a > 0 && !endsSentence(text, a - 1)) a--;
        int b = e;
        while (b < text.length() && !endsSentence(text, b)) b++;
        return new int[] {a, b};
    }

    private static boolean endsSentence(String t, int i) {
        char c = t.charAt(i);
        if (c == '\n' || c == '!' || c == '?') return true;
        if (c != '.' && c != '\u3002') return false;
        if (i + 1 < t.length() && !Character.isWhitespace(t.charAt(i + 1))) return false;
        if (i >= 2 && t.regionMatches(true, i - 2, "rp", 0, 2)) return false;
        return true;
    }

    /** English or Bahasa Indonesia, by the common words of each (not the metric words); UNKNOWN when neither has more. */
    static Language language(String text) {
        int en = 0, id = 0;
        int n = text.length();
        for (int i = 0; i < n; ) {
            while (i < n && !Character.isLetter(text.charAt(i))) i++;
            int j = i;
            while (j < n && Character.isLetter(text.charAt(j))) j++;
            if (j > i && j - i <= 12) {
                String w = text.substring(i, j).toLowerCase(Locale.ROOT);
                if (INDONESIAN.contains(w)) id++;
                if (ENGLISH.contains(w)) en++;
            }
            i = j;
        }
        return en > id ? Language.ENGLISH : id > en ? Language.INDONESIAN : Language.UNKNOWN;
    }
}
