package ru.outreach.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 file backend, made durable per write, plus the {@code hello} command that MongoDB 4.4+ answers and
 * mongo-java-server does not.
 * <p>
 * Durability: H2's MVStore writes its changes to the file once a second on its own, so a write answered less than a
 * second before a {@code kill -9} was lost. With {@link Durability#WRITE} every command that changes data commits the
 * store (writes the change to the file) before the answer leaves, so an acknowledged write survives the death of the
 * process. The file is not forced to the disk on each write (no fsync): a power cut can still lose the last second;
 * that is the promise of a local store, production uses a MongoDB replica set with {@code w: majority}.
 * <p>
 * Spring Boot's MongoDB health indicator sends {@code hello}; without it every service would stay DOWN on the
 * embedded store. The answer is that of {@code isMaster} with the newer field name added.
 * <p>
 * Indexes: the library builds only unique indexes and uses one only for a query on exactly its keys; its databases
 * here ({@link Database}) build secondary indexes ({@link EqualityIndex}) and plan queries with them and with the
 * {@code _id} index when the query has more conditions ({@link IndexedH2Collection}).
 */
final class StoreBackend extends H2Backend {

    /** When a change reaches the file. */
    enum Durability {
        /** Before the write is answered. */
        WRITE,
        /** Within a second, by MVStore's own background writer (faster, loses the last second on a crash). */
        INTERVAL
    }

    private static final Logger log = LoggerFactory.getLogger(StoreBackend.class);

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");

    private final Durability durability;

    StoreBackend(String fileName, Durability durability) {
        super(open(fileName));
        this.durability = durability;
    }

    /**
     * The MVStore with a page cache of a quarter of the heap ({@code -Dstore.cacheMb} sets it; H2's default is
     * 16 MB) and pages of 4 KB ({@code -Dstore.pageSplitSize}; H2's default is 16 KB). H2 keeps documents
     * Java-serialized in pages and deserializes a whole page to read one document of it, so a query answered from an
     * index reads fast only while the pages it visits stay in the cache.
     */
    private static MVStore open(String fileName) {
        int cacheMb = Integer.getInteger("store.cacheMb",
                (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024)));
        // H2 reads (and deserializes) a whole page to read one document of it; with a million appeals, most reads
        // miss the cache, and 4 KB pages made guarded updates 2.6 times faster than H2's 16 KB (StoreScaleBenchmark)
        int pageSplitSize = Integer.getInteger("store.pageSplitSize", 4 * 1024);
        log.info("opening MVStore in '{}' with a cache of {} MB, pages split at {} bytes", fileName, cacheMb,
                pageSplitSize);
        return new MVStore.Builder().fileName(fileName).cacheSize(cacheMb).pageSplitSize(pageSplitSize).open();
    }

    /** The fields of an aggregate command that {@link #asCount} may leave aside: none changes the answer. */
    private static final Set<String> COUNT_AGGREGATE_FIELDS = Set.of("aggregate", "pipeline", "cursor", "$db", "lsid",
            "$clusterTime", "$readPreference", "maxTimeMS", "comment", "txnNumber", "autocommit", "startTransaction");

    /**
     * The {@code count} command that answers an aggregate which only counts, or null. The driver's
     * {@code countDocuments} (and so Spring Data's {@code count}) sends {@code [{$match: q}, ({$skip: s},)
     * ({$limit: l},) {$group: {_id: 1, n: {$sum: 1}}}]}; the library runs every aggregate over a scan of the whole
     * collection, while its {@code count} command runs the query through the collection's planner.
     */
    private static Document asCount(Document command) {
        if (!COUNT_AGGREGATE_FIELDS.containsAll(command.keySet())
                || !(command.get("aggregate") instanceof String collection)
                || !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2) {
            return null;
        }
        Document count = new Document("count", collection);
        int stage = 0;
        if (pipeline.get(stage) instanceof Document first && first.size() == 1
                && first.get("$match") instanceof Document match) {
            count.put("query", match);
            stage++;
        } else {
            return null;
        }
        if (pipeline.get(stage) instanceof Document skip && skip.size() == 1
                && skip.get("$skip") instanceof Number n && n.doubleValue() >= 0) {
            count.put("skip", n.intValue());
            stage++;
        }
        if (stage < pipeline.size() && pipeline.get(stage) instanceof Document limit && limit.size() == 1
                && limit.get("$limit") instanceof Number n && n.doubleValue() > 0) {
            count.put("limit", n.intValue());
            stage++;
        }
        if (stage != pipeline.size() - 1 || !(pipeline.get(stage) instanceof Document last) || last.size() != 1
                || !(last.get("$group") instanceof Document group) || group.size() != 2 || !group.containsKey("_id")
                || (group.get("_id") != null && !(group.get("_id") instanceof Number))
                || !(group.get("n") instanceof Document sum) || sum.size() != 1
                || !(sum.get("$sum") instanceof Number one) || one.doubleValue() != 1) {
            return null;
        }
        count.put("groupId", group.get("_id"));
        return count;
    }

    private Document countAsAggregate(Channel channel, String databaseName, Document aggregate, Document count) {
        Object groupId = count.remove("groupId");
        Document counted = super.handleCommand(channel, databaseName, "count", count);
        int n = ((Number) counted.get("n")).intValue();
        List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", groupId).append("n", n));
        Document cursor = new Document("id", 0L).append("ns", databaseName + "." + aggregate.get("aggregate"))
                .append("firstBatch", batch);
        Document response = new Document("cursor", cursor);
        response.put("ok", 1.0);
        return response;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * The H2 database with {@link IndexedH2Collection}s and {@link EqualityIndex}es. An inner class because the
     * library's constructor opens the collections and indexes before a subclass's own fields are set; the map names
     * are those of {@link H2Database}.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap("databases." + fullName);
            MVMap<String, Object> metaMap = getMvStore().openMap("meta." + fullName);
            return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new EqualityIndex(indexName, keys, sparse);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document response = super.handleCommand(channel, databaseName, "isMaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
        }
        if (command.equalsIgnoreCase("aggregate") && IndexedH2Collection.planner) {
            Document count = asCount(query);
            if (count != null) {
                return countAsAggregate(channel, databaseName, query, count);
            }
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed write: part of an unordered bulk may have been applied and answered
            if (durability == Durability.WRITE && WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
            }
        }
    }
}
