package io.byline.ui.common;

import io.byline.domain.Executive;

import javafx.util.StringConverter;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Publish times in the executive's zone with the zone named; dates in the chosen language. */
class PublishTimesAndDatesTest {
    private static final Locale ID = Locale.forLanguageTag("id");
    /** 09:00 in Jakarta on 6 December 2026. */
    private static final Instant NINE_WIB = Instant.parse("2026-12-06T02:00:00Z");

    private static Executive exec(long id, String zone) {
        return new Executive(id, "E" + id, "", "", "", null, zone, false);
    }

    @Test
    void aPublishTimeIsShownInTheExecutivesZoneWithItsName() {
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");
        assertEquals("Sun 6 Dec 2026, 09:00 WIB", PublishTimes.full(NINE_WIB, jakarta, Locale.ENGLISH));
        assertEquals("Min 6 Des 2026, 09:00 WIB", PublishTimes.full(NINE_WIB, jakarta, ID));
        assertEquals("6 Dec, 09:00 WIB", PublishTimes.brief(NINE_WIB, jakarta, Locale.ENGLISH));
        assertEquals("6 Dec, 10:00 WITA", PublishTimes.brief(NINE_WIB, ZoneId.of("Asia/Makassar"), Locale.ENGLISH));
    }

    @Test
    void zonesByExecutiveFallBackToNamedUtc() {
        PublishTimes t = PublishTimes.of(List.of(exec(1, "Asia/Jakarta"), exec(2, "Not/AZone")));
        assertEquals(ZoneId.of("Asia/Jakarta"), t.zoneOf(1));
        assertEquals("6 Dec, 02:00 UTC", PublishTimes.brief(NINE_WIB, t.zoneOf(2), Locale.ENGLISH), "a damaged zone reads as UTC");
        assertEquals("6 Dec, 02:00 UTC", PublishTimes.brief(NINE_WIB, t.zoneOf(99), Locale.ENGLISH), "an unknown executive too");
    }

    @Test
    void dateFieldsShowTheMonthAsAWordInTheLanguage() {
        LocalDate sixDecember = LocalDate.of(2026, 12, 6);
        assertEquals("6 Des 2026", DateFields.converter(ID).toString(sixDecember));
        assertEquals("6 Dec 2026", DateFields.converter(Locale.ENGLISH).toString(sixDecember));
    }

    @Test
    void dateFieldsReadWhatAReaderOfTheLanguageTypes() {
        StringConverter<LocalDate> id = DateFields.converter(ID);
        StringConverter<LocalDate> en = DateFields.converter(Locale.ENGLISH);
        LocalDate sixDecember = LocalDate.of(2026, 12, 6);
        assertEquals(sixDecember, id.fromString("6/12/2026"), "day first in Bahasa Indonesia");
        assertEquals(sixDecember, en.fromString("12/6/2026"), "month first in English");
        assertEquals(sixDecember, id.fromString(" 6 Des 2026 "));
        assertEquals(sixDecember, id.fromString("6 Desember 2026"));
        assertEquals(sixDecember, en.fromString("2026-12-06"));
        assertNull(id.fromString("next tuesday"));
        assertNull(id.fromString("31/2/2026"));
        assertNull(en.fromString(""));
    }
}
