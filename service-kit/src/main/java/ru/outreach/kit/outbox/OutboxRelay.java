package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Projections.include;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;

import jakarta.annotation.PreDestroy;
import ru.outreach.events.CloudEventHeaders;

/**
 * Publishes an aggregate's pending events in order, waits for the broker, then removes exactly those events from the
 * document. At least once: a crash after the send and before the removal publishes them again on the next sweep, and
 * consumers ignore versions they have seen.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_STRIPES = 64;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final Object[] locks = new Object[LOCK_STRIPES];
    /** Publishing right after a change is best effort: when the queue is full the sweep picks the events up. */
    private final ExecutorService executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000), new CustomizableThreadFactory("outbox-relay-"),
            new ThreadPoolExecutor.DiscardPolicy());

    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                @Value("${spring.application.name}") String applicationName) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.source = "/" + applicationName;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    void publishSoon(String collectionName, String id) {
        if (properties.relayEnabled()) {
            executor.execute(() -> publishQuietly(collectionName, id));
        }
    }

    void publishQuietly(String collectionName, String id) {
        try {
            publish(collectionName, id);
        } catch (RuntimeException e) {
            log.warn("Events of {} {} stay pending, the sweep will retry: {}", collectionName, id, e.toString());
        }
    }

    /** Publishes the pending events of one document; returns how many. */
    int publish(String collectionName, String id) {
        synchronized (locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)]) {
            MongoCollection<Document> collection = mongo.getCollection(collectionName);
            Document document = collection.find(eq("_id", id)).projection(include(OutboxMessage.FIELD)).first();
            List<OutboxMessage> pending = document == null ? List.of()
                    : document.getList(OutboxMessage.FIELD, Document.class, List.of()).stream()
                            .map(OutboxMessage::fromDocument).toList();
            if (pending.isEmpty()) {
                return 0;
            }
            CompletableFuture.allOf(pending.stream().map(this::send).toArray(CompletableFuture[]::new))
                    .orTimeout(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .join();
            List<String> published = pending.stream().map(OutboxMessage::eventId).toList();
            collection.updateOne(eq("_id", id), new Document("$pull",
                    new Document(OutboxMessage.FIELD,
                            new Document(OutboxMessage.EVENT_ID, new Document("$in", published)))));
            return pending.size();
        }
    }

    /** Ids of the documents of a collection that hold pending events. */
    List<String> idsWithPendingEvents(String collectionName) {
        return mongo.getCollection(collectionName).find(exists(OutboxMessage.FIELD + ".0"))
                .projection(include("_id")).map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    long pendingEventCount(String collectionName) {
        return mongo.getCollection(collectionName).find(exists(OutboxMessage.FIELD + ".0"))
                .projection(include(OutboxMessage.FIELD))
                .map(document -> document.getList(OutboxMessage.FIELD, Document.class).size())
                .into(new ArrayList<>()).stream().mapToLong(Integer::longValue).sum();
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        Headers headers = record.headers();
        header(headers, CloudEventHeaders.ID, message.eventId());
        header(headers, CloudEventHeaders.TYPE, message.type());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, message.time().toString());
        header(headers, CloudEventHeaders.SUBJECT, message.subject());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return kafka.send(record);
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(properties.sendTimeout().toSeconds(), TimeUnit.SECONDS);
    }
}
