package ru.outreach.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.result.UpdateResult;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topics;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.reporting.fixture.ReadModelSnapshot;
import ru.outreach.reporting.fixture.TestStore;

/**
 * A writer that is still busy with its operation while another one finds it pending (an instance that starts and
 * repairs what it finds, a consumer that lost its partitions but not its thread): the operation is applied once.
 */
class ConcurrentRepairTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final TestStore store = new TestStore();
    private final TestStore other = new TestStore();

    @AfterEach
    void close() {
        store.close();
        other.close();
    }

    @Test
    void aRepairerThatReadTheDifferenceBeforeTheWriterSettledItDoesNotApplyItAgain() throws Exception {
        CountDownLatch repairerRead = new CountDownLatch(1);
        CountDownLatch writerDone = new CountDownLatch(1);
        AtomicReference<Throwable> repairFailed = new AtomicReference<>();
        AtomicReference<Thread> repairer = new AtomicReference<>();
        MongoTemplate repairing = new MongoTemplate(store.template().getMongoDatabaseFactory(),
                store.template().getConverter()) {
            @Override
            public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
                firstWrite();
                return super.updateFirst(query, update, collectionName);
            }

            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                firstWrite();
                return super.bulkOps(mode, collectionName);
            }

            /** The repairer read the pending difference and is about to write: the writer goes on first. */
            private void firstWrite() {
                if (repairerRead.getCount() > 0) {
                    repairerRead.countDown();
                    await(writerDone);
                }
            }
        };
        AtomicInteger factsBulks = new AtomicInteger();
        MongoTemplate writing = new MongoTemplate(store.template().getMongoDatabaseFactory(),
                store.template().getConverter()) {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                if (Kinds.FACTS.contains(collectionName) && factsBulks.incrementAndGet() == 2) {
                    // the writer applied its cells and is about to settle: another writer starts and repairs
                    repairer.set(Thread.ofPlatform().start(() -> {
                        try {
                            new Projection(repairing, new SimpleMeterRegistry()).repairPending();
                        } catch (Throwable e) {
                            repairFailed.set(e);
                        }
                    }));
                    await(repairerRead);
                }
                return super.bulkOps(mode, collectionName);
            }
        };
        List<Envelope> events = List.of(envelope(registered("A")), envelope(registered("B")));

        new Projection(writing, new SimpleMeterRegistry()).apply(events);
        writerDone.countDown();
        assertThat(repairer.get()).as("the repairer started while the writer was busy").isNotNull();
        assertThat(repairer.get().join(Duration.ofSeconds(10))).isTrue();
        assertThat(repairFailed.get()).isNull();

        new Projection(store.template(), new SimpleMeterRegistry()).pruneOperations(Duration.ZERO);
        assertThat(ReadModelSnapshot.leftovers(store.template())).isEmpty();
        new Projection(other.template(), new SimpleMeterRegistry()).apply(events);
        assertThat(ReadModelSnapshot.of(store.template())).isEqualTo(ReadModelSnapshot.of(other.template()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Waited in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AppealRegistered registered(String id) {
        return new AppealRegistered(id, 1, AppealState.REGISTERED, "ROADS", "T", AppealChannel.POST, DAY, DAY,
                DAY.plusDays(3), DAY.plusDays(30), DAY.plusDays(7), true, false, false, null, "Дороги");
    }

    private static Envelope envelope(ContractEvent event) {
        return new Envelope(Topics.of(event).name(), EventReader.kindOf(event), event);
    }
}
