package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the relay costs the store per published document: the commands it sends (by name) and the time, for a burst
 * of changes published by the relay's threads and for a backlog published by the sweep. The broker is a template
 * that acknowledges at once, so only the store's part is measured. The store is the library's in memory, which scans
 * for any filter with more than {@code _id} (so its times say little), or the one at
 * {@code -Dbench.store=mongodb://…} (the embedded store of {@code deploy/local-stack}, or MongoDB);
 * {@code -Dbench.documents} sets the size (5,000).
 * Run by {@code ./bench.sh} or {@code -Pbenchmark -Dtest=OutboxRelayBenchmark}; prints its figures.
 */
@Tag("benchmark")
class OutboxRelayBenchmark {

    private static final String COLLECTION = "test_groups";
    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 5_000);

    private static MongoServer server;
    /** The relay's client: its commands are counted. */
    private static MongoClient counted;
    /** The benchmark's own client, for setting up and waiting. */
    private static MongoClient plain;
    private static final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        String address = System.getProperty("bench.store");
        if (address == null) {
            server = new MongoServer(new MemoryBackend());
            address = server.bindAndGetConnectionString();
        }
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
            }
        };
        counted = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address)).addCommandListener(listener).build());
        plain = MongoClients.create(address);
    }

    @AfterAll
    static void stop() {
        counted.close();
        plain.close();
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void aBurstPublishedByTheRelayThreads() throws InterruptedException {
        String database = "bench-" + UUID.randomUUID();
        List<String> ids = pendingDocuments(database);
        OutboxRelay relay = relay(database);
        try {
            commands.clear();
            long started = System.nanoTime();
            ids.forEach(id -> relay.publishSoon(COLLECTION, id));
            awaitPublished(database);
            report("burst, relay threads", started);
        } finally {
            relay.stop();
        }
    }

    @Test
    void aBacklogPublishedByTheSweep() throws InterruptedException {
        String database = "bench-" + UUID.randomUUID();
        pendingDocuments(database);
        OutboxRelay relay = relay(database);
        try {
            MongoTemplate mongo = new MongoTemplate(counted, database);
            mongo.getConverter().getMappingContext().getPersistentEntity(TestGroup.class);
            OutboxSweeper sweeper = new OutboxSweeper(mongo, relay, new PendingFlag(mongo), properties(),
                    new SimpleMeterRegistry());
            commands.clear();
            long started = System.nanoTime();
            assertThat(sweeper.sweep()).isEqualTo(DOCUMENTS);
            awaitPublished(database);
            report("backlog, sweep", started);
        } finally {
            relay.stop();
        }
    }

    private static void report(String scenario, long started) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Map<String, Long> byName = new TreeMap<>();
        commands.forEach((name, count) -> byName.put(name, count.sum()));
        long total = byName.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("Outbox %s on %s: %d documents (1 event each) in %d ms; %d store commands, %.2f per"
                + " document %s%n", scenario, System.getProperty("bench.store", "the memory store"), DOCUMENTS, millis,
                total, (double) total / DOCUMENTS, byName);
    }

    private static void awaitPublished(String database) {
        MongoCollection<Document> collection = plain.getDatabase(database).getCollection(COLLECTION);
        // the flag is lowered only with the last event: counted from its index, without reading the documents
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> collection.countDocuments(eq(PendingFlag.FIELD, true)) == 0);
        assertThat(collection.countDocuments(exists(OutboxMessage.FIELD + ".0"))).isZero();
    }

    private static OutboxRelay relay(String database) {
        return new OutboxRelay(new MongoTemplate(counted, database), new Acknowledging(), properties(), "bench",
                "replica-1", Clock.systemUTC());
    }

    private static OutboxProperties properties() {
        return new OutboxProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(30), null, 2);
    }

    private static List<String> pendingDocuments(String database) {
        new PendingFlag(new MongoTemplate(plain, database)).ensureIndex(COLLECTION);
        MongoCollection<Document> collection = plain.getDatabase(database).getCollection(COLLECTION);
        List<String> ids = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String id = "doc-" + i;
            ids.add(id);
            OutboxMessage message = new OutboxMessage(UUID.randomUUID().toString(), "bench", id,
                    "ru.outreach.TestEvent", "test/" + id, Instant.now(), "{\"id\":\"" + id + "\",\"version\":1}");
            documents.add(new Document("_id", id).append("version", 1).append("name", "Группа " + i)
                    .append(OutboxMessage.FIELD, List.of(message.toDocument())).append(PendingFlag.FIELD, true));
        }
        collection.insertMany(documents);
        return ids;
    }

    /** A broker that acknowledges every record at once. */
    private static final class Acknowledging extends KafkaTemplate<String, String> {

        Acknowledging() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }
}
