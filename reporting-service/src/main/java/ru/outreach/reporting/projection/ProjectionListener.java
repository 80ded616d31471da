package ru.outreach.reporting.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.outreach.kit.kafka.UnreadableRecordException;

/**
 * The live consumer of {@code meetings.v1}, {@code appeals.v1} and {@code instructions.v1}: a batch at a time into
 * the projection; the container commits a batch's offsets only after the projection returned (ack mode BATCH, no
 * auto-commit), so a committed offset is always applied and durable. It does not start with the application: at
 * start-up a rebuild's interrupted swap is finished, then the differences left pending by a crash are applied
 * ({@link #prepare()}), then the rebuild service starts it, unless another instance is rebuilding.
 * <p>
 * A record that cannot be read fails alone: the records before it are applied, the error handler sends it to the
 * dead-letter topic and the partition goes on after it. A batch the projection cannot apply because the store is away
 * is retried as a whole until it can ({@link StoreFailures}); one that fails otherwise is applied again one record at
 * a time (safe: applying is idempotent), so that only the record that fails goes to the dead-letter topic after the
 * bounded retries.
 */
@Component
class ProjectionListener {

    /** After the rebuild's recovery of an interrupted swap, before the live listener starts. */
    static final int PREPARE_ORDER = 10;
    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final Projection projection;

    ProjectionListener(Projection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ProjectionListenerIds.LIVE, groupId = "${outreach.reporting.group-id:reporting-service}",
            topics = {"meetings.v1", "appeals.v1", "instructions.v1"}, batch = "true",
            concurrency = "${outreach.reporting.concurrency:3}", autoStartup = "false")
    void on(List<ConsumerRecord<String, String>> records) {
        List<Envelope> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(EventReader.read(records.get(i)));
            } catch (UnreadableRecordException e) {
                apply(events);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        apply(events);
    }

    private void apply(List<Envelope> events) {
        try {
            projection.apply(events);
        } catch (RuntimeException e) {
            if (StoreFailures.isStoreUnavailable(e) || events.size() == 1) {
                throw new BatchListenerFailedException("Applying the batch failed: " + e, e, 0);
            }
            log.warn("Applying a batch of {} events failed ({}); applying them one at a time", events.size(),
                    e.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    projection.apply(List.of(events.get(i)));
                } catch (RuntimeException one) {
                    throw new BatchListenerFailedException("Applying the event failed: " + one, one, i);
                }
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(PREPARE_ORDER)
    void prepare() {
        projection.createIndexes();
        projection.repairPending();
    }

    /** Takes the operation ids of finished writes out of the cells (see {@link Projection#pruneOperations}). */
    @Scheduled(fixedDelayString = "${outreach.reporting.prune-interval:10m}",
            initialDelayString = "${outreach.reporting.prune-interval:10m}")
    void prune() {
        int pruned = projection.pruneOperations(Duration.ofHours(1));
        if (pruned > 0) {
            log.info("Took {} finished operation ids out of the cells", pruned);
        }
    }
}
