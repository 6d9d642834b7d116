package io.byline.validation;

import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

import java.math.BigDecimal;
import java.text.ParsePosition;

/**
 * Reads the number of a figure as written in English ({@code 1,200,000.5}) or Bahasa Indonesia
 * ({@code 1.200.000,5}) with ICU's strict locale-aware parsing, and says when the two readings differ
 * ({@code 1.200} is 1.2 in English and 1,200 in Indonesian).
 */
final class FigureReader {
    /** The readings of one number: either may be null (the text is not a number in that locale). */
    record Readings(BigDecimal english, BigDecimal indonesian) {
        boolean any() { return english != null || indonesian != null; }

        /** Both locales read it, with different values. */
        boolean ambiguous() { return english != null && indonesian != null && english.compareTo(indonesian) != 0; }

        /** The one value when not ambiguous. */
        BigDecimal single() { return english != null ? english : indonesian; }
    }

    private static final ThreadLocal<DecimalFormat> EN = ThreadLocal.withInitial(() -> format("en"));
    private static final ThreadLocal<DecimalFormat> ID = ThreadLocal.withInitial(() -> format("id"));

    private FigureReader() {}

    private static DecimalFormat format(String locale) {
        DecimalFormat f = (DecimalFormat) NumberFormat.getInstance(new ULocale(locale));
        f.setParseStrict(true);
        f.setParseBigDecimal(true);
        return f;
    }

    /** Both readings of {@code number} (digits with {@code .} and {@code ,} only). */
    static Readings read(String number) {
        return new Readings(parse(EN.get(), number), parse(ID.get(), number));
    }

    private static BigDecimal parse(DecimalFormat f, String s) {
        ParsePosition pp = new ParsePosition(0);
        Number n = f.parse(s, pp);
        if (n == null || pp.getIndex() != s.length()) return null;
        if (n instanceof BigDecimal b) return b;
        if (n instanceof com.ibm.icu.math.BigDecimal b) return b.toBigDecimal();
        return new BigDecimal(n.toString());
    }
}
