package ru.outreach.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The due-ordered lists ({@code DueOrder} of appeals-service: counts of the awaiting and of the rest, a sorted page
 * of either) answer with the planner exactly as with the library's scan: sorted walks ({@link SortedWalk}) and
 * counts of a complement, over documents with missing fields, nulls, ties, arrays and mixed types, and after
 * updates and deletes.
 */
class StoreWalkTest extends PlannerComparison {

    private static final List<String> STATES = List.of("RECEIVED", "REGISTERED", "ASSIGNED", "ANSWERED", "CLOSED");
    private static final List<String> TERRITORIES = List.of("Северный", "Южный", "Центральный");
    private static final List<String> DEPARTMENTS = List.of("ЖКХ", "Дороги", "Образование");

    private MongoCollection<Document> appeals() {
        MongoCollection<Document> collection = client.getDatabase("appeals").getCollection("appeals");
        collection.createIndex(Indexes.ascending("territory", "state", "answerDueOn"));
        collection.createIndex(Indexes.ascending("state", "answerDueOn"));
        collection.createIndex(Indexes.ascending("state", "receivedOn"));
        collection.createIndex(Indexes.ascending("assignment.executorDepartment", "answerDueOn"));
        collection.createIndex(Indexes.ascending("answerRequired", "state", "answerDueOn"));
        return collection;
    }

