package ru.outreach.reporting.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.kit.kafka.UnreadableRecordException;
import ru.outreach.events.Topics;
import ru.outreach.kit.support.StateConflictException;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.reporting.projection.EventReader;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.projection.ProjectionListenerIds;
import ru.outreach.reporting.report.RebuildProgress;
import ru.outreach.reporting.report.RebuildProgress.TopicProgress;

/**
 * Rebuilds the read models: stops the live listener, drops the read models, replays the three topics from the
 * beginning to their end offsets of that moment with a consumer of its own (manual assignment, no group, no commits),
 * then starts the live listener again, which goes on from its committed offsets (what it reads twice is ignored by
 * version). A record that cannot be read is skipped and logged: the live listener sent it to the dead-letter topic.
 */
@Service
public class RebuildService {

    static final List<String> TOPICS = List.of(Topics.MEETINGS.name(), Topics.APPEALS.name(),
            Topics.INSTRUCTIONS.name());
    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final Projection projection;
    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<String, String> consumers;
    private final Clock clock;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(
            new RebuildProgress("IDLE", null, null, 0, 0, 0, Map.of(), null));

    RebuildService(Projection projection, KafkaListenerEndpointRegistry listeners,
                   ConsumerFactory<String, String> consumers, Clock clock, MeterRegistry registry) {
        this.projection = projection;
        this.listeners = listeners;
        this.consumers = consumers;
        this.clock = clock;
        Gauge.builder("reporting.rebuild.progress", progress, p -> p.get().percent() / 100.0)
                .description("Share of the events replayed by the running or last rebuild, 0..1")
                .register(registry);
    }

    /** Starts a rebuild in the background; refused with 409 while one runs. */
    public RebuildProgress start() {
        Instant now = clock.instant();
        RebuildProgress current = progress.get();
        RebuildProgress running = new RebuildProgress("RUNNING", now, null, 0, 0, 0, Map.of(), null);
        if ("RUNNING".equals(current.state()) || !progress.compareAndSet(current, running)) {
            throw new StateConflictException("error.rebuild-running", progress.get().startedAt());
        }
        Thread.ofPlatform().name("reporting-rebuild").daemon().start(() -> run(now));
        return running;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    private void run(Instant startedAt) {
        MessageListenerContainer live = listeners.getListenerContainer(ProjectionListenerIds.LIVE);
        Map<String, long[]> topics = new LinkedHashMap<>();
        long started = System.nanoTime();
        try {
            if (live != null) {
                live.stop();
            }
            projection.clear();
            try (Consumer<String, String> consumer = consumer()) {
                replay(consumer, startedAt, topics);
            }
            progress.set(snapshot("DONE", startedAt, clock.instant(), topics, null));
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Rebuild done: {} events in {} s, {} events/s", progress.get().applied(),
                    String.format("%.1f", seconds), String.format("%.0f", progress.get().applied() / seconds));
        } catch (RuntimeException e) {
            log.error("Rebuild failed", e);
            progress.set(snapshot("FAILED", startedAt, clock.instant(), topics, e.toString()));
        } finally {
            if (live != null) {
                live.start();
            }
        }
    }

    private void replay(Consumer<String, String> consumer, Instant startedAt, Map<String, long[]> topics) {
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
        progress.set(snapshot("RUNNING", startedAt, null, topics, null));
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
            projection.apply(events);
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
