package ru.outreach.testkit;

import java.time.Clock;
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

    /** Today by a service's clock (use the service's {@link Clock} bean where the test has one). */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private CityClock() {
    }
}
