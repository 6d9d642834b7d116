package io.byline.ui.common;

import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Dates in date fields, in the chosen language rather than the computer's: shown with the month as a word
 * ("6 Dec 2026", "6 Des 2026"), which no reader takes for 12 June; typed either that way or in the language's own
 * numeric order (6/12/2026 in Bahasa Indonesia, 12/6/2026 in English).
 */
public final class DateFields {
    private DateFields() {}

    public static DateTimeFormatter shown(Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    }

    /** A pattern that refuses impossible dates (31 February) instead of moving them. */
    private static DateTimeFormatter strict(String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The converter for a {@code DatePicker} in this language; text that is not a date gives null. */
    public static StringConverter<LocalDate> converter(Locale locale) {
        DateTimeFormatter shown = shown(locale);
        String numeric = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale).replaceAll("y+", "uuuu").replaceAll("d+", "d").replaceAll("M+", "M");
        List<DateTimeFormatter> accepted = List.of(strict("d MMM uuuu", locale), strict("d MMMM uuuu", locale),
                strict(numeric, locale), DateTimeFormatter.ISO_LOCAL_DATE);
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : shown.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) return null;
                for (DateTimeFormatter f : accepted) {
                    try {
                        return LocalDate.parse(s.strip(), f);
                    } catch (DateTimeParseException e) {
                        // try the next way of writing a date
                    }
                }
                return null;
            }
        };
    }
}
