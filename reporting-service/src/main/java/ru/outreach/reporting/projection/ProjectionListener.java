package ru.outreach.reporting.projection;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import ru.outreach.kit.kafka.UnreadableRecordException;

/**
 * The live consumer of {@code meetings.v1}, {@code appeals.v1} and {@code instructions.v1}: a batch at a time into
 * the projection. A record that cannot be read fails alone: the records before it are applied, the error handler
 * sends it to the dead-letter topic and the partition goes on after it.
 */
@Component
class ProjectionListener {

    private final Projection projection;

    ProjectionListener(Projection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ProjectionListenerIds.LIVE, groupId = "${outreach.reporting.group-id:reporting-service}",
            topics = {"meetings.v1", "appeals.v1", "instructions.v1"}, batch = "true",
            concurrency = "${outreach.reporting.concurrency:3}")
    void on(List<ConsumerRecord<String, String>> records) {
        List<Envelope> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(EventReader.read(records.get(i)));
            } catch (UnreadableRecordException e) {
                projection.apply(events);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        try {
            projection.apply(events);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Applying the batch failed: " + e, e, 0);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void repair() {
        projection.createIndexes();
        projection.repairPending();
    }
}
