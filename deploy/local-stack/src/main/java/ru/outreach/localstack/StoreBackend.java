package ru.outreach.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVMap;

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

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");

    private final Durability durability;

    StoreBackend(String fileName, Durability durability) {
        super(fileName);
        this.durability = durability;
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
