package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;

import java.util.Date;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import ru.outreach.kit.support.Indexes;

/**
 * The flag {@code outboxPending: true} of a document that has events to publish, and its index, so that the sweep
 * and the gauge read only such documents instead of the whole collection ({@code outbox.0} exists can use no index).
 * <p>
 * Every write that adds events sets the flag in the same single-document write ({@link AggregateStore}); only the
 * relay's update that empties the outbox, conditioned on its lease and on the outbox holding exactly the events it
 * published, removes it ({@link OutboxRelay}). So a document with events always has the flag. A flag may outlive
 * its events for a moment (a relay whose lease ran out removed them); the relay then claims the document by the flag
 * and lowers it.
 * <p>
 * The index is sparse: documents without the flag, nearly all, are not in it. MongoDB uses a sparse index for an
 * equality on a value; the embedded store uses it as any equality index on a first field.
 */
@Component
class PendingFlag {

    static final String FIELD = "outboxPending";
    static final String INDEX = "outbox_pending";

    private final MongoTemplate mongo;

    PendingFlag(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the flag's index on the collection; a store that refuses it still works, its sweep reads more. */
    void ensureIndex(String collection) {
        Indexes.ensure(mongo, collection, new Index().on(FIELD, Sort.Direction.ASC).sparse().named(INDEX));
    }

    /**
     * Flags the documents that hold events and no flag: those stored before the flag existed. One scan of the
     * collection, done once: a record in {@value #MIGRATIONS} says it was, so later starts read nothing (a
     * replica of the version before the flag that died holding events during a rolling upgrade is the exception:
     * delete the record and restart). Returns how many it flagged.
     */
    long flagUnflagged(String collection) {
        Document done = new Document("_id", MIGRATION + collection);
        MongoCollection<Document> migrations = mongo.getCollection(MIGRATIONS);
        if (migrations.find(done).first() != null) {
            return 0;
        }
        long flagged = mongo.getCollection(collection).updateMany(
                and(exists(OutboxMessage.FIELD + ".0"), exists(FIELD, false)),
                new Document("$set", new Document(FIELD, true))).getModifiedCount();
        migrations.replaceOne(done, new Document(done).append("flagged", flagged).append("on", new Date()),
                new ReplaceOptions().upsert(true));
        return flagged;
    }

    /** Where the kit notes its one-off changes of the stored documents. */
    static final String MIGRATIONS = "kit_migrations";
    private static final String MIGRATION = "outbox-pending-flag/";
}
