package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The relay against a real broker (embedded KRaft) and the store in memory: relays of two replicas (two instances
 * with their own owners over one store) publishing the same documents at once, a lease left by a dead replica, a
 * burst of changes larger than the old bounded queue, events added while a relay holds a document.
 */
@EmbeddedKafka(partitions = 3, topics = {OutboxRelayIT.RACE, OutboxRelayIT.TAKEOVER, OutboxRelayIT.BURST,
        OutboxRelayIT.FOLLOW_UP})
class OutboxRelayIT {

    static final String RACE = "relay.race";
    static final String TAKEOVER = "relay.takeover";
    static final String BURST = "relay.burst";
    static final String FOLLOW_UP = "relay.follow-up";
    private static final String COLLECTION = "test_groups";

    private static MongoServer server;
    private static MongoClient client;
    private static DefaultKafkaProducerFactory<String, String> producers;
    private static String brokers;

    private MongoTemplate mongo;
    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        brokers = broker.getBrokersAsString();
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producers.destroy();
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void store() {
        mongo = new MongoTemplate(client, "relay-" + UUID.randomUUID());
    }

    @AfterEach
    void stopRelays() throws InterruptedException {
        for (OutboxRelay relay : relays) {
            relay.stop();
        }
    }

    /**
     * Each replica's relay threads get every document queued (as after a change), and two more threads per replica
     * publish every document directly (as the sweep does), all at once.
     */
    @Test
    void twoReplicasPublishingTheSameDocumentsAtOncePublishEveryEventExactlyOnceInOrder() throws Exception {
        Map<String, List<String>> events = pendingDocuments(RACE, 150, 4);
        OutboxRelay first = relay("replica-1", new KafkaTemplate<>(producers));
        OutboxRelay second = relay("replica-2", new KafkaTemplate<>(producers));
        List<String> ids = new ArrayList<>(events.keySet());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (OutboxRelay relay : List.of(first, second)) {
                done.add(threads.submit(() -> {
                    start.await();
                    ids.forEach(id -> relay.publishSoon(COLLECTION, id));
                    return null;
                }));
            }
            for (OutboxRelay relay : List.of(first, first, second, second)) {
                List<String> order = new ArrayList<>(ids);
                Collections.shuffle(order);
                done.add(threads.submit(() -> {
                    start.await();
                    order.forEach(id -> relay.publish(COLLECTION, id));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : done) {
                thread.get(3, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> first.pendingEventCount(COLLECTION) == 0
                && first.queued() == 0 && second.queued() == 0
                && collection().countDocuments(exists(OutboxRelay.LEASE)) == 0);
        assertThat(collection().countDocuments(exists("outbox.0"))).isZero();
        assertThat(collection().countDocuments(exists(PendingFlag.FIELD))).as("every flag lowered").isZero();

        List<ConsumerRecord<String, String>> records = readAll(RACE);
        assertThat(records).extracting(OutboxRelayIT::eventId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(events.values().stream().flatMap(List::stream).toList());
        Map<String, List<String>> byKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(OutboxRelayIT::eventId, Collectors.toList())));
        assertThat(byKey).as("each document's events in the order they were recorded").isEqualTo(events);
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndOneThatHoldsIsLeftAlone() {
        Map<String, List<String>> events = pendingDocuments(TAKEOVER, 2, 2);
        String dead = "doc-0";
        String alive = "doc-1";
        lease(dead, "crashed-replica", Instant.now().minusSeconds(1));
        lease(alive, "busy-replica", Instant.now().plus(Duration.ofHours(1)));
        OutboxRelay relay = relay("replica-1", new KafkaTemplate<>(producers));

        assertThat(relay.idsWithPendingEvents(COLLECTION)).as("what the sweep picks up").containsExactly(dead);
        assertThat(relay.publish(COLLECTION, alive)).isZero();
        assertThat(relay.publish(COLLECTION, dead)).isEqualTo(2);

        Document taken = collection().find(eq("_id", dead)).first();
        assertThat(taken).doesNotContainKeys(OutboxRelay.LEASE, PendingFlag.FIELD);
        assertThat(taken.getList("outbox", Document.class)).isEmpty();
        Document held = collection().find(eq("_id", alive)).first();
        assertThat(held.getList("outbox", Document.class)).hasSize(2);
        assertThat(held).containsEntry(PendingFlag.FIELD, true);
        assertThat(held.get(OutboxRelay.LEASE, Document.class).getString("owner")).isEqualTo("busy-replica");
        assertThat(readAll(TAKEOVER)).extracting(OutboxRelayIT::eventId).containsExactlyElementsOf(events.get(dead));
    }

    /**
     * 12,000 documents changed at once, each queued twice: more than the 10,000 that the old bounded queue held
     * before it dropped work to the sweep. No sweep runs here; every event is published by the relay's threads.
     */
    @Test
    void aBurstOfChangesLargerThanAnyQueueIsPublishedWholeWithoutTheSweep() throws Exception {
        int documents = 12_000;
        Map<String, List<String>> events = pendingDocuments(BURST, documents, 1);
        OutboxRelay relay = relay("replica-1", new KafkaTemplate<>(producers));
        long started = System.nanoTime();

        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<String> ids = new ArrayList<>(events.keySet());
            List<Future<?>> queued = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                List<String> part = ids.subList(writer * documents / 4, (writer + 1) * documents / 4);
                queued.add(writers.submit(() -> {
                    part.forEach(id -> relay.publishSoon(COLLECTION, id));
                    part.forEach(id -> relay.publishSoon(COLLECTION, id));
                }));
            }
            for (Future<?> done : queued) {
                done.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> relay.pendingEventCount(COLLECTION) == 0 && relay.queued() == 0);
        System.out.printf("Burst of %d documents published by the relay in %d ms%n", documents,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(readAll(BURST)).extracting(OutboxRelayIT::eventId).doesNotHaveDuplicates()
                .hasSize(documents)
                .containsExactlyInAnyOrderElementsOf(events.values().stream().flatMap(List::stream).toList());
    }

    /**
     * A change on another replica finds the document leased and leaves it; the holder looks again after its release
     * and publishes the new event too, without waiting for the sweep.
     */
    @Test
    void eventsAddedWhileARelayHoldsTheDocumentGoOutWithoutTheSweep() throws Exception {
        Map<String, List<String>> events = pendingDocuments(FOLLOW_UP, 1, 1);
        String id = "doc-0";
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        KafkaTemplate<String, String> gated = new KafkaTemplate<>(producers) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                sending.countDown();
                try {
                    proceed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.send(record);
            }
        };
        OutboxRelay holder = relay("replica-1", gated);
        OutboxRelay other = relay("replica-2", new KafkaTemplate<>(producers));

        holder.publishSoon(COLLECTION, id);
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
        String later = addEvent(FOLLOW_UP, id, 1);
        assertThat(other.publish(COLLECTION, id)).as("the other replica finds it leased").isZero();
        proceed.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> holder.pendingEventCount(COLLECTION) == 0);
        assertThat(readAll(FOLLOW_UP)).extracting(OutboxRelayIT::eventId)
                .containsExactly(events.get(id).getFirst(), later);
    }

    private OutboxRelay relay(String owner, KafkaTemplate<String, String> kafka) {
        OutboxRelay relay = new OutboxRelay(mongo, kafka,
                new OutboxProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(30), null, 2),
                "kit-test", owner, Clock.systemUTC());
        relays.add(relay);
        return relay;
    }

    /**
     * Documents {@code doc-0…} with pending events for {@code topic}, flagged as {@link AggregateStore} writes them;
     * their event ids, in order, by document.
     */
    private Map<String, List<String>> pendingDocuments(String topic, int documents, int eventsEach) {
        Map<String, List<String>> events = new HashMap<>();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            String id = "doc-" + i;
            List<Document> outbox = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int seq = 1; seq <= eventsEach; seq++) {
                OutboxMessage message = message(topic, id, seq);
                outbox.add(message.toDocument());
                ids.add(message.eventId());
            }
            events.put(id, ids);
            batch.add(new Document("_id", id).append("version", eventsEach).append("outbox", outbox)
                    .append(PendingFlag.FIELD, true));
            if (batch.size() == 1_000) {
                collection().insertMany(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            collection().insertMany(batch);
        }
        return events;
    }

    private String addEvent(String topic, String id, int seq) {
        OutboxMessage message = message(topic, id, seq + 1);
        collection().updateOne(eq("_id", id), new Document("$push", new Document("outbox", message.toDocument()))
                .append("$set", new Document(PendingFlag.FIELD, true)));
        return message.eventId();
    }

    private static OutboxMessage message(String topic, String id, int seq) {
        return new OutboxMessage(UUID.randomUUID().toString(), topic, id, "ru.outreach.TestEvent", "test/" + id,
                Instant.now(), "{\"id\":\"" + id + "\",\"version\":" + seq + "}");
    }

    private void lease(String id, String owner, Instant until) {
        collection().updateOne(eq("_id", id), new Document("$set", new Document(OutboxRelay.LEASE,
                new Document("owner", owner).append("claim", UUID.randomUUID().toString())
                        .append("until", Date.from(until)))));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Every record of the topic, up to the end offsets as they are now. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertThat(System.nanoTime() - deadline).as("read %s to its end within a minute", topic).isNegative();
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
