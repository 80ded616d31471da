package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Projections.include;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * events and the release of the lease are one update, conditioned on the claim; it also lowers the document's
 * {@link PendingFlag} when nothing else is left. Otherwise the relay looks again, so that events added while it held
 * the lease go out without waiting for the sweep. A relay that dies holding a lease
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
    /** Documents published in one round by a relay thread, with one wait for the broker. */
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final String owner;
    private final Clock clock;
    /** Leases whose release failed (the store was away): released again by the sweep instead of left to run out. */
    private final Set<Claimed> unreleased = ConcurrentHashMap.newKeySet();
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

    /** Takes what is queued, up to a batch at a time, so that one wait for the broker serves many documents. */
    private void work() {
        while (true) {
            List<Target> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            long stops = batch.stream().filter(target -> target == STOP).count();
            batch.removeIf(target -> target == STOP);
            batch.forEach(queued::remove);
            try {
                Round round = publish(batch);
                round.failures().forEach((target, failure) -> log.warn("Events of {} {} stay pending, the sweep"
                        + " will retry: {}", target.collection(), target.id(), failure.toString()));
                round.again().forEach(target -> publishSoon(target.collection(), target.id()));
            } catch (RuntimeException e) {
                log.warn("Events of {} documents stay pending, the sweep will retry: {}", batch.size(), e.toString());
            }
            if (stops > 0) {
                for (long other = 1; other < stops; other++) {
                    queue.add(STOP);
                }
                return;
            }
        }
    }

    /**
     * Publishes the pending events of one document, unless another relay holds its lease; returns how many. Looks
     * again after each round, for events added meanwhile.
     */
    int publish(String collectionName, String id) {
        List<Target> target = List.of(new Target(collectionName, id));
        int published = 0;
        while (true) {
            Round round = publish(target);
            published += round.published();
            if (!round.failures().isEmpty()) {
                throw round.failures().values().iterator().next();
            }
            if (round.again().isEmpty()) {
                return published;
            }
        }
    }

    /**
     * What a round of publishing did: how many events went out, which documents had events added meanwhile (to be
     * published again), and which failed (their events stay pending and their leases are released).
     */
    private record Round(int published, List<Target> again, Map<Target, RuntimeException> failures) {
    }

    /** A document this relay holds, its pending events, and their sends. */
    private record Claimed(Target target, String claim, List<OutboxMessage> pending,
                           List<CompletableFuture<?>> sent) {
    }

    /**
     * One round over some documents: claims each (skipping those another relay holds or without events), sends all
     * their events, each document's in order, waits for the broker once for all of them within the send timeout,
     * then for each document removes what went out and releases it.
     */
    private Round publish(List<Target> targets) {
        Map<Target, RuntimeException> failures = new LinkedHashMap<>();
        List<Claimed> claimed = new ArrayList<>();
        for (Target target : new LinkedHashSet<>(targets)) {
            try {
                Claimed document = claim(target);
                if (document != null) {
                    claimed.add(document);
                }
            } catch (RuntimeException e) {
                failures.put(target, e);
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (Claimed document : claimed) {
            try {
                for (OutboxMessage message : document.pending()) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException(new TimeoutException("send timeout "
                                + properties.sendTimeout()));
                    }
                    document.sent().add(send(message));
                }
            } catch (RuntimeException e) {
                failures.put(document.target(), e);
            }
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(claimed.stream().flatMap(document ->
                document.sent().stream()).toArray(CompletableFuture[]::new));
        try {
            all.orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).join();
        } catch (RuntimeException e) {
            // which documents failed is sorted out below, each by its own sends
        }
        int published = 0;
        List<Target> again = new ArrayList<>();
        for (Claimed document : claimed) {
            RuntimeException failure = failures.containsKey(document.target()) ? failures.get(document.target())
                    : failure(document);
            try {
                if (failure != null) {
                    failures.put(document.target(), failure);
                    release(document);
                } else {
                    published += document.pending().size();
                    if (removePublished(document)) {
                        again.add(document.target());
                    }
                }
            } catch (RuntimeException e) {
                failures.put(document.target(), e);
                unreleased.add(document);
            }
        }
        return new Round(published, again, failures);
    }

    /**
     * Takes the lease on a document with pending events (or a {@link PendingFlag} left on an empty outbox, to lower
     * it) that no relay holds; null when there is none such.
     */
    private Claimed claim(Target target) {
        String claim = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Document leased;
        try {
            leased = mongo.getCollection(target.collection()).findOneAndUpdate(
                    and(eq("_id", target.id()), or(exists(OutboxMessage.FIELD + ".0"), eq(PendingFlag.FIELD, true)),
                            free(now)),
                    new Document("$set", new Document(LEASE, new Document("owner", owner).append("claim", claim)
                            .append("until", Date.from(now.plus(properties.lease()))))),
                    new FindOneAndUpdateOptions().projection(include(OutboxMessage.FIELD))
                            .returnDocument(ReturnDocument.AFTER));
        } catch (RuntimeException e) {
            // the store may have taken the claim and lost only the answer: release it by the sweep, to be sure
            unreleased.add(new Claimed(target, claim, List.of(), List.of()));
            throw e;
        }
        if (leased == null) {
            return null;
        }
        List<OutboxMessage> pending = leased.getList(OutboxMessage.FIELD, Document.class, List.of()).stream()
                .map(OutboxMessage::fromDocument).toList();
        return new Claimed(target, claim, pending, new ArrayList<>(pending.size()));
    }

    /** Why a document's sends did not all succeed in time, or null when they did. */
    private static RuntimeException failure(Claimed document) {
        for (CompletableFuture<?> send : document.sent()) {
            if (!send.isDone()) {
                return new IllegalStateException(new TimeoutException("no acknowledgement within the send timeout"));
            }
            if (send.isCompletedExceptionally()) {
                try {
                    send.join();
                } catch (RuntimeException e) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * Removes the published events and releases the lease, conditioned on the claim; returns whether to look again.
     * When the outbox holds exactly the published events (as many, and each of them), one update empties it, lowers
     * the {@link PendingFlag} and releases the lease. Otherwise events were added meanwhile (or a relay whose lease
     * ran out took some out): the published ones are pulled, the flag stays, and the relay looks again.
     */
    private boolean removePublished(Claimed document) {
        MongoCollection<Document> collection = mongo.getCollection(document.target().collection());
        Document emptied = new Document("$set", new Document(OutboxMessage.FIELD, List.of()))
                .append("$unset", new Document(LEASE, "").append(PendingFlag.FIELD, ""));
        if (collection.updateOne(and(leasedBy(document), holdsExactly(document.pending())), emptied)
                .getMatchedCount() > 0) {
            return false;
        }
        Document pull = new Document(OutboxMessage.FIELD, new Document(OutboxMessage.EVENT_ID,
                new Document("$in", document.pending().stream().map(OutboxMessage::eventId).toList())));
        if (collection.updateOne(leasedBy(document),
                new Document("$pull", pull).append("$unset", new Document(LEASE, ""))).getMatchedCount() == 0) {
            // the lease ran out and another relay took the events over: it publishes them again (at least once);
            // what is sure to be out need not stay
            collection.updateOne(eq("_id", document.target().id()), new Document("$pull", pull));
            log.warn("Lease on {} {} ran out while its events were published; another relay took them over",
                    document.target().collection(), document.target().id());
            return false;
        }
        return true;
    }

    /**
     * The outbox holds exactly these events: as many elements, each of the (distinct) event ids among them; or is
     * empty when there are none. An exact size alone is not enough: a relay whose lease ran out may have pulled some
     * of them and a change added as many others.
     */
    private static Bson holdsExactly(List<OutboxMessage> events) {
        if (events.isEmpty()) {
            return exists(OutboxMessage.FIELD + ".0", false);
        }
        return and(size(OutboxMessage.FIELD, events.size()), all(OutboxMessage.FIELD + "." + OutboxMessage.EVENT_ID,
                events.stream().map(OutboxMessage::eventId).toList()));
    }

    /**
     * Releases the leases this relay could not release when it was done with them (their events stay pending and go
     * out again, at least once), so that their documents need not wait for the leases to run out; returns how many.
     */
    int releaseLeftLeases() {
        int released = 0;
        for (Claimed document : unreleased) {
            try {
                release(document);
                unreleased.remove(document);
                released++;
            } catch (RuntimeException e) {
                log.debug("Lease on {} {} still not released: {}", document.target().collection(),
                        document.target().id(), e.toString());
            }
        }
        return released;
    }

    /** Releases the lease and leaves the events pending, for the sweep of this or another replica. */
    private void release(Claimed document) {
        mongo.getCollection(document.target().collection())
                .updateOne(leasedBy(document), new Document("$unset", new Document(LEASE, "")));
    }

    /** No relay holds the document: no lease, or one that has run out. */
    private static Bson free(Instant now) {
        return or(exists(LEASE, false), lt(LEASE + ".until", Date.from(now)));
    }

    private static Bson leasedBy(Claimed document) {
        return and(eq("_id", document.target().id()), eq(LEASE + ".claim", document.claim()));
    }

    /**
     * Ids of the documents of a collection that hold pending events and that no relay holds: those with the
     * {@link PendingFlag}, read through its index.
     */
    List<String> idsWithPendingEvents(String collectionName) {
        return mongo.getCollection(collectionName).find(and(eq(PendingFlag.FIELD, true), free(clock.instant())))
                .projection(include("_id")).map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    /** The events waiting in the documents of a collection: those with the {@link PendingFlag}, through its index. */
    long pendingEventCount(String collectionName) {
        return mongo.getCollection(collectionName).find(eq(PendingFlag.FIELD, true))
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
