package ru.outreach.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class KitClockTest {

    private final KitAutoConfiguration kit = new KitAutoConfiguration();

    @Test
    void atHalfPastElevenUtcTheCityIsAlreadyInTheNextDay() {
        Clock clock = kit.clock(ZoneId.of("Europe/Moscow"), "2026-11-28T23:30:00Z");

        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(clock.instant()).isBetween(java.time.Instant.parse("2026-11-28T23:29:59Z"),
                java.time.Instant.parse("2026-11-28T23:35:00Z"));
    }

    @Test
    void withoutAStartTheClockIsTheSystemsInTheCitysZone() {
        Clock clock = kit.clock(ZoneId.of("Europe/Moscow"), "");

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(clock.millis()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
    }
}
