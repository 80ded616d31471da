package ru.outreach.reporting.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param groupId         the consumer group of the live listener
 * @param retries         attempts after the first before a record goes to {@code <topic>.DLT}
 * @param retryBackoff    the first pause between attempts; it doubles up to {@code retryMaxBackoff}
 * @param retryMaxBackoff the longest pause between attempts
 */
@ConfigurationProperties("outreach.reporting")
record ProjectionProperties(@DefaultValue("reporting-service") String groupId,
                            @DefaultValue("4") int retries,
                            @DefaultValue("500ms") Duration retryBackoff,
                            @DefaultValue("5s") Duration retryMaxBackoff) {
}
