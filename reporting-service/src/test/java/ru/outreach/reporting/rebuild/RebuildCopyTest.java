package ru.outreach.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.events.CloudEventHeaders;
import ru.outreach.reporting.fixture.ReadModelSnapshot;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.fixture.TestStore;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.reporting.projection.Kinds;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.projection.ReadModelNames;
import ru.outreach.reporting.report.RebuildProgress;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild fills a copy of the read models while the reports read the live ones, as they were; the swap puts the
 * copy in their place; a crash in the middle of the swap is finished at the next start, one in the replay leaves the
 * live read models as they were.
 */
class RebuildCopyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-07-20T06:00:00Z");
    private static final int PARTITIONS = 3;

    private final TestStore store = new TestStore();
    private final MongoTemplate mongo = store.template();
    private final Projection live = new Projection(mongo, new SimpleMeterRegistry());
    private final RebuildLease lease = new RebuildLease(mongo);
    private final ReadModelSwap swap = new ReadModelSwap(mongo);
    private final List<Envelope> events = Scenario.events("", 0);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theReportsReadThePreviousReadModelsUntilTheCopyIsSwappedIn() {
        Map<String, Object> previous = staleLiveReadModels();
        Map<String, Object> rebuilt = rebuiltFromScratch();
        assertThat(previous).isNotEqualTo(rebuilt);
        RebuildService rebuild = service(NOW);
        lease.acquire(rebuild.instance(), rebuild.progress(), NOW);
        AtomicInteger polls = new AtomicInteger();
        MockConsumer<String, String> consumer = consumer(() -> {
            polls.incrementAndGet();
            assertThat(ReadModelSnapshot.of(mongo)).as("the live read models while the rebuild runs")
                    .isEqualTo(previous);
            assertThat(mongo.collectionExists(ReadModelNames.REBUILD.facts(Kinds.APPEALS))).isTrue();
        });

        rebuild.rebuildFrom(consumer, NOW);

        RebuildProgress done = rebuild.progress();
        assertThat(polls.get()).as("polls that saw the copy half full; " + done).isGreaterThan(3);
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.applied()).isEqualTo(events.size());
        assertThat(ReadModelSnapshot.of(mongo)).isEqualTo(rebuilt);
        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.startsWith(ReadModelNames.REBUILD.prefix()));
    }

    @Test
    void aSwapThatACrashInterruptedIsFinishedAtTheNextStart() {
        staleLiveReadModels();
        Map<String, Object> rebuilt = rebuiltFromScratch();
        RebuildService dying = service(NOW);
        lease.acquire(dying.instance(), dying.progress(), NOW);
        // the replay is done and the swap recorded, then the process dies after three renames
        Projection copy = live.into(ReadModelNames.REBUILD);
        copy.clear();
        copy.apply(events);
        List<List<String>> plan = swap.plan(ReadModelNames.REBUILD);
        lease.swapping(dying.instance(), plan.get(0), plan.get(1), NOW);
        swap.swap(ReadModelNames.REBUILD, plan.get(0).subList(0, 3), List.of());

        service(NOW.plusSeconds(30)).recover();

        assertThat(ReadModelSnapshot.of(mongo)).isEqualTo(rebuilt);
        assertThat(lease.read()).isEmpty();
        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.startsWith(ReadModelNames.REBUILD.prefix()));
    }

    @Test
    void aReplayThatACrashInterruptedLeavesTheLiveReadModelsAndItsCopyIsDropped() {
        Map<String, Object> previous = staleLiveReadModels();
        RebuildService dying = service(NOW);
        lease.acquire(dying.instance(), dying.progress(), NOW);
        Projection copy = live.into(ReadModelNames.REBUILD);
        copy.clear();
        copy.apply(events.subList(0, 20));

        RebuildService restarted = service(NOW.plus(RebuildLease.STALE).plusSeconds(1));
        restarted.recover();

        assertThat(ReadModelSnapshot.of(mongo)).isEqualTo(previous);
        assertThat(lease.read()).isEmpty();
        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.startsWith(ReadModelNames.REBUILD.prefix()));
    }

    @Test
    void aRebuildWhoseLeaseAnotherInstanceTookOverStopsWritingAndLeavesTheCopyToIt() {
        Map<String, Object> previous = staleLiveReadModels();
        RebuildService stalled = service(NOW);
        lease.acquire(stalled.instance(), stalled.progress(), NOW);
        AtomicInteger polls = new AtomicInteger();
        MockConsumer<String, String> consumer = consumer(() -> {
            if (polls.incrementAndGet() == 3) {
                // this instance stalled longer than the lease lives: another one took the lease over
                mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("lease")),
                        new Update().set("owner", "another"), RebuildLease.COLLECTION);
            }
        });

        stalled.rebuildFrom(consumer, NOW);

        assertThat(stalled.ownProgress().state()).isEqualTo("FAILED");
        assertThat(stalled.ownProgress().error()).contains("took over");
        assertThat(stalled.progress().state()).as("the other instance's rebuild").isEqualTo("RUNNING");
        assertThat(polls.get()).as("no poll after the lease was lost").isEqualTo(3);
        assertThat(mongo.collectionExists(ReadModelNames.REBUILD.facts(Kinds.APPEALS)))
                .as("the copy is the other instance's now").isTrue();
        assertThat(ReadModelSnapshot.of(mongo)).isEqualTo(previous);
        assertThat(lease.read().orElseThrow().owner()).isEqualTo("another");
    }

    @Test
    void anotherInstancesRunningRebuildIsLeftAloneAndItsProgressShown() {
        RebuildService other = service(NOW);
        lease.acquire(other.instance(), new RebuildProgress("RUNNING", NOW, null, 5, 50, 10.0, Map.of(), null),
                NOW);
        Projection copy = live.into(ReadModelNames.REBUILD);
        copy.clear();
        copy.apply(events.subList(0, 5));

        RebuildService here = service(NOW.plusSeconds(10));
        here.recover();

        assertThat(lease.read()).isPresent();
        assertThat(mongo.collectionExists(ReadModelNames.REBUILD.facts(Kinds.GROUPS))).isTrue();
        assertThat(here.progress().percent()).isEqualTo(10.0);
    }

    @Test
    void everyInstanceStopsItsLiveListenerWhileAnotherOneRebuildsAndFinishesASwapItsOwnerLeftBehind() {
        FakeLiveConsumers listener = new FakeLiveConsumers();
        RebuildService here = new RebuildService(live, listener, lease, swap, null, Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry(), Duration.ofSeconds(1));
        here.startLive();
        assertThat(listener.running()).isTrue();

        lease.acquire("another", new RebuildProgress("RUNNING", NOW, null, 1, 9, 11.1, Map.of(), null), NOW);
        here.watch();
        assertThat(listener.running()).as("stopped while another instance rebuilds").isFalse();
        here.watch();
        assertThat(listener.running()).isFalse();

        Map<String, Object> rebuilt = rebuiltFromScratch();
        Projection copy = live.into(ReadModelNames.REBUILD);
        copy.clear();
        copy.apply(events);
        List<List<String>> plan = swap.plan(ReadModelNames.REBUILD);
        lease.swapping("another", plan.get(0), plan.get(1), NOW);
        here.watch();
        assertThat(listener.running()).as("the other instance is swapping").isFalse();

        // the other instance died in the middle of its swap
        RebuildService later = new RebuildService(live, listener, lease, swap, null,
                Clock.fixed(NOW.plus(RebuildLease.STALE).plusSeconds(1), ZoneOffset.UTC), new SimpleMeterRegistry(),
                Duration.ofSeconds(1));
        swap.swap(ReadModelNames.REBUILD, plan.get(0).subList(0, 2), List.of());
        here.watch();
        assertThat(listener.running()).isFalse();
        later.watch();
        assertThat(lease.read()).isEmpty();
        assertThat(ReadModelSnapshot.of(mongo)).isEqualTo(rebuilt);
        here.watch();
        assertThat(listener.running()).as("started again once the rebuild is over").isTrue();
    }

    /** The live listener of an instance, without Kafka. */
    private static final class FakeLiveConsumers extends LiveConsumers {

        private boolean running;

        FakeLiveConsumers() {
            super(null, null, "reporting-service");
        }

        @Override
        void stop() {
            running = false;
        }

        @Override
        void start() {
            running = true;
        }

        @Override
        boolean running() {
            return running;
        }
    }

    /** The live read models built from the scenario, then spoilt (a counter off by 7): what a rebuild repairs. */
    private Map<String, Object> staleLiveReadModels() {
        live.createIndexes();
        live.apply(events);
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is("2026|total")),
                new Update().inc("c.appeals", 7), Kinds.collection(Kinds.APPEAL_CELLS));
        return ReadModelSnapshot.of(mongo);
    }

    private Map<String, Object> rebuiltFromScratch() {
        try (TestStore other = new TestStore()) {
            new Projection(other.template(), new SimpleMeterRegistry()).apply(events);
            return ReadModelSnapshot.of(other.template());
        }
    }

    private RebuildService service(Instant now) {
        return new RebuildService(live, null, lease, swap, null, Clock.fixed(now, ZoneOffset.UTC),
                new SimpleMeterRegistry(), Duration.ofSeconds(1));
    }

    /**
     * The scenario's events on three partitions per topic (by key), as the services publish them; each poll hands
     * out seven more records, after the check.
     */
    private MockConsumer<String, String> consumer(Runnable check) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
        for (Envelope envelope : events) {
            String key = envelope.event().aggregateId();
            TopicPartition partition = new TopicPartition(envelope.topic(), Math.floorMod(key.hashCode(), PARTITIONS));
            List<ConsumerRecord<String, String>> records = byPartition.computeIfAbsent(partition,
                    p -> new ArrayList<>());
            ConsumerRecord<String, String> record = new ConsumerRecord<>(partition.topic(), partition.partition(),
                    records.size(), key, JSON.writeValueAsString(envelope.event()));
            header(record, CloudEventHeaders.TYPE, envelope.event().type());
            header(record, CloudEventHeaders.SUBJECT, envelope.subjectKind() + "/" + key);
            records.add(record);
        }
        Map<TopicPartition, Long> begin = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        for (String topic : RebuildService.TOPICS) {
            List<PartitionInfo> infos = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                infos.add(new PartitionInfo(topic, p, Node.noNode(), new Node[0], new Node[0]));
                begin.put(partition, 0L);
                end.put(partition, (long) byPartition.getOrDefault(partition, List.of()).size());
            }
            consumer.updatePartitions(topic, infos);
        }
        consumer.updateBeginningOffsets(begin);
        consumer.updateEndOffsets(end);
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        byPartition.values().forEach(all::addAll);
        for (int i = 0; i < all.size(); i += 7) {
            List<ConsumerRecord<String, String>> chunk = all.subList(i, Math.min(all.size(), i + 7));
            consumer.schedulePollTask(() -> {
                check.run();
                chunk.forEach(consumer::addRecord);
            });
        }
        return consumer;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
