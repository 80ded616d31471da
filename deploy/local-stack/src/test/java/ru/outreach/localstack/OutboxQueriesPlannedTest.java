package ru.outreach.localstack;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The outbox's queries as service-kit sends them ({@code OutboxRelay}, {@code OutboxLeases}; the sweep's and the
 * gauge's filters are pinned by the kit's {@code OutboxPendingFlagTest}) on the embedded store: the periodic sweep
 * and the gauge are answered from the sparse index on {@code outboxPending}, reading only the flagged documents; a
 * round's claim of many documents goes through the {@code _id} index; and the store matches the exact condition
 * under which the relay empties an outbox and lowers the flag ({@code $size}, {@code $all} on the event ids,
 * {@code outbox.0} missing).
 */
class OutboxQueriesPlannedTest {

    @TempDir
    Path dir;

    private EmbeddedStore store;
    private MongoClient client;
    private MongoCollection<Document> appeals;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start("127.0.0.1", 0, dir.resolve("store.mv"));
        client = MongoClients.create(store.connectionString());
        appeals = client.getDatabase("appeals").getCollection("appeals");
        appeals.createIndex(Indexes.ascending("outboxPending"), new IndexOptions().sparse(true).name("outbox_pending"));
        List<Document> published = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            published.add(new Document("_id", "a-" + i).append("version", 3).append("outbox", List.of()));
        }
        appeals.insertMany(published);
        appeals.insertOne(pending("p-free", List.of("e1", "e2")));
        appeals.insertOne(pending("p-expired", List.of("e3")).append("outboxLease",
                new Document("owner", "dead").append("claim", "c0").append("until", Date.from(Instant.EPOCH))));
        appeals.insertOne(pending("p-held", List.of("e4")).append("outboxLease", new Document("owner", "busy")
                .append("claim", "c1").append("until", Date.from(Instant.now().plusSeconds(3600)))));
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void theSweepAndTheGaugeReadOnlyTheFlaggedDocumentsThroughTheIndex() {
        Bson sweep = and(eq("outboxPending", true), or(exists("outboxLease", false),
                lt("outboxLease.until", Date.from(Instant.now()))));
        Bson gauge = eq("outboxPending", true);

        long before = IndexedH2Collection.PLANNED.sum();
        List<Object> swept = appeals.find(sweep).map(document -> document.get("_id")).into(new ArrayList<>());
        List<Object> counted = appeals.find(gauge).map(document -> document.get("_id")).into(new ArrayList<>());
        assertThat(IndexedH2Collection.PLANNED.sum() - before).as("both answered from an index").isEqualTo(2);
        assertThat(swept).containsExactly("p-expired", "p-free");
        assertThat(counted).containsExactly("p-expired", "p-free", "p-held");

        appeals.dropIndex("outbox_pending");
        before = IndexedH2Collection.PLANNED.sum();
        assertThat(appeals.find(sweep).into(new ArrayList<>())).hasSize(2);
        assertThat(IndexedH2Collection.PLANNED.sum() - before).as("without the index: a scan").isZero();
    }

    /**
     * A relay round claims its documents with one updateMany and reads them with one find, naming them by an
     * {@code $or} of {@code _id} equalities: the planner reads just those documents through the {@code _id} index.
     */
    @Test
    void aRoundsClaimAndReadGoThroughTheIdIndex() {
        Bson round = or(eq("_id", "p-free"), eq("_id", "p-expired"), eq("_id", "p-held"), eq("_id", "a-7"));
        Bson claimable = and(round, or(exists("outbox.0"), eq("outboxPending", true)),
                or(exists("outboxLease", false), lt("outboxLease.until", Date.from(Instant.now()))));
        Document lease = new Document("$set", new Document("outboxLease", new Document("owner", "relay")
                .append("claim", "c9").append("until", Date.from(Instant.now().plusSeconds(45)))));

        long before = IndexedH2Collection.PLANNED.sum();
        assertThat(appeals.updateMany(claimable, lease).getModifiedCount()).isEqualTo(2);
        List<Object> claimed = appeals.find(and(round, eq("outboxLease.claim", "c9")))
                .map(document -> document.get("_id")).into(new ArrayList<>());
        assertThat(IndexedH2Collection.PLANNED.sum() - before).as("both answered from the _id index").isEqualTo(2);
        assertThat(claimed).containsExactly("p-expired", "p-free");
    }

    @Test
    void theExactConditionOfEmptyingAnOutboxIsMatched() {
        Document empty = new Document("$set", new Document("outbox", List.of()))
                .append("$unset", new Document("outboxPending", ""));
        Bson leased = and(eq("_id", "p-held"), eq("outboxLease.claim", "c1"));

        assertThat(appeals.updateOne(and(leased, size("outbox", 1), all("outbox.eventId", List.of("e5"))), empty)
                .getMatchedCount()).as("another event").isZero();
        assertThat(appeals.updateOne(and(leased, size("outbox", 2), all("outbox.eventId", List.of("e4", "e5"))),
                empty).getMatchedCount()).as("more events").isZero();
        assertThat(appeals.updateOne(and(leased, exists("outbox.0", false)), empty).getMatchedCount())
                .as("not empty").isZero();
        assertThat(appeals.updateOne(and(leased, size("outbox", 1), all("outbox.eventId", List.of("e4"))), empty)
                .getMatchedCount()).as("exactly the sent ones").isOne();
        assertThat(appeals.find(eq("_id", "p-held")).first()).doesNotContainKey("outboxPending");
        assertThat(appeals.updateOne(and(leased, exists("outbox.0", false)), empty).getMatchedCount())
                .as("empty").isOne();
        assertThat(appeals.find(eq("outboxPending", true)).into(new ArrayList<>())).hasSize(2);
    }

    private static Document pending(String id, List<String> events) {
        List<Document> outbox = events.stream().map(event -> new Document("eventId", event).append("topic", "t"))
                .toList();
        return new Document("_id", id).append("version", 3).append("outbox", outbox).append("outboxPending", true);
    }
}
