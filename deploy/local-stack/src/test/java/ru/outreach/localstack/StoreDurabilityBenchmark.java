package ru.outreach.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Prints what durability per write costs the embedded store: appeal-sized documents inserted and then updated once
 * (as an appeal is registered, then assigned), by eight clients for a fixed time, with each write committed to the
 * file before its answer ({@code write}) and with H2's writer once a second ({@code interval}).
 * Run with {@code ./bench.sh -pl deploy/local-stack}; -Dbench.seconds sets the time per mode.
 */
@Tag("benchmark")
class StoreDurabilityBenchmark {

    private static final int CLIENTS = 8;

    @TempDir
    Path dir;

    @Test
    void writesPerSecondWithAndWithoutDurability() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        run(StoreBackend.Durability.WRITE, 2); // warm-up
        double durable = run(StoreBackend.Durability.WRITE, seconds);
        double interval = run(StoreBackend.Durability.INTERVAL, seconds);
        System.out.printf("%n=== embedded store durability (%d cores, %d clients, %d s each) ===%n",
                Runtime.getRuntime().availableProcessors(), CLIENTS, seconds);
        System.out.printf("durability write    (commit before answering): %,8.0f appeals/s (insert + update)%n", durable);
        System.out.printf("durability interval (H2 writer once a second): %,8.0f appeals/s (insert + update)%n", interval);
        System.out.printf("cost of durability: %.0f%% fewer%n%n", 100 * (1 - durable / interval));
        assertThat(durable).isPositive();
    }

    private double run(StoreBackend.Durability durability, int seconds) throws Exception {
        Path file = dir.resolve(durability + "-" + System.nanoTime() + ".mv");
        AtomicLong appeals = new AtomicLong();
        try (EmbeddedStore store = EmbeddedStore.start("127.0.0.1", 0, file, durability);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("appeals").getCollection("appeals");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                pool.execute(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String id = clientNo + "-" + i;
                        collection.insertOne(appeal(id));
                        collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "ASSIGNED"),
                                Updates.set("executorDepartment", "Отдел ЖКХ"), Updates.inc("version", 1)));
                        appeals.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)).isTrue();
        }
        return appeals.get() / (double) seconds;
    }

    private static Document appeal(String id) {
        return new Document("_id", id).append("version", 1).append("state", "REGISTERED")
                .append("citizen", new Document("name", "Иванова Мария Петровна")
                        .append("address", "ул. Ленина, д. 1, кв. 2").append("phone", "+7 900 000-00-00"))
                .append("text", "Просим отремонтировать освещение во дворе дома ".repeat(5))
                .append("territory", "Центральный").append("category", "0003.0011.0120")
                .append("receivedOn", "2026-11-20").append("outbox", java.util.List.of(new Document("eventId", id)
                        .append("topic", "appeals.v1").append("payload", "{\"appealId\":\"" + id + "\"}")));
    }
}
