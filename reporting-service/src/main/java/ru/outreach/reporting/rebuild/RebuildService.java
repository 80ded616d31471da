package ru.outreach.reporting.rebuild;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.events.Topics;
import ru.outreach.kit.kafka.UnreadableRecordException;
import ru.outreach.kit.support.StateConflictException;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.reporting.projection.EventReader;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.projection.ReadModelNames;
import ru.outreach.reporting.rebuild.RebuildLease.Lease;
import ru.outreach.reporting.report.RebuildProgress;
import ru.outreach.reporting.report.RebuildProgress.TopicProgress;

/**
 * Rebuilds the read models while the reports go on showing the previous, complete ones.
 * <p>
 * A rebuild takes the {@link RebuildLease} (one at a time, across the instances of the service), stops the live
 * listener here and waits until no instance's live listener is left in the consumer group (each instance stops its
 * own on seeing the lease), replays the three topics from the beginning to their end offsets of that moment into a
 * copy of the read models ({@link ReadModelNames#REBUILD}) with a consumer of its own (manual assignment, no group,
 * no commits), then swaps the copy in ({@link ReadModelSwap}) and lets the live listeners go on from their committed
 * offsets (what they read twice is ignored by version). Until the swap the reports read the live read models, frozen
 * as they were when the rebuild started. A record that cannot be read is skipped and logged: the live listener sent
 * it to the dead-letter topic.
 * <p>
 * After a crash: a swap recorded in the lease is finished by the next instance to start (or to watch the lease); an
 * unfinished replay leaves the live read models as they were, and its copy is dropped.
 */
@Service
public class RebuildService {

    static final List<String> TOPICS = List.of(Topics.MEETINGS.name(), Topics.APPEALS.name(),
            Topics.INSTRUCTIONS.name());
    /** Before the live listener starts at start-up (an interrupted swap is finished first). */
    static final int RECOVER_ORDER = 0;
    /** After the projection's start-up repair. */
    static final int START_LIVE_ORDER = 20;
    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final Projection projection;
    private final LiveConsumers live;
    private final RebuildLease lease;
    private final ReadModelSwap swap;
    private final ConsumerFactory<String, String> consumers;
    private final Clock clock;
    private final Duration quietTimeout;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(
            new RebuildProgress("IDLE", null, null, 0, 0, 0, Map.of(), null));
    /** This instance's live listener was stopped for another instance's rebuild. */
    private volatile boolean pausedForOther;
    /** This instance's last rebuild failed in the middle of its swap: the watch finishes it. */
    private volatile boolean swapLeftHalfway;

    RebuildService(Projection projection, LiveConsumers live, RebuildLease lease, ReadModelSwap swap,
                   ConsumerFactory<String, String> consumers, Clock clock, MeterRegistry registry,
                   @Value("${outreach.reporting.rebuild.quiet-timeout:60s}") Duration quietTimeout) {
        this.projection = projection;
        this.live = live;
        this.lease = lease;
        this.swap = swap;
        this.consumers = consumers;
        this.clock = clock;
        this.quietTimeout = quietTimeout;
        Gauge.builder("reporting.rebuild.progress", progress, p -> p.get().percent() / 100.0)
                .description("Share of the events replayed by the running or last rebuild, 0..1")
                .register(registry);
    }

    /** Starts a rebuild in the background; refused with 409 while one runs, here or on another instance. */
    public RebuildProgress start() {
        Instant now = clock.instant();
        RebuildProgress current = progress.get();
        RebuildProgress running = new RebuildProgress("RUNNING", now, null, 0, 0, 0, Map.of(), null);
        if ("RUNNING".equals(current.state()) || !progress.compareAndSet(current, running)) {
            throw new StateConflictException("error.rebuild-running", progress.get().startedAt());
        }
        if (!lease.acquire(instance, running, now)) {
            progress.set(current);
            Instant since = lease.read().map(Lease::progress).map(RebuildProgress::startedAt).orElse(null);
            throw new StateConflictException("error.rebuild-running", since);
        }
        Thread.ofPlatform().name("reporting-rebuild").daemon().start(() -> run(now));
        return running;
    }

    /** This instance's name in the lease. */
    String instance() {
        return instance;
    }

    /** The rebuild running or last run here. */
    RebuildProgress ownProgress() {
        return progress.get();
    }

