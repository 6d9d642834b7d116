package io.byline.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DashboardQueriesTest {
    @Test
    void storedTimestampsReadBackExactly() {
        Random rnd = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(rnd.nextInt(2_000_000_000), rnd.nextInt(1_000_000_000));
            assertEquals(t, DashboardQueries.instant(Jdbc.timestamp(t)));
        }
        assertEquals(Instant.parse("2026-06-01T09:30:00.120Z"), DashboardQueries.instant("2026-06-01T09:30:00.120Z"));
    }
}
