package ru.outreach.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" as the services see it: in the city's zone, not the machine's. A test that takes today from the machine's
 * zone (UTC here) is a day behind the services every evening after 21:00 UTC.
 */
public final class CityClock {

    /** The zone of the administration (the services' {@code outreach.zone}). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    /** Today in the city. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /**
     * A clock of the city that starts at {@code start} and runs on, as the services' clock does with
     * {@code outreach.clock.start}: a test and the services it starts then agree on today at any hour.
     */
    public static Clock startingAt(Instant start) {
        Clock system = Clock.system(ZONE);
        return Clock.offset(system, Duration.between(system.instant(), start));
    }

    /** Today by a service's clock (use the service's {@link Clock} bean where the test has one). */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private CityClock() {
    }
}
