package ru.outreach.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Prints how the embedded store's costs grow with the data (issue 11): with 10,000, 100,000 (and, with
 * {@code -Dbench.million=true}, 1,000,000) appeal-shaped documents stored, the rate of guarded updates
 * ({@code _id} and {@code version}, as {@code AggregateStore.update} writes), of updates by {@code _id} alone, and the
 * p50/p99 of a list page (territory and two states, newest first, 20 items, and its total count, as
 * {@code GET /api/appeals} asks), with the store's query planner ({@link IndexedH2Collection}) off (the library's own
 * behaviour) and on, in one run; then the ratio of the largest size to 10,000. Then the first page of
 * {@code sort=due} ({@code DueOrder.page} of appeals-service: a count of the appeals that owe an answer, a count of
 * the rest, 20 by answer term) for the general department (no filter) and for an executor (its department, assigned),
 * with the indexes of {@code StoreIndexes}, and the general one again with an index that decides the awaiting
 * appeals; each with its ratio to 10,000; and the heap in use after each load (the store runs with -Xmx1g: run
 * with {@code -DargLine=-Xmx1g} to see whether the data fits).
 * Run with {@code ./bench.sh -pl deploy/local-stack -Dtest=StoreScaleBenchmark}; -Dbench.seconds sets the time per
 * figure (default 2).
 */
@Tag("benchmark")
class StoreScaleBenchmark {

    private static final int TERRITORIES = 20;
    private static final List<String> STATES =
            List.of("RECEIVED", "REGISTERED", "ASSIGNED", "ANSWERED", "REDIRECTED", "CLOSED");
    private static final int BATCH = 10_000;

    @TempDir
    Path dir;

    private static final int DEPARTMENTS = 10;

    record Figures(double guarded, double byId, double p50, double p99, int pageMatches, Latency general,
                   Latency executor, Latency generalProposed, Latency executorProposed) {
    }

    record Latency(double p50, double p99) {
    }

