package ru.outreach.meetings.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import ru.outreach.meetings.it.Api;
import ru.outreach.meetings.it.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many meetings with minutes per second the service accepts and publishes end to end, and the latency from the
 * HTTP call to its event on the topic (read by a real consumer). Prints figures; asserts only that every event
 * arrived. Run with {@code ./bench.sh -pl meetings-service -am}; size with -Dbench.meetings and -Dbench.clients.
 */
@Tag("benchmark")
class MeetingsThroughputBenchmark extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** plan, venue, announce, hold, minutes, sign (+ intake), hand-over. */
    private static final int EVENTS_PER_MEETING = 8;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final Queue<Long> httpMicros = new ConcurrentLinkedQueue<>();

    @Test
    void meetingsWithMinutesPerSecond() throws Exception {
        int meetings = Integer.getInteger("bench.meetings", 400);
        int clients = Integer.getInteger("bench.clients", 8);
        String groupId = api.registerGroup("Группа (benchmark " + UUID.randomUUID() + ")", "Северный");
        run(groupId, 40, clients);
        sentAt.clear();
        receivedAt.clear();
        httpMicros.clear();

        long start = System.nanoTime();
        int events = run(groupId, meetings, clients);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Long> sorted = sentAt.entrySet().stream().filter(sent -> receivedAt.containsKey(sent.getKey()))
                .map(sent -> (receivedAt.get(sent.getKey()) - sent.getValue()) / 1000).sorted().toList();
        System.out.printf("%n=== meetings-service benchmark: %d meetings with minutes, %d HTTP clients, %d cores ===%n",
                meetings, clients, Runtime.getRuntime().availableProcessors());
        System.out.printf("end to end: %.1f s, %.1f meetings-with-minutes/s, %.0f HTTP calls/s, %.0f events/s%n",
                seconds, meetings / seconds, meetings * 7 / seconds, events / seconds);
        System.out.printf("HTTP call -> event on topic: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d events)%n",
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0, sorted.size());
        List<Long> http = httpMicros.stream().sorted().toList();
        System.out.printf("HTTP call alone: p50 %.1f ms, p99 %.1f ms (%d calls)%n%n",
                percentile(http, 50) / 1000.0, percentile(http, 99) / 1000.0, http.size());
        assertThat(events).isEqualTo(meetings * EVENTS_PER_MEETING);
    }

    /** Drives {@code meetings} meetings through their minutes with {@code clients} threads; returns events seen. */
    private int run(String groupId, int meetings, int clients) throws Exception {
        CountDownLatch subscribed = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        Future<Integer> consumer = pool.submit(() -> consume(meetings * EVENTS_PER_MEETING, subscribed));
        subscribed.await();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < meetings; i++) {
            LocalDateTime heldAt = LocalDateTime.of(2026, 3, 2, 17, 0).plusMinutes(i);
            work.add(pool.submit(() -> meetingWithMinutes(groupId, heldAt)));
        }
        for (Future<?> future : work) {
            future.get();
        }
        int events = consumer.get();
        pool.shutdown();
        return events;
    }

    private void meetingWithMinutes(String groupId, LocalDateTime heldAt) {
        LocalDate day = heldAt.toLocalDate();
        String id = timed(HttpMethod.POST, "/api/meetings", Map.of("groupId", groupId, "territory", "Северный",
                "venue", Map.of("name", "Школа № 1", "kind", "SCHOOL"), "scheduledAt", heldAt.toString()),
                "meeting").path("id").asString();
        String meeting = "/api/meetings/" + id;
        timed(HttpMethod.POST, meeting + "/venue-agreement", Map.of("agreedOn", day.minusDays(9).toString()), "meeting");
        timed(HttpMethod.POST, meeting + "/announcement", Map.of("announcedOn", day.minusDays(7).toString(),
                "channels", List.of("OFFICIAL_SITE")), "meeting");
        timed(HttpMethod.POST, meeting + "/holding", Map.of("heldAt", heldAt.toString(), "residentsAttended", 30),
                "meeting");
        timed(HttpMethod.PUT, meeting + "/minutes", Api.minutesWithTwoCardsAndAnInstruction(day.plusDays(30)),
                "minutes");
        timed(HttpMethod.POST, meeting + "/minutes/signature",
                Map.of("signedBy", "Иванов", "signedOn", day.plusDays(1).toString()), "minutes");
        timed(HttpMethod.POST, meeting + "/minutes/hand-over", Map.of("handedOverOn", day.plusDays(3).toString()),
                "minutes");
    }

    /** Calls the API and notes when the call started, under the key of the event(s) it will produce. */
    private JsonNode timed(HttpMethod method, String path, Object body, String aggregate) {
        long started = System.nanoTime();
        JsonNode answer = api.ok(method, path, body);
        httpMicros.add((System.nanoTime() - started) / 1000);
        String id = answer.has("meetingId") ? answer.path("meetingId").asString() : answer.path("id").asString();
        long version = answer.path("version").asLong();
        sentAt.put(aggregate + "/" + id + "@" + version, started);
        if (path.endsWith("/signature")) {
            // signing also hands the intake on: the version before it is the signature's
            sentAt.put(aggregate + "/" + id + "@" + (version - 1), started);
        }
        return answer;
    }

    /** Reads both topics until every expected event arrived; notes when each arrived. */
    private int consume(int expected, CountDownLatch subscribed) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("meetings.v1", "meetings.intake.v1"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            subscribed.countDown();
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String subject = new String(record.headers().lastHeader("ce_subject").value(),
                            StandardCharsets.UTF_8);
                    if (!subject.startsWith("group/")) {
                        seen++;
                        receivedAt.put(subject + "@" + JSON.readTree(record.value()).path("version").asLong(), now);
                    }
                }
            }
            return seen;
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
