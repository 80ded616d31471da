package ru.outreach.kit.outbox;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes events that a crash or a broker outage left in the documents: once at start-up and then on an interval.
 * Documents another relay holds (an unexpired lease, see {@link OutboxRelay}) are skipped; one whose lease has run
 * out is taken over. Also reports how many events wait, as the gauge {@code outreach.outbox.pending}.
 * <p>
 * The sweep and the gauge read only the documents with the {@link PendingFlag}, through its index, so their cost
 * follows the backlog, not the size of the collections. At start-up, before the first sweep, the flag's index is
 * created in every aggregate collection and documents stored before the flag existed get it (one scan).
 */
@Component
class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final PendingFlag flag;
    private final OutboxProperties properties;

    OutboxSweeper(MongoTemplate mongo, OutboxRelay relay, PendingFlag flag, OutboxProperties properties,
                  MeterRegistry registry) {
        this.mongo = mongo;
        this.relay = relay;
        this.flag = flag;
        this.properties = properties;
        Gauge.builder("outreach.outbox.pending", this, OutboxSweeper::pendingEvents)
                .description("Events written with their aggregate and not yet published to Kafka")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        for (String collection : aggregateCollections()) {
            prepare(collection);
        }
        int published = sweep();
        if (published > 0) {
            log.info("Published {} events left pending by the previous run", published);
        }
    }

    @Scheduled(fixedDelayString = "${outreach.outbox.sweep-interval:5s}",
            initialDelayString = "${outreach.outbox.sweep-interval:5s}")
    void periodically() {
        sweep();
    }

    int sweep() {
        if (!properties.relayEnabled()) {
            return 0;
        }
        relay.releaseLeftLeases();
        int published = 0;
        for (String collection : aggregateCollections()) {
            published += publishQuietly(collection, relay.idsWithPendingEvents(collection));
        }
        return published;
    }

    /** The flag's index, and the flag on documents stored before it; a store that refuses either still works. */
    private void prepare(String collection) {
        flag.ensureIndex(collection);
        try {
            long flagged = flag.flagUnflagged(collection);
            if (flagged > 0) {
                log.info("Flagged {} documents of {} stored with pending events before the flag", flagged, collection);
            }
        } catch (RuntimeException e) {
            log.warn("Documents of {} stored before the flag not flagged: {}", collection, e.toString());
        }
    }

    private int publishQuietly(String collection, List<String> ids) {
        try {
            return relay.publishAll(collection, ids);
        } catch (RuntimeException e) {
            log.warn("Sweep could not publish events of {} documents of {}: {}", ids.size(), collection, e.toString());
            return 0;
        }
    }

    private double pendingEvents() {
        return aggregateCollections().stream().mapToLong(relay::pendingEventCount).sum();
    }

    private List<String> aggregateCollections() {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .toList();
    }
}
