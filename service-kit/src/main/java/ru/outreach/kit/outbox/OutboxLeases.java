package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Projections.include;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;

import ru.outreach.kit.outbox.OutboxRelay.Claimed;
import ru.outreach.kit.outbox.OutboxRelay.Target;

/**
 * The relay's store commands on the documents of one collection: claiming them with a lease, removing what was
 * published (and lowering the {@link PendingFlag}), releasing a lease. Several documents cost the same few commands
 * as one: a claim is one {@code updateMany} (each document leased under its own conditions, atomically) and one
 * {@code find} of what it leased; a removal one bulk write of exact single-document updates. One document is claimed
 * with one {@code findOneAndUpdate}.
 * <p>
 * A lease is {@code outboxLease: {owner, claim, until}}; every document leased by one claim command shares its claim
 * value (a random UUID), so {@code {_id, outboxLease.claim}} still names one lease of one document: no other relay
 * can write that value.
 */
final class OutboxLeases {

    static final String LEASE = "outboxLease";
    private static final Logger log = LoggerFactory.getLogger(OutboxLeases.class);

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration lease;
    private final Clock clock;

    OutboxLeases(MongoTemplate mongo, String owner, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Takes the lease, under {@code claim}, on those of the documents that have pending events (or a flag left on an
     * empty outbox, to lower it) and that no relay holds; returns them with their events. When it fails, the store
     * may still have leased some: the caller releases them later, by the claim.
     */
    List<Claimed> claim(String collectionName, List<String> ids, String claim) {
        Instant now = clock.instant();
        Document leased = new Document("$set", new Document(LEASE, new Document("owner", owner)
                .append("claim", claim).append("until", Date.from(now.plus(lease)))));
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        Function<Document, Claimed> claimed = document -> {
            Target target = new Target(collectionName, document.getString("_id"));
            try {
                List<OutboxMessage> pending = document.getList(OutboxMessage.FIELD, Document.class, List.of())
                        .stream().map(OutboxMessage::fromDocument).toList();
                return new Claimed(target, claim, pending, new ArrayList<>(pending.size()));
            } catch (RuntimeException e) {
                // an outbox that cannot be read fails its own document, as a failed send would, not its round
                List<CompletableFuture<?>> failed = new ArrayList<>(List.of(CompletableFuture.failedFuture(e)));
                return new Claimed(target, claim, List.of(), failed);
            }
        };
        if (ids.size() == 1) {
            Document document = collection.findOneAndUpdate(and(eq("_id", ids.getFirst()), needsRelay(), free(now)),
                    leased, new FindOneAndUpdateOptions().projection(include(OutboxMessage.FIELD))
                            .returnDocument(ReturnDocument.AFTER));
            return document == null ? List.of() : List.of(claimed.apply(document));
        }
        if (collection.updateMany(and(anyOf(ids), needsRelay(), free(now)), leased).getMatchedCount() == 0) {
            return List.of();
        }
        return collection.find(and(anyOf(ids), eq(LEASE + ".claim", claim)))
                .projection(include(OutboxMessage.FIELD)).map(claimed::apply).into(new ArrayList<>());
    }

    /**
     * Removes the published events of the documents and releases their leases, each conditioned on its claim;
     * returns the documents to look at again. Where the outbox holds exactly the published events (as many, and
     * each of them), one update empties it, lowers the flag and releases the lease: one bulk write for all. If some
     * did not (events were added meanwhile, or a relay whose lease ran out took some out), a second bulk write pulls
     * the published events from those still leased by the claim and releases them, keeping the flag; and the
     * documents are looked at again, so that what was added goes out and a flag left on an empty outbox is lowered.
     */
    List<Target> removePublished(String collectionName, List<Claimed> documents) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        Document emptied = new Document("$set", new Document(OutboxMessage.FIELD, List.of()))
                .append("$unset", new Document(LEASE, "").append(PendingFlag.FIELD, ""));
        long emptiedCount = bulk(collection, documents,
                document -> new UpdateOneModel<>(and(leasedBy(document), holdsExactly(document.pending())), emptied));
        if (emptiedCount == documents.size()) {
            return List.of();
        }
        long pulledCount = bulk(collection, documents, document -> new UpdateOneModel<>(leasedBy(document),
                new Document("$pull", published(document)).append("$unset", new Document(LEASE, ""))));
        if (emptiedCount + pulledCount < documents.size()) {
            // leases ran out and other relays took the events over: they publish them again (at least once);
            // what is sure to be out need not stay
            bulk(collection, documents, document -> new UpdateOneModel<>(eq("_id", document.target().id()),
                    new Document("$pull", published(document))));
            log.warn("Leases on {} documents of {} ran out while their events were published; other relays took"
                    + " them over", documents.size() - emptiedCount - pulledCount, collectionName);
        }
        return documents.stream().map(Claimed::target).toList();
    }

    /** Releases the lease and leaves the events pending, for the sweep of this or another replica. */
    void release(Claimed document) {
        mongo.getCollection(document.target().collection())
                .updateOne(leasedBy(document), new Document("$unset", new Document(LEASE, "")));
    }

    /** Ids of the documents of a collection that have the {@link PendingFlag} and that no relay holds. */
    List<String> idsWithPendingEvents(String collectionName) {
        return mongo.getCollection(collectionName).find(and(eq(PendingFlag.FIELD, true), free(clock.instant())))
                .projection(include("_id")).map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    private static long bulk(MongoCollection<Document> collection, List<Claimed> documents,
                             Function<Claimed, UpdateOneModel<Document>> update) {
        return collection.bulkWrite(documents.stream().map(update).toList(), new BulkWriteOptions().ordered(false))
                .getMatchedCount();
    }

    /** The documents with these ids: an {@code $or} of equalities, which the embedded store also answers by id. */
    private static Bson anyOf(List<String> ids) {
        return or(ids.stream().map(id -> eq("_id", id)).toList());
    }

    /** Something for the relay to do: events, or a flag to lower. */
    private static Bson needsRelay() {
        return or(exists(OutboxMessage.FIELD + ".0"), eq(PendingFlag.FIELD, true));
    }

    /** No relay holds the document: no lease, or one that has run out. */
    private static Bson free(Instant now) {
        return or(exists(LEASE, false), lt(LEASE + ".until", Date.from(now)));
    }

    private static Bson leasedBy(Claimed document) {
        return and(eq("_id", document.target().id()), eq(LEASE + ".claim", document.claim()));
    }

    private static Document published(Claimed document) {
        return new Document(OutboxMessage.FIELD, new Document(OutboxMessage.EVENT_ID,
                new Document("$in", document.pending().stream().map(OutboxMessage::eventId).toList())));
    }

    /**
     * The outbox holds exactly these events: as many elements, each of the (distinct) event ids among them; or is
     * empty when there are none. An exact size alone is not enough: a relay whose lease ran out may have pulled some
     * of them and a change added as many others.
     */
    private static Bson holdsExactly(List<OutboxMessage> events) {
        if (events.isEmpty()) {
            return exists(OutboxMessage.FIELD + ".0", false);
        }
        return and(size(OutboxMessage.FIELD, events.size()), all(OutboxMessage.FIELD + "." + OutboxMessage.EVENT_ID,
                events.stream().map(OutboxMessage::eventId).toList()));
    }
}