    /** The rebuild running or last run here, or the one another instance runs. */
    public RebuildProgress progress() {
        RebuildProgress local = progress.get();
        if ("RUNNING".equals(local.state())) {
            return local;
        }
        return foreignLease().map(Lease::progress).orElse(local);
    }

    private void run(Instant startedAt) {
        try {
            live.stop();
            if (!live.awaitGroupEmpty(quietTimeout)) {
                throw new IllegalStateException("Live consumers of other instances still in the group after "
                        + quietTimeout.toSeconds() + " s");
            }
            try (Consumer<String, String> consumer = consumer()) {
                rebuildFrom(consumer, startedAt);
            }
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuild failed", e);
            progress.set(snapshot("FAILED", startedAt, clock.instant(), new LinkedHashMap<>(), e.toString()));
        } finally {
            if (!swapLeftHalfway) {
                lease.release(instance);
                if (!pausedForOther) {
                    live.start();
                }
            }
        }
    }

    /**
     * Replays the topics from the consumer into the rebuild's copy and swaps it in. A failure before the swap drops
     * the copy; one during the swap leaves it recorded in the lease, for the watch to finish.
     */
    void rebuildFrom(Consumer<String, String> consumer, Instant startedAt) {
        Map<String, long[]> topics = new LinkedHashMap<>();
        long started = System.nanoTime();
        boolean swapRecorded = false;
        try {
            Projection copy = projection.into(ReadModelNames.REBUILD);
            copy.clear();
            replay(consumer, copy, startedAt, topics);
            List<List<String>> plan = swap.plan(ReadModelNames.REBUILD);
            if (!lease.swapping(instance, plan.get(0), plan.get(1), clock.instant())) {
                throw new LostLeaseException();
            }
            swapRecorded = true;
            swap.swap(ReadModelNames.REBUILD, plan.get(0), plan.get(1));
            progress.set(snapshot("DONE", startedAt, clock.instant(), topics, null));
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Rebuild done: {} events in {} s, {} events/s", progress.get().applied(),
                    String.format("%.1f", seconds), String.format("%.0f", progress.get().applied() / seconds));
        } catch (LostLeaseException e) {
            log.error("Rebuild stopped: {}", e.getMessage());
            progress.set(snapshot("FAILED", startedAt, clock.instant(), topics, e.getMessage()));
            // the other instance's rebuild goes on: the watch starts the live listener after it
            pausedForOther = true;
        } catch (RuntimeException e) {
            log.error("Rebuild failed", e);
            progress.set(snapshot("FAILED", startedAt, clock.instant(), topics, e.toString()));
            if (!swapRecorded) {
                swap.drop(ReadModelNames.REBUILD);
            }
        }
        swapLeftHalfway = swapRecorded && !"DONE".equals(progress.get().state());
    }

    private void replay(Consumer<String, String> consumer, Projection copy, Instant startedAt,
                        Map<String, long[]> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            topics.put(topic, new long[2]);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        partitions.forEach(p -> topics.get(p.topic())[1] += end.get(p) - begin.get(p));
        List<TopicPartition> remaining = new ArrayList<>(partitions.stream()
                .filter(p -> end.get(p) > begin.get(p)).toList());
        consumer.pause(partitions.stream().filter(p -> !remaining.contains(p)).toList());
        beat(snapshot("RUNNING", startedAt, null, topics, null));
        log.info("Rebuild started: {} events to replay", progress.get().total());
        long lastLog = System.nanoTime();
        while (!remaining.isEmpty()) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            List<Envelope> events = new ArrayList<>(records.count());
            for (ConsumerRecord<String, String> record : records) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                topics.get(record.topic())[0]++;
                try {
                    events.add(EventReader.read(record));
                } catch (UnreadableRecordException e) {
                    log.warn("Rebuild skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            e.getMessage());
                }
            }
            // a rebuild that lost its lease (its instance stalled longer than the lease lives) writes no more
            beat(progress.get());
            copy.apply(events);
            for (TopicPartition p : List.copyOf(remaining)) {
                if (consumer.position(p) >= end.get(p)) {
                    remaining.remove(p);
                    consumer.pause(List.of(p));
                }
            }
            progress.set(snapshot("RUNNING", startedAt, null, topics, null));
            if (System.nanoTime() - lastLog >= LOG_EVERY.toNanos()) {
                lastLog = System.nanoTime();
                RebuildProgress now = progress.get();
                log.info("Rebuild: {} of {} events ({}%)", now.applied(), now.total(),
                        String.format("%.1f", now.percent()));
            }
        }
    }

    private void beat(RebuildProgress now) {
        progress.set(now);
        if (!lease.beat(instance, now, clock.instant())) {
            throw new LostLeaseException();
        }
    }

    /** Another instance took the lease over (this one had stalled): its copy is no longer this rebuild's. */
    private static final class LostLeaseException extends RuntimeException {
        LostLeaseException() {
            super("Another instance took over the rebuild's lease");
        }
    }

    /** At start-up, before the live listener: finishes a swap a crash interrupted, drops a replay's leftovers. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(RECOVER_ORDER)
    void recover() {
        Optional<Lease> held = lease.read();
        Instant now = clock.instant();
        if (held.isEmpty()) {
            swap.drop(ReadModelNames.REBUILD);
        } else if (held.get().swapping() || !held.get().fresh(now)) {
            finish(held.get());
        } else {
            pausedForOther = true;
            log.info("A rebuild runs on {}: the live listener waits for it", held.get().owner());
        }
    }

    /** Starts the live listener at start-up, unless another instance's rebuild runs (then the watch starts it). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(START_LIVE_ORDER)
    void startLive() {
        if (!pausedForOther) {
            live.start();
        }
    }

    /**
     * Follows the lease on every instance: stops the live listener here while another instance rebuilds, starts it
     * again once that rebuild is over (or its instance died), finishes a swap that a failure left halfway.
     */
    @Scheduled(fixedDelayString = "${outreach.reporting.rebuild.watch-interval:2s}",
            initialDelayString = "${outreach.reporting.rebuild.watch-interval:2s}")
    void watch() {
        if ("RUNNING".equals(progress.get().state())) {
            return;
        }
        Optional<Lease> held;
        try {
            held = lease.read();
        } catch (RuntimeException storeAway) {
            return;
        }
        Instant now = clock.instant();
        if (held.isPresent() && (held.get().swapping() && (held.get().owner().equals(instance)
                || !held.get().fresh(now)))) {
            finish(held.get());
            held = Optional.empty();
        }
        boolean otherRebuilds = held.isPresent() && held.get().fresh(now) && !held.get().owner().equals(instance);
        if (otherRebuilds && (!pausedForOther || live.running())) {
            pausedForOther = true;
            log.info("A rebuild runs on {}: the live listener stops until it is over", held.get().owner());
            live.stop();
        } else if (!otherRebuilds && pausedForOther) {
            pausedForOther = false;
            live.start();
        }
    }

    /** Finishes a recorded swap, or drops the copy of a replay that will not finish; then frees the lease. */
    private void finish(Lease held) {
        if (held.swapping()) {
            log.info("Finishing the swap of the rebuild of {}", held.owner());
            swap.swap(ReadModelNames.REBUILD, held.present(), held.absent());
        } else {
            log.info("Dropping the copy of the rebuild that {} left unfinished", held.owner());
            swap.drop(ReadModelNames.REBUILD);
        }
        lease.remove(held);
        if (held.owner().equals(instance)) {
            swapLeftHalfway = false;
            live.start();
        }
    }

    private Optional<Lease> foreignLease() {
        try {
            Instant now = clock.instant();
            return lease.read().filter(l -> !l.owner().equals(instance) && l.fresh(now) && l.progress() != null);
        } catch (RuntimeException storeAway) {
            return Optional.empty();
        }
    }

    private Consumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return consumers.createConsumer("reporting-rebuild-" + UUID.randomUUID(), "reporting-rebuild", null,
                properties);
    }

    private static RebuildProgress snapshot(String state, Instant startedAt, Instant finishedAt,
                                            Map<String, long[]> topics, String error) {
        Map<String, TopicProgress> perTopic = new LinkedHashMap<>();
        long applied = 0;
        long total = 0;
        for (Map.Entry<String, long[]> e : topics.entrySet()) {
            perTopic.put(e.getKey(), new TopicProgress(e.getValue()[0], e.getValue()[1]));
            applied += e.getValue()[0];
            total += e.getValue()[1];
        }
        double percent = total == 0 ? ("DONE".equals(state) ? 100 : 0) : Math.round(applied * 1000.0 / total) / 10.0;
        return new RebuildProgress(state, startedAt, finishedAt, applied, total, percent, perTopic, error);
    }
}