    private static Document appeal(Random random, Object id, boolean plain) {
        Document document = new Document("_id", id);
        switch (random.nextInt(12)) {
            case 0 -> { } // no state
            case 1 -> document.append("state", null);
            case 2 -> document.append("state", plain ? "ASSIGNED" : List.of("REGISTERED", "CLOSED"));
            default -> document.append("state", STATES.get(random.nextInt(STATES.size())));
        }
        if (random.nextInt(6) > 0) {
            document.append("territory", TERRITORIES.get(random.nextInt(TERRITORIES.size())));
        }
        if (random.nextInt(3) > 0) {
            document.append("assignment", new Document("executorDepartment",
                    DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()))));
        }
        switch (random.nextInt(8)) {
            case 0 -> { } // no term
            case 1 -> document.append("answerDueOn", null);
            case 2 -> document.append("answerDueOn", plain ? 7 : List.of("2026-03-01", "2026-01-01"));
            case 3 -> document.append("answerDueOn", plain ? 7.5 : 1L << 40);
            default -> document.append("answerDueOn", "2026-03-" + (10 + random.nextInt(6)));
        }
        if (random.nextInt(5) > 0) {
            document.append("answerRequired", random.nextInt(6) > 0);
        }
        return document.append("receivedOn", "2026-02-" + (10 + random.nextInt(5)));
    }

    private boolean intIds = true;

    private List<Document> appeals(Random random, int from, int count, boolean plain) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            documents.add(appeal(random, intIds && random.nextInt(3) == 0 ? (Object) i : "a-" + i, plain));
        }
        return documents;
    }

    private static List<Bson> filters() {
        List<Bson> filters = new ArrayList<>();
        filters.add(new Document());
        filters.add(Filters.eq("territory", "Южный"));
        filters.add(Filters.eq("assignment.executorDepartment", "ЖКХ"));
        filters.add(Filters.and(new Document(), Filters.eq("assignment.executorDepartment", "Дороги")));
        filters.add(Filters.in("state", "ASSIGNED", "ANSWERED"));
        filters.add(Filters.eq("answerDueOn", "2026-03-12"));
        filters.add(Filters.eq("receivedOn", "never")); // a walk finds nothing, gives up, and the plan answers
        return filters;
    }

    private static List<Document> awaitings() {
        return List.of(new Document("state", new Document("$in", List.of("REGISTERED", "ASSIGNED"))),
                new Document("state", new Document("$in", List.of("REGISTERED", "ASSIGNED")))
                        .append("answerRequired", true),
                new Document("state", "ASSIGNED"));
    }

    private static List<Bson> sorts() {
        return List.of(Sorts.orderBy(Sorts.ascending("answerDueOn"), Sorts.ascending("_id")),
                Sorts.orderBy(Sorts.descending("answerDueOn"), Sorts.ascending("_id")),
                Sorts.orderBy(Sorts.descending("answerDueOn"), Sorts.descending("_id")),
                Sorts.ascending("answerDueOn"),
                Sorts.orderBy(Sorts.ascending("answerDueOn"), Sorts.descending("receivedOn")),
                Sorts.orderBy(Sorts.ascending("receivedOn"), Sorts.ascending("_id")));
    }

    private static void assertSameAnswers(MongoCollection<Document> collection) {
        for (Bson filter : filters()) {
            for (Document awaiting : awaitings()) {
                for (Bson query : List.of(Filters.and(filter, awaiting), Filters.and(filter, Filters.nor(awaiting)),
                        Filters.nor(awaiting))) {
                    long scannedCount = with(false, () -> collection.countDocuments(query));
                    assertThat(with(true, () -> collection.countDocuments(query))).as("count %s", query)
                            .isEqualTo(scannedCount);
                    for (Bson sort : sorts()) {
                        for (int[] window : new int[][] {{0, 20}, {15, 20}, {0, 3}, {40, 50}}) {
                            Supplier<List<Document>> page = () -> collection.find(query).sort(sort).skip(window[0])
                                    .limit(window[1]).into(new ArrayList<>());
                            List<Document> scanned = with(false, page);
                            assertThat(with(true, page)).as("%s %s %s", query, sort, window[0]).isEqualTo(scanned);
                        }
                    }
                }
            }
        }
    }

    /** Ids of mixed types: the scan order of a tie is not the _id order, the walk sorts each tie. */
    @Test
    void dueOrderedListsFindWhatAScanFinds() {
        checkDueOrderedLists(new Random(7));
    }

    /** String ids only: the walk reads a tie in _id order only as far as it needs. */
    @Test
    void dueOrderedListsWithStringIdsFindWhatAScanFinds() {
        intIds = false;
        checkDueOrderedLists(new Random(8));
    }

    private void checkDueOrderedLists(Random random) {
        MongoCollection<Document> collection = appeals();
        collection.insertMany(appeals(random, 0, 1200, true));
        long before = IndexedH2Collection.PLANNED.sum();
        collection.find(new Document()).sort(Sorts.ascending("answerDueOn", "_id")).limit(20).into(new ArrayList<>());
        collection.find(Filters.nor(awaitings().getFirst())).sort(Sorts.ascending("answerDueOn", "_id"))
                .limit(20).into(new ArrayList<>());
        collection.countDocuments(Filters.and(new Document(), Filters.nor(awaitings().getFirst())));
        // two walks; the count is the collection's size less a count from the index (planned too)
        assertThat(IndexedH2Collection.PLANNED.sum() - before).as("walked and counted").isEqualTo(4);
        assertSameAnswers(collection);

        // states and terms that have no place in the order or the pair counts (arrays, a long): neither is used
        // while they are there
        List<Document> odd = appeals(random, 1200, 200, false);
        collection.insertMany(odd);
        assertSameAnswers(collection);
        collection.deleteMany(Filters.in("_id", odd.stream().map(d -> d.get("_id")).toList()));

        collection.updateMany(Filters.eq("state", "REGISTERED"), Updates.set("state", "ASSIGNED"));
        collection.updateMany(Filters.eq("answerDueOn", "2026-03-11"), Updates.set("answerDueOn", "2026-03-14"));
        collection.updateMany(Filters.eq("territory", "Южный"), Updates.unset("answerDueOn"));
        collection.updateMany(Filters.eq("assignment.executorDepartment", "ЖКХ"),
                Updates.combine(Updates.set("assignment.executorDepartment", "Дороги"),
                        Updates.set("answerDueOn", "2026-03-10")));
        collection.updateMany(Filters.eq("answerRequired", false), Updates.unset("state"));
        collection.deleteMany(Filters.eq("state", "CLOSED"));
        collection.deleteMany(Filters.eq("answerDueOn", "2026-03-13"));
        assertSameAnswers(collection);
    }
}
