package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Projections.include;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;

import jakarta.annotation.PreDestroy;
import ru.outreach.events.CloudEventHeaders;

/**
 * Publishes an aggregate's pending events in order, waits for the broker, then removes exactly those events from the
 * document. At least once: a crash after the send and before the removal publishes them again on the next sweep, and
 * consumers ignore versions they have seen.
 * <p>
 * Safe with several replicas: before publishing, a relay claims the document with a lease written into it
 * ({@code outboxLease: {owner, claim, until}}, one conditional update: only where there is no lease or it has
 * expired). Whoever holds the lease publishes; the others leave the document alone. The removal of the published
 * events and the release of the lease are one update, conditioned on the claim; then the relay looks again, so that
 * events added while it held the lease go out without waiting for the sweep. A relay that dies holding a lease
 * leaves it to expire ({@link OutboxProperties#lease()}), and the sweep of any replica takes the events over.
 * <p>
 * Right after each change the document is queued for the relay's threads. The queue holds each document once
 * however often it changes before a thread gets to it, and has no bound to overflow: it never drops work, and it
 * can hold no more than the documents with pending events. What a failed send leaves, the sweep retries.
 */
@Component
public class OutboxRelay {

    static final String LEASE = "outboxLease";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Target STOP = new Target("", "");

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final String owner;
    private final Clock clock;
    private final BlockingQueue<Target> queue = new LinkedBlockingQueue<>();
    private final Set<Target> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    /** A document whose events to publish. */
    private record Target(String collection, String id) {
    }

    @Autowired
    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                @Value("${spring.application.name}") String applicationName) {
        this(mongo, kafka, properties, applicationName, applicationName + "/" + UUID.randomUUID(),
                Clock.systemUTC());
    }

    /**
     * @param owner who holds the leases this relay takes: one id per process
     * @param clock the real time of the leases (never the service's clock, which tests may move)
     */
    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                String applicationName, String owner, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.source = "/" + applicationName;
        this.owner = owner;
        this.clock = clock;
        if (properties.relayEnabled()) {
            for (int i = 1; i <= properties.relayThreads(); i++) {
                Thread worker = new Thread(this::work, "outbox-relay-" + i);
                worker.setDaemon(true);
                workers.add(worker);
            }
            workers.forEach(Thread::start);
        }
    }

    /** Queues the document for the relay's threads; a document already waiting is not queued twice. */
    void publishSoon(String collectionName, String id) {
        Target target = new Target(collectionName, id);
        if (properties.relayEnabled() && running && queued.add(target)) {
            queue.add(target);
        }
    }

    private void work() {
        while (true) {
            Target target;
            try {
                target = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (target == STOP) {
                return;
            }
            queued.remove(target);
            publishQuietly(target.collection(), target.id());
        }
    }

    void publishQuietly(String collectionName, String id) {
        try {
            publish(collectionName, id);
        } catch (RuntimeException e) {
            log.warn("Events of {} {} stay pending, the sweep will retry: {}", collectionName, id, e.toString());
        }
    }

    /**
     * Publishes the pending events of one document, unless another relay holds its lease; returns how many. Looks
     * again after each round, for events added meanwhile.
     */
    int publish(String collectionName, String id) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        int published = 0;
        while (true) {
            String claim = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Document leased = collection.findOneAndUpdate(
                    and(eq("_id", id), exists(OutboxMessage.FIELD + ".0"), free(now)),
                    new Document("$set", new Document(LEASE, new Document("owner", owner).append("claim", claim)
                            .append("until", Date.from(now.plus(properties.lease()))))),
                    new FindOneAndUpdateOptions().projection(include(OutboxMessage.FIELD))
                            .returnDocument(ReturnDocument.AFTER));
            if (leased == null) {
                return published;
            }
            List<OutboxMessage> pending = leased.getList(OutboxMessage.FIELD, Document.class, List.of()).stream()
                    .map(OutboxMessage::fromDocument).toList();
            try {
                sendAll(pending);
            } catch (RuntimeException e) {
                collection.updateOne(leasedBy(id, claim), new Document("$unset", new Document(LEASE, "")));
                throw e;
            }
            List<String> eventIds = pending.stream().map(OutboxMessage::eventId).toList();
            Document pull = new Document(OutboxMessage.FIELD,
                    new Document(OutboxMessage.EVENT_ID, new Document("$in", eventIds)));
            published += pending.size();
            if (collection.updateOne(leasedBy(id, claim), new Document("$pull", pull)
                    .append("$unset", new Document(LEASE, ""))).getMatchedCount() == 0) {
                // the lease ran out and another relay took the events over: it publishes them again (at least
                // once); what is sure to be out need not stay
                collection.updateOne(eq("_id", id), new Document("$pull", pull));
                log.warn("Lease on {} {} ran out while its events were published; another relay took them over",
                        collectionName, id);
                return published;
            }
        }
    }

    /** No relay holds the document: no lease, or one that has run out. */
    private static Bson free(Instant now) {
        return or(exists(LEASE, false), lt(LEASE + ".until", Date.from(now)));
    }

    private static Bson leasedBy(String id, String claim) {
        return and(eq("_id", id), eq(LEASE + ".claim", claim));
    }

    /** Sends in order and waits for every acknowledgement, all within the send timeout. */
    private void sendAll(List<OutboxMessage> pending) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        List<CompletableFuture<?>> sent = new ArrayList<>(pending.size());
        for (OutboxMessage message : pending) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(new TimeoutException("send timeout " + properties.sendTimeout()));
            }
            sent.add(send(message));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .join();
    }

    /** Ids of the documents of a collection that hold pending events and that no relay holds. */
    List<String> idsWithPendingEvents(String collectionName) {
        return mongo.getCollection(collectionName).find(and(exists(OutboxMessage.FIELD + ".0"), free(clock.instant())))
                .projection(include("_id")).map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    long pendingEventCount(String collectionName) {
        return mongo.getCollection(collectionName).find(exists(OutboxMessage.FIELD + ".0"))
                .projection(include(OutboxMessage.FIELD))
                .map(document -> document.getList(OutboxMessage.FIELD, Document.class).size())
                .into(new ArrayList<>()).stream().mapToLong(Integer::longValue).sum();
    }

    /** Documents queued for the relay's threads and not taken yet. */
    int queued() {
        return queued.size();
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

    /**
     * Lets the threads finish what is queued, within the send timeout; what is left stays pending in the documents
     * for the next sweep (here or in another replica).
     */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        workers.forEach(worker -> queue.add(STOP));
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (Thread worker : workers) {
            worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        workers.forEach(Thread::interrupt);
    }
}
