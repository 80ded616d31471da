package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.BsonDocument;
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
import ru.outreach.events.CloudEventHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link PendingFlag}: raised with the events, lowered only with the last of them, found by the sweep and
 * counted by the gauge through it; and the store commands of the relay's rounds ({@link OutboxLeases}). The store in memory; the broker a template that records what it is given (and
 * can run a change in the middle of a send, or refuse sends), so each interleaving is exact.
 */
class OutboxPendingFlagTest {

    private static final String COLLECTION = "test_groups";

    private static MongoServer server;
    private static MongoClient client;
    /** A client whose commands are not recorded: for changes made in the middle of the relay's work. */
    private static MongoClient quiet;
    /** The commands the store was sent, as the driver sent them. */
    private static final Queue<BsonDocument> commands = new ConcurrentLinkedQueue<>();

    private MongoTemplate mongo;
    private AggregateStore store;
    private Broker broker;
    private OutboxRelay relay;
    private OutboxSweeper sweeper;
    private SimpleMeterRegistry registry;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener).build());
        quiet = MongoClients.create(server.getConnectionString());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        quiet.close();
        server.shutdownNow();
    }

    @BeforeEach
    void start() {
        mongo = new MongoTemplate(client, "flag-" + UUID.randomUUID());
        // the changes are written by a service whose relay is off: as if it died before publishing
        OutboxRelay crashed = new OutboxRelay(mongo, null,
                new OutboxProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(30), null, 1),
                "kit-test", "crashed", Clock.systemUTC());
        store = new AggregateStore(mongo, JsonMapper.builder().build(), crashed, Clock.systemUTC());
        broker = new Broker();
        OutboxProperties properties = new OutboxProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(30),
                null, 1);
        relay = new OutboxRelay(mongo, broker, properties, "kit-test", "replica-1", Clock.systemUTC());
        registry = new SimpleMeterRegistry();
        sweeper = new OutboxSweeper(mongo, relay, new PendingFlag(mongo), properties, registry);
        mongo.getConverter().getMappingContext().getPersistentEntity(TestGroup.class); // an aggregate collection
    }

    @AfterEach
    void stop() throws InterruptedException {
        relay.stop();
    }

    @Test
    void aChangeLeftUnpublishedByACrashIsFlaggedInItsOwnWriteAndTheSweepFindsItThroughTheFlag() {
        TestGroup group = store.insert(TestGroup.register("g-1", "Группа 1"));
        assertThat(raw("g-1")).containsEntry(PendingFlag.FIELD, true);
        group.rename("Группа 2");
        store.update(group);
        List<String> events = eventIds(raw("g-1"));
        assertThat(raw("g-1")).containsEntry(PendingFlag.FIELD, true);
        assertThat(events).hasSize(2);
        assertThat(gauge()).isEqualTo(2);

        assertThat(sweeper.sweep()).isEqualTo(2);

        assertThat(broker.sent).containsExactlyElementsOf(events);
        assertThat(raw("g-1")).doesNotContainKeys(PendingFlag.FIELD, OutboxRelay.LEASE);
        assertThat(eventIds(raw("g-1"))).isEmpty();
        assertThat(gauge()).isZero();

        group.rename("Группа 3");
        store.update(group);
        assertThat(raw("g-1")).as("raised again by the next change").containsEntry(PendingFlag.FIELD, true);
        assertThat(gauge()).isEqualTo(1);
    }

    @Test
    void documentsStoredWithEventsBeforeTheFlagAreFlaggedAtStartUpAndOnlyTheFlagIsSweptPeriodically() {
        String event = UUID.randomUUID().toString();
        collection().insertOne(new Document("_id", "old").append("version", 1L)
                .append(OutboxMessage.FIELD, List.of(message(event, "old").toDocument())));

        assertThat(sweeper.sweep()).as("the periodic sweep reads only flagged documents").isZero();
        assertThat(gauge()).as("the gauge counts only flagged documents").isZero();

        sweeper.atStartup();

        assertThat(broker.sent).containsExactly(event);
        assertThat(raw("old")).doesNotContainKeys(PendingFlag.FIELD, OutboxRelay.LEASE);
        Document index = collection().listIndexes().into(new ArrayList<>()).stream()
                .filter(each -> PendingFlag.INDEX.equals(each.getString("name"))).findFirst().orElseThrow();
        assertThat(index.get("key", Document.class)).isEqualTo(new Document(PendingFlag.FIELD, 1));
        assertThat(index.getBoolean("sparse")).isTrue();

        String later = UUID.randomUUID().toString();
        collection().insertOne(new Document("_id", "stored-by-an-old-replica").append("version", 1L)
                .append(OutboxMessage.FIELD, List.of(message(later, "stored-by-an-old-replica").toDocument())));
        sweeper.atStartup();
        assertThat(broker.sent).as("the scan for unflagged documents ran once, as its record in %s says",
                PendingFlag.MIGRATIONS).containsExactly(event);
        assertThat(mongo.getCollection(PendingFlag.MIGRATIONS).countDocuments()).isEqualTo(1);
    }

    /**
     * The first event is published; a change adds a second while it is sent, and the broker then goes away. The
     * relay removes only the first, keeps the flag, and the second waits for the sweep, which finds it by the flag.
     */
    @Test
    void anEventAddedWhileAnotherIsPublishedKeepsTheFlagAndIsNotStranded() {
        store.insert(TestGroup.register("g-1", "Группа 1"));
        String first = eventIds(raw("g-1")).getFirst();
        broker.duringNextSend(() -> {
            TestGroup group = mongo.findById("g-1", TestGroup.class);
            group.rename("Группа 2");
            store.update(group);
            broker.away = true;
        });

        assertThatThrownBy(() -> relay.publish(COLLECTION, "g-1")).hasMessageContaining("broker away");

        assertThat(broker.sent).containsExactly(first);
        Document left = raw("g-1");
        assertThat(eventIds(left)).hasSize(1).doesNotContain(first);
        assertThat(left).containsEntry(PendingFlag.FIELD, true).doesNotContainKey(OutboxRelay.LEASE);
        assertThat(relay.idsWithPendingEvents(COLLECTION)).containsExactly("g-1");
        assertThat(gauge()).isEqualTo(1);

        broker.away = false;
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(broker.sent).containsExactly(first, eventIds(left).getFirst());
        assertThat(raw("g-1")).doesNotContainKeys(PendingFlag.FIELD, OutboxRelay.LEASE);
    }

    /**
     * While the relay sends a and b, a relay whose lease on the document ran out pulls a (it had sent it), and a
     * change adds c: the outbox is [b, c], as many events as were sent. It must not be taken for the sent ones: c
     * is published and the flag lowered only after it.
     */
    @Test
    void asManyEventsAsWereSentButOthersAreNotTakenForTheSentOnes() {
        TestGroup group = store.insert(TestGroup.register("g-1", "Группа 1"));
        group.rename("Группа 2");
        store.update(group);
        List<String> sentFirst = eventIds(raw("g-1"));
        broker.duringNextSend(() -> {
            collection().updateOne(eq("_id", "g-1"), new Document("$pull", new Document(OutboxMessage.FIELD,
                    new Document(OutboxMessage.EVENT_ID, sentFirst.getFirst()))));
            TestGroup fresh = mongo.findById("g-1", TestGroup.class);
            fresh.rename("Группа 3");
            store.update(fresh);
        });

        assertThat(relay.publish(COLLECTION, "g-1")).isEqualTo(3);

        assertThat(broker.sent).hasSize(3).startsWith(sentFirst.toArray(String[]::new));
        assertThat(eventIds(raw("g-1"))).isEmpty();
        assertThat(raw("g-1")).doesNotContainKeys(PendingFlag.FIELD, OutboxRelay.LEASE);
    }

    /**
     * The store answers the exact condition ({@code $size}, {@code $all} on the event ids): a document whose
     * events went out unchanged costs two commands, the claim and the update that empties it and lowers the flag.
     */
    @Test
    void aDocumentPublishedUndisturbedCostsTheClaimAndOneUpdate() {
        store.insert(TestGroup.register("g-1", "Группа 1"));
        commands.clear();

        assertThat(relay.publish(COLLECTION, "g-1")).isEqualTo(1);

        assertThat(commands).extracting(command -> command.getFirstKey()).containsExactly("findAndModify", "update");
        assertThat(raw("g-1")).doesNotContainKeys(PendingFlag.FIELD, OutboxRelay.LEASE);
    }

    /**
     * The sweep and the gauge filter by an equality on the flag, at the top of the filter, which both MongoDB and
     * the embedded store answer from the flag's index (local-stack's {@code OutboxQueriesPlannedTest} runs these
     * filters and proves that its planner uses the index).
     */
    @Test
    void theSweepAndTheGaugeFilterByTheFlag() {
        commands.clear();
        relay.idsWithPendingEvents(COLLECTION);
        relay.pendingEventCount(COLLECTION);

        List<BsonDocument> finds = commands.stream().filter(command -> command.containsKey("find")).toList();
        assertThat(finds).hasSize(2);
        BsonDocument sweep = finds.get(0).getDocument("filter");
        assertThat(sweep.getArray("$and").get(0)).isEqualTo(BsonDocument.parse("{outboxPending: true}"));
        assertThat(sweep.getArray("$and")).hasSize(2);
        assertThat(finds.get(1).getDocument("filter")).isEqualTo(BsonDocument.parse("{outboxPending: true}"));
    }

    /**
     * Three documents in one round: one command claims them, one reads what was claimed, one bulk write empties
     * them. One got an event while its first was sent: that bulk write leaves it, a second pulls its published event
     * and keeps its flag, and the next round publishes the new event and lowers the flag.
     */
    @Test
    void aRoundOfDocumentsIsClaimedReadAndEmptiedInThreeCommandsAndOneChangedMeanwhileGoesAgain() {
        for (int i = 1; i <= 3; i++) {
            store.insert(TestGroup.register("g-" + i, "Группа " + i));
        }
        MongoTemplate elsewhere = new MongoTemplate(quiet, mongo.getDb().getName());
        AggregateStore otherStore = new AggregateStore(elsewhere, JsonMapper.builder().build(),
                new OutboxRelay(elsewhere, null, new OutboxProperties(false, Duration.ofSeconds(5),
                        Duration.ofSeconds(30), null, 1), "kit-test", "other", Clock.systemUTC()), Clock.systemUTC());
        broker.duringNextSend(() -> {
            TestGroup group = elsewhere.findById("g-2", TestGroup.class);
            group.rename("Группа 2б");
            otherStore.update(group);
        });
        commands.clear();

        assertThat(relay.publishAll(COLLECTION, List.of("g-1", "g-2", "g-3"))).isEqualTo(4);

        assertThat(commands).extracting(command -> command.getFirstKey() + (command.containsKey("updates")
                ? "×" + command.getArray("updates").size() : "")).containsExactly(
                "update×1", "find", "update×3", "update×3", // claim, read, empty (2 of 3), pull (the third)
                "update×1", "find", "update×1"); // again: claim (only g-2 has events), read, empty
        assertThat(broker.sent).hasSize(4).doesNotHaveDuplicates();
        for (int i = 1; i <= 3; i++) {
            assertThat(raw("g-" + i)).doesNotContainKeys(PendingFlag.FIELD, OutboxRelay.LEASE);
            assertThat(eventIds(raw("g-" + i))).isEmpty();
        }
    }

    @Test
    void anOutboxThatCannotBeReadFailsItsOwnDocumentNotItsRound() {
        store.insert(TestGroup.register("g-1", "Группа 1"));
        collection().insertOne(new Document("_id", "broken").append("version", 1L).append(PendingFlag.FIELD, true)
                .append(OutboxMessage.FIELD, List.of(message(UUID.randomUUID().toString(), "broken").toDocument()
                        .append("time", "not a time"))));

        assertThat(relay.publishAll(COLLECTION, List.of("broken", "g-1"))).isOne();

        assertThat(raw("g-1")).doesNotContainKeys(PendingFlag.FIELD, OutboxRelay.LEASE);
        assertThat(raw("broken")).containsEntry(PendingFlag.FIELD, true).doesNotContainKey(OutboxRelay.LEASE);
        assertThat(eventIds(raw("broken"))).hasSize(1);
    }

    private double gauge() {
        return registry.get("outreach.outbox.pending").gauge().value();
    }

    private Document raw(String id) {
        return collection().find(eq("_id", id)).first();
    }

    private static List<String> eventIds(Document document) {
        return document.getList(OutboxMessage.FIELD, Document.class).stream()
                .map(event -> event.getString(OutboxMessage.EVENT_ID)).toList();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static OutboxMessage message(String eventId, String id) {
        return new OutboxMessage(eventId, "relay.flag", id, "ru.outreach.TestEvent", "test/" + id, Instant.now(),
                "{\"id\":\"" + id + "\"}");
    }

    /** A broker that acknowledges at once, or refuses while away, and runs a given change during a send. */
    private static final class Broker extends KafkaTemplate<String, String> {

        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        volatile boolean away;
        private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();

        Broker() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        void duringNextSend(Runnable change) {
            changes.add(change);
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            boolean refused = away;
            Runnable change = changes.poll();
            if (change != null) {
                change.run();
            }
            if (refused) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
            }
            sent.add(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }
}
