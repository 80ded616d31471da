package ru.outreach.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled  whether events are published at all (off only in tests that simulate a crash before publish)
 * @param sweepInterval how often pending events left behind are looked for
 * @param sendTimeout   how long the relay waits for the broker to acknowledge a document's events
 * @param lease         how long a relay holds a document's events while it publishes them, so that no other relay
 *                      (thread or replica) publishes them at the same time; after it, another may take them over.
 *                      Longer than {@code sendTimeout}: by default {@code sendTimeout} plus 15 s, which covers the
 *                      producer's {@code max.block.ms} (10 s) of a send that began just before the timeout
 * @param relayThreads  how many threads publish right after each change
 */
@ConfigurationProperties("outreach.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("30s") Duration sendTimeout,
        Duration lease,
        @DefaultValue("2") int relayThreads) {

    public OutboxProperties {
        if (lease == null) {
            lease = sendTimeout.plusSeconds(15);
        }
        if (lease.compareTo(sendTimeout) <= 0) {
            throw new IllegalArgumentException("outreach.outbox.lease (" + lease
                    + ") must be longer than outreach.outbox.send-timeout (" + sendTimeout + ")");
        }
        if (relayThreads < 1) {
            throw new IllegalArgumentException("outreach.outbox.relay-threads must be at least 1");
        }
    }
}
