package ru.outreach.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * The store's query planner ({@link IndexedH2Collection}, {@link EqualityIndex}) answers exactly as the library's
 * scan does: the same documents in the same order, the same matched and modified counts, the same upserts, and a
 * guarded update still lets exactly one writer win per version.
 */
class StorePlannerTest extends PlannerComparison {

    private static final List<String> TERRITORIES = List.of("Северный", "Южный", "Центральный", "Заречный");
    private static final List<String> STATES = List.of("REGISTERED", "ASSIGNED", "ANSWERED", "CLOSED");
    private static final List<String> DEPARTMENTS = List.of("ЖКХ", "Дороги", "Образование");

    private MongoCollection<Document> appeals(String name) {
        MongoCollection<Document> collection = client.getDatabase("appeals").getCollection(name);
        collection.createIndex(Indexes.ascending("territory"));
        collection.createIndex(Indexes.ascending("state"));
        collection.createIndex(Indexes.ascending("tags"));
        collection.createIndex(Indexes.ascending("number"));
        collection.createIndex(Indexes.ascending("executorDepartment", "state", "dueOn"));
        collection.createIndex(Indexes.ascending("assignment.executorDepartment"));
        collection.createIndex(Indexes.ascending("items.name"));
        return collection;
    }

    /** Documents of many shapes: missing fields, nulls, arrays, numbers of several types, subdocuments. */
    private static List<Document> documents(int count, long seed) {
        Random random = new Random(seed);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document document = new Document("_id", random.nextInt(4) == 0 ? (Object) i : "a-" + i)
                    .append("version", 1 + random.nextInt(3))
                    .append("state", STATES.get(random.nextInt(STATES.size())))
                    .append("receivedOn", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(10_000) * 60L));
            switch (random.nextInt(5)) {
                case 0 -> { } // no territory
                case 1 -> document.append("territory", null);
                case 2 -> document.append("territory", new Document("name", TERRITORIES.get(0)));
                default -> document.append("territory", TERRITORIES.get(random.nextInt(TERRITORIES.size())));
            }
            if (random.nextBoolean()) {
                document.append("tags", List.of("t" + random.nextInt(5), "t" + random.nextInt(5)));
            } else if (random.nextBoolean()) {
                document.append("tags", "t" + random.nextInt(5));
            }
            switch (random.nextInt(3)) {
                case 0 -> document.append("number", random.nextInt(5));
                case 1 -> document.append("number", (double) random.nextInt(5));
                default -> document.append("number", (long) random.nextInt(5));
            }
            switch (random.nextInt(4)) {
                case 0 -> document.append("assignment", new Document("executorDepartment",
                        DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()))));
                case 1 -> document.append("assignment", "none");
                default -> { }
            }
            if (random.nextInt(20) == 0) { // an array on the way: the index of items.name steps aside
                document.append("items", List.of(new Document("name", "x"), new Document("name", "y")));
            } else if (random.nextBoolean()) {
                document.append("items", new Document("name", random.nextBoolean() ? "x" : "z"));
            }
            if (random.nextBoolean()) {
                document.append("executorDepartment", DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())))
                        .append("dueOn", "2026-02-" + (10 + random.nextInt(18)));
            }
            documents.add(document);
        }
        return documents;
    }

    private static List<Bson> filters() {
        List<Bson> filters = new ArrayList<>();
        for (String territory : TERRITORIES) {
            filters.add(Filters.eq("territory", territory));
            for (String state : STATES) {
                filters.add(Filters.and(Filters.eq("territory", territory), Filters.eq("state", state)));
                filters.add(new Document("territory", territory).append("state", state));
            }
        }
        filters.add(Filters.in("state", "REGISTERED", "ASSIGNED"));
        filters.add(Filters.and(Filters.in("state", "CLOSED", "ANSWERED"), Filters.eq("territory", "Южный")));
        filters.add(Filters.eq("tags", "t3"));
        filters.add(Filters.and(Filters.eq("tags", "t1"), Filters.eq("tags", "t2")));
        filters.add(Filters.eq("number", 3));
        filters.add(Filters.eq("number", 3.0));
        filters.add(Filters.eq("number", 3L));
        filters.add(Filters.in("number", 1, 2.0));
        filters.add(Filters.eq("number", 9.007199254740992E15));
        filters.add(Filters.and(Filters.eq("number", 9.007199254740992E15), Filters.eq("state", "CLOSED")));
        filters.add(Filters.eq("territory", null));
        filters.add(Filters.and(Filters.eq("assignment.executorDepartment", "ЖКХ"), Filters.eq("state", "ASSIGNED")));
        filters.add(Filters.eq("assignment.executorDepartment", "Дороги"));
        filters.add(Filters.and(Filters.eq("items.name", "x"), Filters.eq("state", "ASSIGNED")));
        filters.add(Filters.eq("territory", new Document("name", TERRITORIES.get(0))));
        filters.add(Filters.regex("territory", "^Ю"));
        filters.add(Filters.and(Filters.eq("executorDepartment", "ЖКХ"), Filters.eq("state", "ASSIGNED"),
                Filters.lte("dueOn", "2026-02-20")));
        filters.add(Filters.or(Filters.eq("territory", "Южный"), Filters.eq("state", "CLOSED")));
        filters.add(Filters.or(Filters.eq("territory", "Южный"), Filters.eq("category", "none")));
        filters.add(Filters.and(Filters.in("state", "ASSIGNED", "REGISTERED"), Filters.or(
                Filters.eq("executorDepartment", "ЖКХ"), Filters.eq("tags", "t1"), Filters.eq("_id", "a-9"))));
        filters.add(Filters.or(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("version", 2)),
                Filters.eq("number", 4)));
        filters.add(Filters.and(Filters.eq("state", "CLOSED"),
                Filters.or(Filters.eq("territory", "Южный"), Filters.eq("tags", "t1"))));
        for (Object id : List.of("a-7", "a-8", 12, 12.0, "missing")) {
            filters.add(Filters.eq("_id", id));
            for (int version = 1; version <= 3; version++) {
                filters.add(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)));
                filters.add(new Document("_id", id).append("version", version));
            }
        }
        filters.add(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("_id", "a-8")));
        // the reporting service's cells: {_id: {$in: [...]}, ops: {$in: [...]}}
        filters.add(Filters.in("_id", "a-9", "a-7", 12, "missing", "a-8"));
        filters.add(Filters.and(Filters.in("_id", "a-9", "a-7", 12.0, "a-8"), Filters.in("state", "CLOSED", "ASSIGNED")));
        filters.add(Filters.and(Filters.in("_id", "a-7", "a-8"), Filters.eq("version", 2)));
        return filters;
    }

    private static void assertSameAnswers(MongoCollection<Document> collection) {
        List<Function<Bson, FindIterable<Document>>> shapes = List.of(
                collection::find,
                filter -> collection.find(filter).sort(Sorts.descending("receivedOn")).skip(3).limit(10),
                filter -> collection.find(filter).sort(Sorts.ascending("state")).limit(7),
                filter -> collection.find(filter).limit(5));
        for (Bson filter : filters()) {
            for (Function<Bson, FindIterable<Document>> shape : shapes) {
                List<Document> scanned = with(false, () -> shape.apply(filter).into(new ArrayList<>()));
                List<Document> planned = with(true, () -> shape.apply(filter).into(new ArrayList<>()));
                assertThat(planned).as("%s", filter).isEqualTo(scanned);
            }
            long scannedCount = with(false, () -> collection.countDocuments(filter));
            assertThat(with(true, () -> collection.countDocuments(filter))).as("count %s", filter)
                    .isEqualTo(scannedCount);
            CountOptions window = new CountOptions().skip(3).limit(5);
            long scannedWindow = with(false, () -> collection.countDocuments(filter, window));
            assertThat(with(true, () -> collection.countDocuments(filter, window))).as("count %s", filter)
                    .isEqualTo(scannedWindow);
            for (Object groupId : java.util.Arrays.asList(1, null)) {
                List<Bson> pipeline = List.of(Aggregates.match(filter),
                        new Document("$group", new Document("_id", groupId).append("n", new Document("$sum", 1))));
                List<Document> scannedAggregate = with(false, () -> collection.aggregate(pipeline).into(new ArrayList<>()));
                assertThat(with(true, () -> collection.aggregate(pipeline).into(new ArrayList<>())))
                        .as("aggregate %s", filter).isEqualTo(scannedAggregate);
            }
        }
    }

    @Test
    void queriesFindWhatAScanFinds() {
        MongoCollection<Document> collection = appeals("appeals");
        collection.insertMany(documents(1500, 1));
        assertSameAnswers(collection);
        // a long that no double holds: the index of number is then no longer exact, counts read the documents
        collection.insertOne(new Document("_id", "big").append("number", 9007199254740993L).append("state", "CLOSED"));
        assertSameAnswers(collection);

        for (Bson filter : List.of(Filters.and(Filters.eq("_id", "a-7"), Filters.eq("version", 2)),
                Filters.and(Filters.eq("territory", "Южный"), Filters.eq("state", "CLOSED")),
                Filters.in("state", "REGISTERED", "ASSIGNED"),
                Filters.eq("assignment.executorDepartment", "ЖКХ"),
                Filters.and(Filters.eq("state", "ASSIGNED"),
                        Filters.or(Filters.eq("executorDepartment", "ЖКХ"), Filters.eq("tags", "t1"))))) {
            long before = IndexedH2Collection.PLANNED.sum();
            collection.find(filter).first();
            collection.countDocuments(filter);
            assertThat(IndexedH2Collection.PLANNED.sum() - before).as("planned %s", filter).isEqualTo(2);
        }
        for (Bson filter : List.of(Filters.eq("items.name", "x"), Filters.eq("category", "none"),
                Filters.or(Filters.eq("territory", "Южный"), Filters.eq("category", "none")))) {
            long before = IndexedH2Collection.PLANNED.sum();
            collection.find(filter).first();
            assertThat(IndexedH2Collection.PLANNED.sum() - before).as("scanned %s", filter).isZero();
        }
    }

    @Test
    void indexesFollowUpdatesAndDeletesAndARestart() {
        MongoCollection<Document> collection = appeals("appeals");
        collection.insertMany(documents(1500, 2));
        collection.updateMany(Filters.eq("state", "REGISTERED"), Updates.set("territory", "Заречный"));
        collection.updateMany(Filters.eq("territory", "Южный"), Updates.unset("territory"));
        collection.updateMany(Filters.eq("tags", "t1"), Updates.set("tags", List.of("t4", "t0")));
        collection.updateMany(Filters.eq("number", 2), Updates.set("number", 4.0));
        collection.deleteMany(Filters.eq("state", "CLOSED"));
        collection.replaceOne(Filters.eq("_id", "a-8"), new Document("state", "ASSIGNED").append("territory", "Южный"));
        assertSameAnswers(collection);

        client.close();
        store.close();
        store = EmbeddedStore.start("127.0.0.1", 0, dir.resolve("store.mv"));
        client = MongoClients.create(store.connectionString());
        assertSameAnswers(client.getDatabase("appeals").getCollection("appeals"));
    }

    /** Each write runs with the planner on one collection and with the scan on a copy; answers and contents agree. */
    @Test
    void writesDoWhatTheyDoWithAScan() {
        MongoCollection<Document> planned = appeals("planned");
        MongoCollection<Document> scanned = appeals("scanned");
        planned.insertMany(documents(800, 3));
        scanned.insertMany(documents(800, 3));
        List<Function<MongoCollection<Document>, Object>> writes = new ArrayList<>();
        for (Object id : List.of("a-7", "a-9", 12, "new-1")) {
            for (int version = 1; version <= 3; version++) {
                Bson guard = Filters.and(Filters.eq("_id", id), Filters.eq("version", version));
                writes.add(c -> counts(c.updateOne(guard, Updates.combine(Updates.inc("version", 1),
                        Updates.set("state", "ASSIGNED"), Updates.push("outbox", new Document("id", "e"))))));
                writes.add(c -> counts(c.updateOne(guard, Updates.set("note", "same"))));
                writes.add(c -> counts(c.updateOne(guard, Updates.set("note", "same")))); // not modified twice
                writes.add(c -> counts(c.updateOne(guard, Updates.set("state", "X"), new UpdateOptions().upsert(true))));
                writes.add(c -> c.findOneAndUpdate(guard, Updates.inc("version", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
            }
        }
        writes.add(c -> counts(c.updateOne(Filters.and(Filters.eq("territory", "Южный"), Filters.eq("state", "ASSIGNED")),
                Updates.set("state", "ANSWERED"))));
        writes.add(c -> counts(c.updateMany(Filters.and(Filters.eq("territory", "Северный"), Filters.eq("version", 2)),
                Updates.inc("version", 1))));
        writes.add(c -> counts(c.updateOne(Filters.and(Filters.eq("territory", "Нет такого"), Filters.eq("version", 1)),
                Updates.set("state", "NEW"), new UpdateOptions().upsert(true))));
        writes.add(c -> c.deleteOne(Filters.and(Filters.eq("state", "CLOSED"), Filters.eq("tags", "t2")))
                .getDeletedCount());
        writes.add(c -> c.findOneAndDelete(Filters.and(Filters.eq("_id", "a-10"), Filters.eq("version", 1))));
        for (Function<MongoCollection<Document>, Object> write : writes) {
            Object scannedAnswer = with(false, () -> answer(write, scanned));
            Object plannedAnswer = with(true, () -> answer(write, planned));
            assertThat(plannedAnswer).isEqualTo(scannedAnswer);
        }
        List<Document> scannedContents = with(false, () -> scanned.find().projection(new Document("_id", 0))
                .into(new ArrayList<>()));
        assertThat(with(true, () -> planned.find().projection(new Document("_id", 0)).into(new ArrayList<>())))
                .isEqualTo(scannedContents);
        assertSameAnswers(planned);
    }

    /** What the write answered, or the code of the error it failed with (an upsert on a taken _id: 11000). */
    private static Object answer(Function<MongoCollection<Document>, Object> write, MongoCollection<Document> c) {
        try {
            return write.apply(c);
        } catch (com.mongodb.MongoServerException e) {
            return "error " + e.getCode();
        }
    }

    private static List<Object> counts(UpdateResult result) {
        Object upserted = result.getUpsertedId() == null ? null
                : result.getUpsertedId().isObjectId() ? "generated" : result.getUpsertedId().toString();
        return List.of(result.getMatchedCount(), result.getModifiedCount(), String.valueOf(upserted));
    }

    /** Several clients race guarded updates on one document: for each version exactly one of them wins. */
    @Test
    void exactlyOneGuardedUpdateWinsPerVersion() throws Exception {
        MongoCollection<Document> collection = appeals("appeals");
        collection.insertMany(documents(2000, 4));
        collection.insertOne(new Document("_id", "hot").append("version", 0).append("state", "REGISTERED"));
        int clients = 6;
        int attempts = 150;
        Map<Integer, List<Integer>> winners = new ConcurrentHashMap<>();
        AtomicInteger wins = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int clientNo = c;
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < attempts; i++) {
                    int version = collection.find(Filters.eq("_id", "hot")).first().getInteger("version");
                    UpdateResult result = collection.updateOne(
                            Filters.and(Filters.eq("_id", "hot"), Filters.eq("version", version)),
                            Updates.combine(Updates.inc("version", 1), Updates.push("by", clientNo)));
                    if (result.getMatchedCount() == 1) {
                        winners.computeIfAbsent(version, v -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(clientNo);
                        wins.incrementAndGet();
                    }
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        Document hot = collection.find(Filters.eq("_id", "hot")).first();
        assertThat(hot.getInteger("version")).isEqualTo(wins.get());
        assertThat(hot.getList("by", Integer.class)).hasSize(wins.get());
        assertThat(winners.keySet()).hasSize(wins.get());
        assertThat(winners.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(wins.get()).isGreaterThanOrEqualTo(attempts);
    }
}
