package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.support.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

/** Creates with and without an idempotency key, on the MongoDB-compatible store in memory (no transactions). */
class AggregateStoreCreateTest {

    private static MongoServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private AggregateStore store;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void store() {
        mongo = new MongoTemplate(client, "create-" + UUID.randomUUID());
        OutboxRelay noRelay = new OutboxRelay(mongo, null,
                new OutboxProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(30), null, 1),
                "kit-test", "test", Clock.systemUTC());
        store = new AggregateStore(mongo, JsonMapper.builder().build(), noRelay, Clock.systemUTC());
    }

    @Test
    void withoutAKeyEveryCreateIsANewAggregateUnderARandomId() {
        var first = store.create(TestGroup.class, null, id -> TestGroup.register(id, "Группа 1"));
        var second = store.create(TestGroup.class, null, id -> TestGroup.register(id, "Группа 1"));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isTrue();
        assertThat(first.aggregate().id()).isNotEqualTo(second.aggregate().id());
        assertThat(UUID.fromString(first.aggregate().id()).version()).isEqualTo(4);
        assertThat(raw(first.aggregate().id())).doesNotContainKey("idempotency");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void theKeyIsWrittenInTheSameDocumentAsTheAggregateAndItsEvents() {
        IdempotencyKey key = key("k-1", "caller-a", "f-1");

        var creation = store.create(TestGroup.class, key, id -> TestGroup.register(id, "Группа 2"));

        assertThat(creation.created()).isTrue();
        assertThat(creation.aggregate().id()).isEqualTo(key.aggregateId("test_groups"));
        Document document = raw(creation.aggregate().id());
        assertThat(document.get("idempotency", Document.class))
                .isEqualTo(new Document("key", "k-1").append("caller", "caller-a").append("fingerprint", "f-1"));
        assertThat(document.getList("outbox", Document.class)).hasSize(1);
        assertThat(document.getString("name")).isEqualTo("Группа 2");
    }

    @Test
    void theSameKeyAndRequestAnswerTheAggregateAsItIsNowAndWriteNothing() {
        IdempotencyKey key = key("k-2", "caller-a", "f-1");
        TestGroup group = store.create(TestGroup.class, key, id -> TestGroup.register(id, "Группа 3")).aggregate();
        group.rename("Группа 3 (переименована)");
        store.update(group);
        Document before = raw(group.id());

        var retry = store.create(TestGroup.class, key, id -> {
            throw new AssertionError("a retry must not create again");
        });

        assertThat(retry.created()).isFalse();
        assertThat(retry.aggregate().id()).isEqualTo(group.id());
        assertThat(retry.aggregate().version()).isEqualTo(2);
        assertThat(retry.aggregate().name()).isEqualTo("Группа 3 (переименована)");
        assertThat(raw(group.id())).isEqualTo(before);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedNamingTheHeader() {
        store.create(TestGroup.class, key("k-3", "caller-a", "f-1"), id -> TestGroup.register(id, "Группа 4"));

        assertThatThrownBy(() -> store.create(TestGroup.class, key("k-3", "caller-a", "f-2"),
                id -> TestGroup.register(id, "Группа 5")))
                .isInstanceOfSatisfying(RuleViolationException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(refusal.field()).isEqualTo("Idempotency-Key");
                    assertThat(refusal.code()).isEqualTo("error.idempotency-key-reused");
                    assertThat(refusal.args()).containsExactly("k-3");
                });
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void anotherCallersSameKeyIsAnotherKey() {
        var mine = store.create(TestGroup.class, key("k-4", "caller-a", "f-1"),
                id -> TestGroup.register(id, "Группа 6"));
        var theirs = store.create(TestGroup.class, key("k-4", "caller-b", "f-1"),
                id -> TestGroup.register(id, "Группа 6"));

        assertThat(theirs.created()).isTrue();
        assertThat(theirs.aggregate().id()).isNotEqualTo(mine.aggregate().id());
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aCreateThatWasRefusedLeavesTheKeyFree() {
        IdempotencyKey key = key("k-5", "caller-a", "f-1");
        assertThatThrownBy(() -> store.create(TestGroup.class, key, id -> {
            throw new RuleViolationException("name", "error.group-name-taken", "Группа 7");
        })).isInstanceOf(RuleViolationException.class);

        var retry = store.create(TestGroup.class, key, id -> TestGroup.register(id, "Группа 7"));

        assertThat(retry.created()).isTrue();
        assertThat(count()).isEqualTo(1);
    }

    /** The attempt that looked first and found nothing loses the insert to one that got in meanwhile. */
    @Test
    void anAttemptThatLosesTheInsertAnswersWithTheWinnersAggregate() {
        IdempotencyKey key = key("k-6", "caller-a", "f-1");
        List<TestGroup> winner = new ArrayList<>();

        var loser = store.create(TestGroup.class, key, id -> {
            winner.add(store.create(TestGroup.class, key, same -> TestGroup.register(same, "Группа 8")).aggregate());
            return TestGroup.register(id, "Группа 8");
        });

        assertThat(loser.created()).isFalse();
        assertThat(loser.aggregate().id()).isEqualTo(winner.getFirst().id());
        assertThat(count()).isEqualTo(1);
        assertThat(raw(loser.aggregate().id()).getList("outbox", Document.class)).hasSize(1);
    }

    /** A unique name checked by the factory fails on the record the concurrent attempt with the same key made. */
    @Test
    void anAttemptWhoseCheckFailsOnItsTwinAnswersWithTheTwin() {
        IdempotencyKey key = key("k-9", "caller-a", "f-1");
        List<TestGroup> twin = new ArrayList<>();

        var loser = store.create(TestGroup.class, key, id -> {
            twin.add(store.create(TestGroup.class, key, same -> TestGroup.register(same, "Группа 11")).aggregate());
            throw new RuleViolationException("name", "error.group-name-taken", "Группа 11");
        });

        assertThat(loser.created()).isFalse();
        assertThat(loser.aggregate().id()).isEqualTo(twin.getFirst().id());
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void concurrentAttemptsWithOneKeyCreateOnce() throws Exception {
        IdempotencyKey key = key("k-7", "caller-a", "f-1");
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<AggregateStore.Creation<TestGroup>>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Callable<AggregateStore.Creation<TestGroup>> attempt = () -> {
                    start.await();
                    return store.create(TestGroup.class, key, id -> TestGroup.register(id, "Группа 9"));
                };
                results.add(threads.submit(attempt));
            }
            start.countDown();
            List<AggregateStore.Creation<TestGroup>> creations = new ArrayList<>();
            for (Future<AggregateStore.Creation<TestGroup>> result : results) {
                creations.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(creations).filteredOn(AggregateStore.Creation::created).hasSize(1);
            assertThat(creations).extracting(creation -> creation.aggregate().id()).containsOnly(
                    key.aggregateId("test_groups"));
            assertThat(count()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFactoryMustUseTheIdItIsGiven() {
        assertThatThrownBy(() -> store.create(TestGroup.class, key("k-8", "caller-a", "f-1"),
                id -> TestGroup.register("another", "Группа 10"))).isInstanceOf(IllegalStateException.class);
        assertThat(count()).isZero();
    }

    private static IdempotencyKey key(String key, String caller, String fingerprint) {
        return new IdempotencyKey(key, caller, fingerprint);
    }

    private Document raw(String id) {
        return mongo.getCollection("test_groups").find(eq("_id", id)).first();
    }

    private long count() {
        return mongo.getCollection("test_groups").countDocuments();
    }
}
