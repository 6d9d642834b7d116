package io.byline.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DashboardQueriesTest {
    @Test
    void durationsBetweenStoredTimestampsAreExact() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            // from 1970 to 2093, across leap days and month ends, either way round
            Instant a = Instant.ofEpochSecond(rnd.nextInt(Integer.MAX_VALUE) + (long) rnd.nextInt(2) * Integer.MAX_VALUE,
                    rnd.nextInt(1_000_000_000));
            Instant b = i % 3 == 0 ? a.plusNanos(rnd.nextInt(1_000_000_000)) : a.plusSeconds(rnd.nextInt(90 * 86_400));
            assertEquals(Duration.between(a, b).toNanos(), DashboardQueries.nanosBetween(Jdbc.timestamp(a), Jdbc.timestamp(b)),
                    a + " → " + b);
        }
        assertEquals(Duration.ofDays(1).toNanos(), DashboardQueries.nanosBetween("2024-02-28T23:00:00.000000000Z",
                "2024-02-29T23:00:00.000000000Z"), "leap day");
        assertEquals(Duration.ofMinutes(90).toNanos(), DashboardQueries.nanosBetween("2026-06-01T09:30:00.120Z",
                "2026-06-01T11:00:00.120Z"), "another form goes through the parser");
    }
}
