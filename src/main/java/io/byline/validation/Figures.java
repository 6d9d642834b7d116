package io.byline.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
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
     * @param periods   the periods its sentence names
     */
    record Figure(int start, int end, BigDecimal value, BigDecimal other, String currency, boolean percent, Metric metric,
                  List<Periods.Period> periods) {
        boolean ambiguous() { return other != null; }
    }

    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(?:(US\\$|USD|IDR|EUR|Rp\\.?|\\$|€)\\s?)?(\\d+(?:[.,]\\d+)*)"
                    + "(?:\\s?(triliun|trilyun|trillion|miliar|milyar|billion|juta|million|ribu|thousand|bn|mn|tn|rb|jt|[tbmk])"
                    + "(?![\\p{L}\\p{N}]))?"
                    + "(?:\\s?(IDR|USD|EUR|rupiah|dollars?)(?![\\p{L}\\p{N}]))?"
                    + "(?:\\s?(%|percent|per\\s?cent|persen)(?![\\p{L}\\p{N}]))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern METRIC;
    private static final Metric[] METRIC_OF_GROUP;

    static {
        List<String[]> words = new ArrayList<>();
        for (Metric m : Metric.values()) for (String w : m.wordsShared()) words.add(new String[] {w, m.name()});
        words.sort(Comparator.comparingInt((String[] w) -> -w[0].length()));
        StringBuilder b = new StringBuilder("\\b(?:");
        METRIC_OF_GROUP = new Metric[words.size() + 1];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) b.append('|');
            b.append('(').append(Pattern.quote(words.get(i)[0]).replace(" ", "\\E\\s+\\Q")).append(')');
            METRIC_OF_GROUP[i + 1] = Metric.valueOf(words.get(i)[1]);
        }
        b.append(")\\b");
        METRIC = Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
        while (m.find()) {
            String cur = m.group(1), scaleWord = m.group(3), curWord = m.group(4);
            boolean percent = m.group(5) != null;
            int end = m.end();
            if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) continue;
            String currency = currency(cur != null ? cur : curWord);
            if (currency == null && scaleWord == null && !percent) continue;
            if (percent && (currency != null || scaleWord != null)) continue;
            FigureReader.Readings r = FigureReader.read(m.group(2));
            if (!r.any()) continue;
            if (metrics == null) metrics = metrics(text);
            int[] sentence = sentence(text, m.start(), end);
            Metric metric = tie(metrics, sentence, m.start(), end, percent, currency != null);
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
            out.add(new Figure(m.start(), end, value.multiply(scale), other, currency, percent, metric,
                    Periods.find(text, sentence[0], sentence[1])));
        }
        return out;
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

    /** Metric words of the text: {start, end, metric ordinal}. */
    private static List<int[]> metrics(String text) {
        List<int[]> out = new ArrayList<>(2);
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            int g = 1;
            while (m.group(g) == null) g++;
            out.add(new int[] {m.start(), m.end(), METRIC_OF_GROUP[g].ordinal()});
        }
        return out;
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