    @Test
    void costsStayFlatAsTheDataGrows() throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
        List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));
        if (Boolean.getBoolean("bench.million")) {
            sizes.add(1_000_000);
        }
        List<Figures[]> rows = new ArrayList<>();
        try (EmbeddedStore store = EmbeddedStore.start("127.0.0.1", 0, dir.resolve("store.mv"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> appeals = client.getDatabase("appeals").getCollection("appeals");
            // the indexes of appeals-service (StoreIndexes)
            appeals.createIndex(Indexes.ascending("citizenKey", "category", "receivedOn"));
            appeals.createIndex(Indexes.ascending("territory", "state", "answerDueOn"));
            appeals.createIndex(Indexes.ascending("state", "answerDueOn"));
            appeals.createIndex(Indexes.ascending("state", "receivedOn"));
            appeals.createIndex(Indexes.ascending("assignment.executorDepartment", "answerDueOn"));
            int[] versions = new int[sizes.getLast()];
            int loaded = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                while (loaded < size) {
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH && loaded < size; i++, loaded++) {
                        batch.add(appeal(loaded));
                        versions[loaded] = 1;
                    }
                    appeals.insertMany(batch);
                }
                System.out.printf("loaded %,d appeals in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
                printHeap(size);
                Figures off = null;
                if (size <= 100_000) {
                    // beyond, the library's scans overflow -Xmx1g; the code is warm by then
                    measure(appeals, versions, size, seconds, true); // warm-up
                    off = measure(appeals, versions, size, seconds, false);
                }
                Figures on = measure(appeals, versions, size, seconds, true);
                rows.add(new Figures[] {off, on});
            }
        } finally {
            IndexedH2Collection.planner = true;
        }
        System.out.printf("%n=== embedded store at scale (%d cores, 1 client, %.0f s per figure) ===%n",
                Runtime.getRuntime().availableProcessors(), seconds);
        System.out.printf("%-10s %-8s %14s %14s %12s %12s %12s%n", "appeals", "planner", "guarded upd/s",
                "by-_id upd/s", "list p50 ms", "list p99 ms", "page matches");
        for (int i = 0; i < sizes.size(); i++) {
            for (int mode = 0; mode < 2; mode++) {
                Figures f = rows.get(i)[mode];
                if (f == null) {
                    continue;
                }
                System.out.printf("%,10d %-8s %14.1f %14.0f %12.1f %12.1f %12d%n", sizes.get(i),
                        mode == 0 ? "library" : "store", f.guarded(), f.byId(), f.p50(), f.p99(), f.pageMatches());
            }
        }
        System.out.printf("%nsort=due pages (two counts and a page of 20 by answerDueOn, _id), ms; x = to 10,000%n");
        System.out.printf("%-10s %-8s %26s %26s %26s %26s%n", "appeals", "planner", "general p50/p99",
                "executor p50/p99", "general+index p50/p99", "executor+index p50/p99");
        for (int mode = 0; mode < 2; mode++) {
            for (int i = 0; i < sizes.size(); i++) {
                Figures f = rows.get(i)[mode];
                Figures small = rows.getFirst()[mode];
                if (f == null) {
                    continue;
                }
                System.out.printf("%,10d %-8s %26s %26s %26s %26s%n", sizes.get(i), mode == 0 ? "library" : "store",
                        latency(f.general(), small.general()), latency(f.executor(), small.executor()),
                        latency(f.generalProposed(), small.generalProposed()),
                        latency(f.executorProposed(), small.executorProposed()));
            }
        }
        for (int mode = 0; mode < 2; mode++) {
            Figures small = rows.getFirst()[mode];
            Figures large = rows.getLast()[mode];
            if (large == null) {
                continue;
            }
            System.out.printf("%s planner, %,d / 10,000: guarded update rate x%.2f, by-_id rate x%.2f,"
                            + " list p50 x%.2f, p99 x%.2f%n", mode == 0 ? "library" : "store", sizes.getLast(),
                    large.guarded() / small.guarded(), large.byId() / small.byId(), large.p50() / small.p50(),
                    large.p99() / small.p99());
        }
        System.out.println();
        assertThat(rows).isNotEmpty();
    }

    private static Figures measure(MongoCollection<Document> appeals, int[] versions, int size, double seconds,
                                   boolean planner) {
        IndexedH2Collection.planner = planner;
        Random random = new Random(size + (planner ? 1 : 0));
        long budget = (long) (seconds * 1e9);

        long loadStart = System.nanoTime();
        long end = loadStart + budget;
        int guarded = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            int n = random.nextInt(size);
            long matched = appeals.updateOne(Filters.and(Filters.eq("_id", id(n)), Filters.eq("version", versions[n])),
                    Updates.combine(Updates.inc("version", 1), Updates.set("state", "ASSIGNED"))).getMatchedCount();
            assertThat(matched).isEqualTo(1);
            versions[n]++;
            guarded++;
        }
        double guardedRate = guarded / ((System.nanoTime() - start) / 1e9);

        end = System.nanoTime() + budget;
        int byId = 0;
        start = System.nanoTime();
        while (System.nanoTime() < end) {
            int n = random.nextInt(size);
            appeals.updateOne(Filters.eq("_id", id(n)), Updates.set("note", "seen " + byId));
            byId++;
        }
        double byIdRate = byId / ((System.nanoTime() - start) / 1e9);

        List<Long> latencies = new ArrayList<>();
        end = System.nanoTime() + budget;
        int matches = 0;
        while (System.nanoTime() < end || latencies.size() < 3) {
            Bson filter = Filters.and(Filters.eq("territory", territory(random.nextInt(TERRITORIES))),
                    Filters.in("state", "REGISTERED", "ASSIGNED"));
            long t0 = System.nanoTime();
            List<Document> page = appeals.find(filter).sort(Sorts.orderBy(Sorts.descending("receivedOn"),
                    Sorts.ascending("_id"))).limit(20).into(new ArrayList<>());
            matches = (int) appeals.countDocuments(filter);
            latencies.add(System.nanoTime() - t0);
            assertThat(page).hasSizeLessThanOrEqualTo(20);
        }
        Latency list = percentiles(latencies);
        // DueOrder.page of appeals-service as Spring Data renders it: the general department's list unfiltered, an
        // executor's list of its assigned appeals
        Document awaiting = new Document("state", new Document("$in", List.of("REGISTERED", "ASSIGNED")))
                .append("answerRequired", true);
        java.util.function.Supplier<Document> executorFilter = () -> new Document("$and", List.of(
                new Document("state", new Document("$in", List.of("ASSIGNED"))),
                new Document("assignment.executorDepartment", department(random.nextInt(DEPARTMENTS)))));
        Latency general = duePages(appeals, () -> new Document(), awaiting, budget);
        Latency executor = duePages(appeals, executorFilter, awaiting, budget);
        // the same general list with an index that decides the awaiting ones ({answerRequired, state, answerDueOn},
        // not among StoreIndexes): both counts come from the indexes then
        appeals.createIndex(Indexes.ascending("answerRequired", "state", "answerDueOn"));
        Latency proposed = duePages(appeals, () -> new Document(), awaiting, budget);
        Latency executorProposed = duePages(appeals, executorFilter, awaiting, budget);
        appeals.dropIndex(Indexes.ascending("answerRequired", "state", "answerDueOn"));
        System.out.printf("  %,d appeals, %s planner: %d guarded, %d by _id, %d list pages, %.0f s;"
                        + " due pages p50/p99 ms: general %.1f/%.1f, executor %.1f/%.1f, with the index %.1f/%.1f"
                        + " and %.1f/%.1f%n", size, planner ? "store" : "library", guarded, byId, latencies.size(),
                (System.nanoTime() - loadStart) / 1e9, general.p50(), general.p99(), executor.p50(), executor.p99(),
                proposed.p50(), proposed.p99(), executorProposed.p50(), executorProposed.p99());
        return new Figures(guardedRate, byIdRate, list.p50(), list.p99(), matches, general, executor, proposed,
                executorProposed);
    }

    /** Latencies of first pages of DueOrder.page: the count of the awaiting, that of the rest, 20 of the awaiting. */
    private static Latency duePages(MongoCollection<Document> appeals, java.util.function.Supplier<Document> filters,
                                    Document awaiting, long budget) {
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + budget;
        while (System.nanoTime() < end || latencies.size() < 3) {
            Document filter = filters.get();
            Bson first = new Document("$and", List.of(filter, awaiting));
            Bson rest = new Document("$and", List.of(filter, new Document("$nor", List.of(awaiting))));
            Bson order = Sorts.orderBy(Sorts.ascending("answerDueOn"), Sorts.ascending("_id"));
            long t0 = System.nanoTime();
            long inFirst = appeals.countDocuments(first);
            long inRest = appeals.countDocuments(rest);
            List<Document> page = appeals.find(inFirst > 0 ? first : rest).sort(order).limit(20)
                    .into(new ArrayList<>());
            latencies.add(System.nanoTime() - t0);
            assertThat(page).hasSize((int) Math.min(20, inFirst + inRest));
        }
        return percentiles(latencies);
    }

    private static Latency percentiles(List<Long> latencies) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6,
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6);
    }

    private static String latency(Latency at, Latency small) {
        return String.format("%.1f/%.1f x%.2f/%.2f", at.p50(), at.p99(), at.p50() / small.p50(),
                at.p99() / small.p99());
    }

    /** The heap in use once the data is loaded (the store runs with -Xmx1g in ./run.sh). */
    private static void printHeap(int size) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("  heap used after loading %,d appeals: %d MB of %d MB max%n", size,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private static String id(int n) {
        return "appeal-" + n;
    }

    private static String department(int n) {
        return "Отдел " + n;
    }

    private static String territory(int n) {
        return "Территория " + n;
    }

    private static Document appeal(int n) {
        Random random = new Random(n);
        LocalDate received = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000));
        String state = STATES.get(random.nextInt(STATES.size()));
        Document appeal = new Document("_id", id(n)).append("version", 1)
                .append("number", "О-" + n)
                .append("state", state)
                .append("territory", territory(random.nextInt(TERRITORIES)))
                .append("category", "cat-" + random.nextInt(30))
                .append("channel", "WRITTEN")
                .append("citizenKey", "ck-" + random.nextInt(n + 1))
                .append("receivedOn", received.toString())
                .append("answerDueOn", received.plusDays(30).toString())
                .append("answerRequired", random.nextInt(20) > 0)
                .append("citizen", new Document("name", "Иванова Мария Петровна")
                        .append("address", "ул. Ленина, д. " + n).append("phone", "+7 900 000-00-00"))
                .append("text", "Просим отремонтировать освещение во дворе дома")
                .append("outbox", Arrays.asList());
        if (List.of("ASSIGNED", "ANSWERED", "CLOSED").contains(state)) {
            appeal.append("assignment", new Document("executorDepartment", department(random.nextInt(DEPARTMENTS)))
                    .append("assignedOn", received.plusDays(2).toString()));
        }
        return appeal;
    }
}
