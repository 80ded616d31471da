package ru.outreach.appeals.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param controller      who controls instructions taken from minutes (regulation: the control department)
 * @param retries         attempts after the first before a record goes to the dead-letter topic
 * @param retryBackoff    the first pause between attempts; it doubles up to {@code retryMaxBackoff}
 * @param retryMaxBackoff the longest pause between attempts
 */
@ConfigurationProperties("outreach.intake")
record IntakeProperties(
        @DefaultValue("Контрольно-организационный сектор") String controller,
        @DefaultValue("4") int retries,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("5s") Duration retryMaxBackoff) {
}
