package ru.outreach.appeals.benchmark;

import ru.outreach.testkit.CityClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import ru.outreach.appeals.it.Api;
import ru.outreach.appeals.it.IntakeProducer;
import ru.outreach.appeals.it.IntegrationTest;

/**
 * Prints the intake rate (items per second from the topic to stored appeals and instructions) and the latency of an
 * executor's instruction list over REST with 100,000 instructions stored. Asserts only that everything arrived.
 * Run with {@code ./bench.sh -pl appeals-service -am}; size with -Dbench.meetings and -Dbench.instructions.
 */
@Tag("benchmark")
@TestPropertySource(properties = {"outreach.terms.check-interval=1h", "outreach.terms.check-initial-delay=1h"})
class AppealsBenchmark extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();
    private static final int DEPARTMENTS = 20;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void intakeRateAndInstructionListLatency() {
        int meetings = Integer.getInteger("bench.meetings", 500);
        int instructions = Integer.getInteger("bench.instructions", 100_000);
        int queries = Integer.getInteger("bench.queries", 100);

        intakeRate(50);
        double[] intake = intakeRate(meetings);
        storeInstructions(instructions);
        List<Long> filtered = listLatency(queries, department -> "/api/instructions?executorDepartment=" + department
                + "&state=ACCEPTED&from=" + TODAY.plusDays(30) + "&to=" + TODAY.plusDays(120) + "&size=20");
        List<Long> overdue = listLatency(queries, department -> "/api/instructions?executorDepartment=" + department
                + "&overdue=true&size=20");
        List<Long> plain = listLatency(queries, department -> "/api/instructions?executorDepartment=" + department
                + "&size=20&page=3");

        System.out.printf("%n=== appeals-service benchmark (%d cores, in-memory mongo-java-server, embedded Kafka) ===%n",
                Runtime.getRuntime().availableProcessors());
        System.out.printf("intake: %d meetings, %.0f items (2 appeals + 2 instructions each) in %.2f s: %.0f items/s%n",
                meetings, intake[0], intake[1], intake[0] / intake[1]);
        long stored = mongo.count(new Query(), "instructions");
        System.out.printf("instruction list over REST with %d instructions stored (%d departments), %d queries each:%n",
                stored, DEPARTMENTS, queries);
        print("department + state + due period", filtered);
        print("department + overdue", overdue);
        print("department, page 3", plain);
        System.out.println();
        assertThat(stored).isGreaterThanOrEqualTo(instructions);
    }

    /** Sends {@code meetings} intakes and waits until all their items are stored; returns items and seconds. */
    private double[] intakeRate(int meetings) {
        String territory = "bench-" + UUID.randomUUID();
        int items = meetings * 4;
        long start = System.nanoTime();
        try (IntakeProducer producer = intake()) {
            for (int i = 0; i < meetings; i++) {
                producer.sendAsync(IntakeProducer.minutes("m-" + UUID.randomUUID(), territory, TODAY.minusDays(1),
                        TODAY.plusDays(20), TODAY.plusDays(40)));
            }
            producer.flush();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> stored(territory) >= items);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {stored(territory), seconds};
    }

    private long stored(String territory) {
        Query query = Query.query(Criteria.where("territory").is(territory));
        return mongo.count(query, "appeals") + mongo.count(query, "instructions");
    }

    /** Inserts instructions straight into the store, in the shape the service writes. */
    private void storeInstructions(int count) {
        Random random = new Random(42);
        String[] states = {"ISSUED", "ACCEPTED", "ACCEPTED", "REPORTED", "RETURNED", "CLOSED"};
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String state = states[random.nextInt(states.length)];
            LocalDate due = TODAY.plusDays(random.nextInt(400) - 35);
            batch.add(new Document("_id", "bench-" + i).append("version", 1L)
                    .append("text", "Поручение № " + i + ": устранить замечания жителей")
                    .append("executorDepartment", department(i % DEPARTMENTS))
                    .append("coExecutors", List.of()).append("controller", Api.CONTROLLER)
                    .append("source", "MEETING").append("sourceId", "m-bench-" + i / 3)
                    .append("territory", "Территория " + i % 40).append("issuedOn", due.minusDays(30).toString())
                    .append("dueOn", due.toString()).append("state", state)
                    .append("reports", List.of()).append("returns", List.of()).append("extensions", List.of()));
            if (batch.size() == 5_000) {
                mongo.getCollection("instructions").insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection("instructions").insertMany(batch);
        }
    }

    private List<Long> listLatency(int queries, Function<String, String> path) {
        for (int i = 0; i < 5; i++) {
            api.get(path.apply(department(i)));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            String url = path.apply(department(i % DEPARTMENTS));
            long start = System.nanoTime();
            Api.Response response = api.get(url);
            micros.add((System.nanoTime() - start) / 1000);
            assertThat(response.status().is2xxSuccessful()).isTrue();
        }
        return micros.stream().sorted().toList();
    }

    private static String department(int index) {
        return "Отдел-" + index;
    }

    private static void print(String what, List<Long> sorted) {
        System.out.printf("  %-34s p50 %7.1f ms, p99 %7.1f ms, max %7.1f ms%n", what, percentile(sorted, 50) / 1000.0,
                percentile(sorted, 99) / 1000.0, sorted.getLast() / 1000.0);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
