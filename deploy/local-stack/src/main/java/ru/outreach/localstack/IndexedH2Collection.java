package ru.outreach.localstack;

import java.util.Collection;
import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection whose query planner uses an index for a query that has more than the index's key in it.
 * <p>
 * mongo-java-server 1.47.0 ({@code AbstractMongoCollection.queryDocuments}) takes the first index whose
 * {@code canHandle(query)} is true, and a unique index ({@code AbstractUniqueIndex.canHandle}) says yes only when the
 * query's field names are exactly the index's keys. So {@code {_id: x, version: 3}}, the guard of every aggregate
 * change, scanned the whole collection; and non-unique indexes are not built at all ({@code EmptyIndex}), so every
 * list query scanned too.
 * <p>
 * Here a query with a top-level equality on {@code _id} reads that one document through the {@code _id} index; else a
 * query with a top-level equality (or {@code $in}) on the first field of a secondary index ({@link EqualityIndex})
 * reads the documents that hold the value, taking the index with the fewest; the whole query is then checked on each
 * candidate by the library's own matcher, and sort, skip, limit and projection are the library's too. Candidates come
 * in the data map's key order, the order of a scan, so results, their order, and which document a single update or
 * findAndModify takes, are exactly those of a scan. The collection's methods are synchronized (as the library's),
 * so a guarded update still reads and writes under one lock.
 * <p>
 * {@link #planner} switches the planner off (the library's own behaviour), for the benchmark that compares the two.
 */
final class IndexedH2Collection extends H2Collection {

    /** On unless {@code -Dstore.planner=off}; the benchmark flips it to measure the library's own planner. */
    static volatile boolean planner = !"off".equalsIgnoreCase(System.getProperty("store.planner", "on"));

    private static final String ID = "_id";

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (planner && query != null && !query.isEmpty() && !isNatural(orderBy)) {
            Iterable<Object> candidates = candidates(query);
            if (candidates != null) {
                return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The positions of the documents that can match, in scan order, or null when no index narrows the query. */
    private Iterable<Object> candidates(Document query) {
        List<Index<Object>> indexes = getIndexes();
        if (getIdField() != null && ID.equals(getIdField()) && EqualityIndex.queryable(query.get(ID))) {
            Document byId = new Document(ID, query.get(ID));
            for (Index<Object> index : indexes) {
                if (index.isUnique() && index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey())
                        && index.canHandle(byId)) {
                    return index.getPositions(byId);
                }
            }
        }
        EqualityIndex best = null;
        Collection<?> bestValues = null;
        int bestCount = Integer.MAX_VALUE;
        for (Index<Object> index : indexes) {
            if (!(index instanceof EqualityIndex equality)) {
                continue;
            }
            Collection<?> values = equalityValues(query.get(equality.field()));
            if (values == null) {
                continue;
            }
            int count = 0;
            for (Object value : values) {
                count += equality.count(value);
            }
            if (count < bestCount) {
                best = equality;
                bestValues = values;
                bestCount = count;
            }
        }
        return best == null ? null : best.positions(bestValues);
    }

    /** The values that the field must equal one of, when the query says so with plain scalars; else null. */
    private static Collection<?> equalityValues(Object condition) {
        if (EqualityIndex.queryable(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document operators && operators.size() == 1
                && operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(EqualityIndex::queryable)) {
            return values;
        }
        return null;
    }

    private static boolean isNatural(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }
}
