package ru.outreach.kit.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's listeners treat records that fail.
 *
 * @param inputTopics     the topics the service consumes: each gets its dead-letter topic {@code <topic>.DLT}
 * @param retries         attempts after the first before a record goes to the dead-letter topic
 * @param retryBackoff    the first pause between attempts; it doubles up to {@code retryMaxBackoff}
 * @param retryMaxBackoff the longest pause between attempts
 */
@ConfigurationProperties("outreach.consumer")
public record ConsumerProperties(
        @DefaultValue List<String> inputTopics,
        @DefaultValue("4") int retries,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("5s") Duration retryMaxBackoff) {
}
