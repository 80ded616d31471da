package ru.outreach.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled  whether events are published at all (off only in tests that simulate a crash before publish)
 * @param sweepInterval how often pending events left behind are looked for
 * @param sendTimeout   how long the relay waits for the broker to acknowledge a batch
 */
@ConfigurationProperties("outreach.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("30s") Duration sendTimeout) {
}
