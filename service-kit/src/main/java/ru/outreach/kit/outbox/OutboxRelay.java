package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import ru.outreach.events.CloudEventHeaders;

/**
 * Publishes an aggregate's pending events in order, waits for the broker, then removes exactly those events from the
 * document. At least once: a crash after the send and before the removal publishes them again on the next sweep, and
 * consumers ignore versions they have seen.
 * <p>
 * Safe with several replicas: before publishing, a relay claims the document with a lease written into it
 * ({@code outboxLease: {owner, claim, until}}, a conditional update: only where there is no lease or it has
 * expired). Whoever holds the lease publishes; the others leave the document alone. The removal of the published
 * events and the release of the lease are one update, conditioned on the claim; it also lowers the document's
 * {@link PendingFlag} when nothing else is left. Otherwise the relay looks again, so that events added while it held
 * the lease go out without waiting for the sweep. A relay that dies holding a lease leaves it to expire
 * ({@link OutboxProperties#lease()}), and the sweep of any replica takes the events over. The documents of a round
 * are claimed and released together, a few store commands for all of them ({@link OutboxLeases}).
 * <p>
 * Right after each change the document is queued for the relay's threads. The queue holds each document once
 * however often it changes before a thread gets to it, and has no bound to overflow: it never drops work, and it
 * can hold no more than the documents with pending events. What a failed send leaves, the sweep retries.
 */
@Component
public class OutboxRelay {

    static final String LEASE = OutboxLeases.LEASE;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Target STOP = new Target("", "");
    /** Documents published in one round by a relay thread, with one wait for the broker. */
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final OutboxLeases leases;
    /** Leases whose release failed (the store was away): released again by the sweep instead of left to run out. */
    private final Set<Claimed> unreleased = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Target> queue = new LinkedBlockingQueue<>();
    private final Set<Target> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    /** A document whose events to publish. */
    record Target(String collection, String id) {
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
        this.leases = new OutboxLeases(mongo, owner, properties.lease(), clock);
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
                logFailures(round);
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
     * Publishes the pending events of documents of one collection, up to a batch at a time, looking again after each
     * round for events added meanwhile; returns how many went out. A document another relay holds is left alone; one
     * whose events fail stays pending for the next sweep (logged).
     */
    int publishAll(String collectionName, List<String> ids) {
        int published = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Target> targets = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
                    .map(id -> new Target(collectionName, id)).toList();
            while (!targets.isEmpty()) {
                Round round = publish(targets);
                published += round.published();
                logFailures(round);
                targets = round.again();
            }
        }
        return published;
    }

    private static void logFailures(Round round) {
        round.failures().forEach((target, failure) -> log.warn("Events of {} {} stay pending, the sweep will retry: {}",
                target.collection(), target.id(), failure.toString()));
    }

    /**
     * What a round of publishing did: how many events went out, which documents had events added meanwhile (to be
     * published again), and which failed (their events stay pending and their leases are released).
     */
    private record Round(int published, List<Target> again, Map<Target, RuntimeException> failures) {
    }

    /** A document this relay holds (under the claim of its lease), its pending events, and their sends. */
    record Claimed(Target target, String claim, List<OutboxMessage> pending, List<CompletableFuture<?>> sent) {
    }

    /**
     * One round over some documents: claims them (skipping those another relay holds or without events), a
     * collection's documents together ({@link OutboxLeases}), sends all their events, each document's in order,
     * waits for the broker once for all of them within the send timeout, then removes what went out and releases
     * them, again a collection's documents together; a document whose sends failed is released with its events.
     */
    private Round publish(List<Target> targets) {
        Map<Target, RuntimeException> failures = new LinkedHashMap<>();
        List<Claimed> claimed = new ArrayList<>();
        byCollection(new LinkedHashSet<>(targets), Target::collection).forEach((collection, sameCollection) -> {
            List<String> ids = sameCollection.stream().map(Target::id).toList();
            String claim = UUID.randomUUID().toString();
            try {
                claimed.addAll(leases.claim(collection, ids, claim));
            } catch (RuntimeException e) {
                // the store may have taken the claims and lost only the answer: release them by the sweep, to be sure
                sameCollection.forEach(target -> {
                    unreleased.add(new Claimed(target, claim, List.of(), List.of()));
                    failures.put(target, e);
                });
            }
        });
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
        List<Claimed> sent = new ArrayList<>();
        for (Claimed document : claimed) {
            RuntimeException failure = failures.containsKey(document.target()) ? failures.get(document.target())
                    : failure(document);
            if (failure == null) {
                sent.add(document);
                continue;
            }
            failures.put(document.target(), failure);
            try {
                leases.release(document);
            } catch (RuntimeException e) {
                unreleased.add(document);
            }
        }
        List<Target> again = new ArrayList<>();
        for (List<Claimed> sameCollection : byCollection(sent, document -> document.target().collection()).values()) {
            try {
                again.addAll(leases.removePublished(sameCollection.getFirst().target().collection(), sameCollection));
                published += sameCollection.stream().mapToInt(document -> document.pending().size()).sum();
            } catch (RuntimeException e) {
                sameCollection.forEach(document -> {
                    failures.put(document.target(), e);
                    unreleased.add(document);
                });
            }
        }
        return new Round(published, again, failures);
    }

    private static <T> Map<String, List<T>> byCollection(Collection<T> items, Function<T, String> collection) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(collection.apply(item), name -> new ArrayList<>()).add(item));
        return groups;
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
     * Releases the leases this relay could not release when it was done with them (their events stay pending and go
     * out again, at least once), so that their documents need not wait for the leases to run out; returns how many.
     */
    int releaseLeftLeases() {
        int released = 0;
        for (Claimed document : unreleased) {
            try {
                leases.release(document);
                unreleased.remove(document);
                released++;
            } catch (RuntimeException e) {
                log.debug("Lease on {} {} still not released: {}", document.target().collection(),
                        document.target().id(), e.toString());
            }
        }
        return released;
    }

    /**
     * Ids of the documents of a collection that hold pending events and that no relay holds: those with the
     * {@link PendingFlag}, read through its index.
     */
    List<String> idsWithPendingEvents(String collectionName) {
        return leases.idsWithPendingEvents(collectionName);
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
