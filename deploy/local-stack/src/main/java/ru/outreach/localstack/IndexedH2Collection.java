package ru.outreach.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
 * Here a query with an equality on {@code _id} (at the top level or in a top-level {@code $and}) reads that one document through the {@code _id} index; else a
 * query with a top-level equality (or {@code $in}) on the first field of a secondary index ({@link EqualityIndex})
 * reads the documents that hold the value, taking the index with the fewest (an {@code $or} whose every branch
 * can be narrowed so reads the union of its branches' documents); the whole query is then checked on each
 * candidate by the library's own matcher, and sort, skip, limit and projection are the library's too. Candidates come
 * in the data map's key order, the order of a scan, so results, their order, and which document a single update or
 * findAndModify takes, are exactly those of a scan. The collection's methods are synchronized (as the library's),
 * so a guarded update still reads and writes under one lock.
 * <p>
 * A sorted query with a limit may instead walk a compound index {a, b} in the order of b, the sort's first field,
 * and read only the documents of the page ({@link SortedWalk}); a count may come from the index sets, from counts of
 * pairs of values ({@link PairCounts}), or, for {@code {$and: [f, {$nor: [g]}]}}, as the count of f less that of
 * f and g: so the pages of {@code sort=due} (appeals-service's {@code DueOrder}) do not read the whole collection.
 * <p>
 * {@link #planner} switches the planner off (the library's own behaviour), for the benchmark that compares the two.
 */
final class IndexedH2Collection extends H2Collection {

    /** On unless {@code -Dstore.planner=off}; the benchmark flips it to measure the library's own planner. */
    static volatile boolean planner = !"off".equalsIgnoreCase(System.getProperty("store.planner", "on"));

    private static final String ID = "_id";

    /** How many queries an index answered (for tests). */
    static final java.util.concurrent.atomic.LongAdder PLANNED = new java.util.concurrent.atomic.LongAdder();

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (planner && query != null && limit > 0 && orderBy != null && !orderBy.isEmpty() && !isNatural(orderBy)) {
            List<Document> walked = walk(query, orderBy, numberToSkip + limit);
            if (walked != null) {
                PLANNED.increment();
                return matchDocumentsFromStream(query, walked.stream(), numberToSkip, limit, batchSize, null,
                        fieldSelector);
            }
        }
        if (planner && query != null && !query.isEmpty() && !isNatural(orderBy)) {
            Iterable<Object> candidates = candidates(query);
            if (candidates != null) {
                PLANNED.increment();
                return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** A count that the indexes answer ({@link IndexCounts}); else the library's count, through the planner. */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        if (planner && query != null && !query.isEmpty()) {
            long counted = new IndexCounts(this).count(query);
            if (counted >= 0) {
                PLANNED.increment();
                int count = (int) Math.max(0, counted - Math.max(0, skip));
                return limit > 0 ? Math.min(limit, count) : count;
            }
        }
        return super.count(query, skip, limit);
    }

    /**
     * The one branch of the query's one {@code $nor} (at the top or in a top-level {@code $and}), with the rest of the
     * query put into {@code rest}; null if the query has no such {@code $nor}, or more than one.
     */
    static Document withoutNegation(Document query, Document rest) {
        List<Document> clauses = new ArrayList<>();
        Document negated = null;
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> list && !list.isEmpty()) {
                for (Object clause : list) {
                    if (!(clause instanceof Document document)) {
                        return null;
                    }
                    if (document.size() == 1 && document.get("$nor") instanceof List<?> branches) {
                        if (negated != null || branches.size() != 1
                                || !(branches.getFirst() instanceof Document branch)) {
                            return null;
                        }
                        negated = branch;
                    } else if (!document.isEmpty()) {
                        clauses.add(document);
                    }
                }
            } else if (entry.getKey().equals("$nor")) {
                if (negated != null || !(entry.getValue() instanceof List<?> branches) || branches.size() != 1
                        || !(branches.getFirst() instanceof Document branch)) {
                    return null;
                }
                negated = branch;
            } else {
                clauses.add(new Document(entry.getKey(), entry.getValue()));
            }
        }
        if (negated != null && !clauses.isEmpty()) {
            rest.put("$and", clauses);
        }
        return negated;
    }

    /**
     * The first {@code wanted} matches of a sorted query read by walking a compound index {a, b} in the order of b,
     * the sort's first field ({@link SortedWalk}), when that reads fewer documents than the best plan would: the
     * documents that hold the query's values of a; or, for {@code {$nor: [{a: ...}]}}, all others; or all documents.
     * Null when no such walk is worth it, or when it turned out to read more than a quarter of what the plan reads.
     */
    private List<Document> walk(Document query, Document orderBy, int wanted) {
        String first = orderBy.keySet().iterator().next();
        if (!(orderBy.get(first) instanceof Number direction) || direction.intValue() == 0) {
            return null;
        }
        Map<String, List<Object>> conditions = new HashMap<>();
        collectConditions(query, conditions, new ArrayList<>());
        Document negated = withoutNegation(query, new Document());
        List<Lookup> lookups = lookups(conditions);
        long total = count();
        long matches = total;
        for (Lookup lookup : lookups) {
            matches = Math.min(matches, lookup.count());
        }
        Plan plan = query.isEmpty() ? null : plan(query);
        double best = plan == null ? total : plan.count();
        java.util.function.Supplier<java.util.Iterator<Object[]>> walk = null;
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof EqualityIndex equality) || !first.equals(equality.sortField())
                    || !equality.walkable()) {
                continue;
            }
            boolean ascending = direction.intValue() > 0;
            Collection<?> values = List.of();
            boolean complement = true;
            long size = total;
            for (Lookup lookup : lookups) {
                if (lookup.index() == equality && lookup.count() < size) {
                    values = lookup.values();
                    complement = false;
                    size = lookup.count();
                }
            }
            Collection<?> excluded = negated != null && negated.size() == 1 && equality.exact()
                    ? equalityValues(negated.get(equality.field())) : null;
            if (complement && excluded != null) {
                values = excluded;
                for (Object value : excluded) {
                    size -= equality.count(value);
                }
            }
            // reads expected: the wanted share of the walked documents that match
            double cost = (double) wanted * size / Math.max(1, Math.min(matches, size));
            if (cost < best) {
                best = cost;
                Collection<?> walked = values;
                boolean others = complement;
                walk = () -> equality.walk(walked, others, ascending);
            }
        }
        if (walk == null) {
            return null;
        }
        long budget = Math.max(8L * wanted, (long) (plan == null ? total : plan.count()) / 4);
        return SortedWalk.matches(walk.get(), orderBy, wanted, budget,
                position -> lookups.stream().allMatch(l -> l.index().holdsAny(l.values(), position)),
                this::getDocument, document -> documentMatchesQuery(document, query));
    }

    record Lookup(EqualityIndex index, Collection<?> values, long count) {
    }

    /** Every equality (or {@code $in}) of the conditions that an index answers. */
    private List<Lookup> lookups(Map<String, List<Object>> conditions) {
        List<Lookup> lookups = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof EqualityIndex equality) || !equality.usable()) {
                continue;
            }
            for (Object condition : conditions.getOrDefault(equality.field(), List.of())) {
                Collection<?> values = equalityValues(condition);
                if (values != null) {
                    long count = 0;
                    for (Object value : values) {
                        count += equality.count(value);
                    }
                    lookups.add(new Lookup(equality, values, count));
                }
            }
        }
        return lookups;
    }

    /**
     * As the library's, but a position whose document a writer outside the collection's lock has just removed is
     * skipped (a scan would not see it either).
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<Document> documents = StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument)
                .filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The positions of the documents that can match, in scan order, or null when no index narrows the query. */
    private Iterable<Object> candidates(Document query) {
        Plan plan = plan(query);
        return plan == null ? null : plan.positions();
    }

    /** Where the candidates come from: an estimate of their number and how to list them. */
    private record Plan(long count, java.util.function.Supplier<List<Object>> lister) {

        List<Object> positions() {
            return lister.get();
        }
    }

    /** The cheapest way to narrow the query with an index, or null. */
    private Plan plan(Document query) {
        Map<String, List<Object>> conditions = new HashMap<>();
        List<List<?>> alternatives = new ArrayList<>();
        collectConditions(query, conditions, alternatives);
        List<Index<Object>> indexes = getIndexes();
        if (ID.equals(getIdField())) {
            for (Object condition : conditions.getOrDefault(ID, List.of())) {
                Plan byIds = byIds(indexes, equalityValues(condition));
                if (byIds != null) {
                    return byIds;
                }
            }
        }
        // every equality (or $in) that an index answers; the candidates are those of the one with the fewest,
        // less those that another one's index shows cannot match (each set holds every document that meets its
        // condition, so what is in all of them is still every document that can match)
        List<Lookup> lookups = lookups(conditions);
        lookups.sort(java.util.Comparator.comparingLong(Lookup::count));
        Plan best = null;
        if (!lookups.isEmpty()) {
            Lookup first = lookups.getFirst();
            List<Lookup> others = new ArrayList<>();
            java.util.Set<String> fields = new java.util.HashSet<>(List.of(first.index().field()));
            for (Lookup other : lookups.subList(1, lookups.size())) {
                if (fields.add(other.index().field()) && others.size() < 2) {
                    others.add(other);
                }
            }
            best = new Plan(first.count(), () -> {
                List<Object> positions = first.index().positions(first.values());
                for (Lookup other : others) {
                    positions.removeIf(position -> !other.index().holdsAny(other.values(), position));
                }
                return positions;
            });
        }
        // {$or: [a, b]}: the union of what narrows each branch, when every branch can be narrowed
        for (List<?> branches : alternatives) {
            List<Plan> plans = new ArrayList<>();
            long count = 0;
            for (Object branch : branches) {
                Plan plan = branch instanceof Document document ? plan(document) : null;
                if (plan == null) {
                    plans = null;
                    break;
                }
                plans.add(plan);
                count += plan.count();
            }
            if (plans != null && !plans.isEmpty() && (best == null || count < best.count())) {
                List<Plan> union = plans;
                best = new Plan(count, () -> EqualityIndex.union(union.stream().map(Plan::positions).toList()));
            }
        }
        return best;
    }

    /**
     * The documents of the given ids ({@code _id: x} or {@code _id: {$in: [...]}}), read through the {@code _id}
     * index in scan order; null when there are none such or no such index.
     */
    private static Plan byIds(List<Index<Object>> indexes, Collection<?> ids) {
        if (ids == null) {
            return null;
        }
        for (Index<Object> index : indexes) {
            if (index.isUnique() && index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey())
                    && ids.stream().allMatch(id -> index.canHandle(new Document(ID, id)))) {
                return new Plan(ids.size(), () -> {
                    List<List<Object>> each = new ArrayList<>();
                    for (Object id : ids) {
                        List<Object> positions = new ArrayList<>();
                        index.getPositions(new Document(ID, id)).forEach(positions::add);
                        each.add(positions);
                    }
                    return each.size() == 1 ? each.getFirst() : EqualityIndex.union(each);
                });
            }
        }
        return null;
    }

    /**
     * The conditions that every match must meet, by field: the query's top-level fields and those of its
     * {@code $and} clauses (the Java driver's {@code Filters.and} sends {@code {$and: [{_id: x}, {version: 3}]}});
     * and the branches of each {@code $or} that every match must meet one of.
     */
    private static void collectConditions(Document query, Map<String, List<Object>> conditions,
                                          List<List<?>> alternatives) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            if (field.equals("$and") && entry.getValue() instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        collectConditions(document, conditions, alternatives);
                    }
                }
            } else if (field.equals("$or") && entry.getValue() instanceof List<?> branches && !branches.isEmpty()) {
                alternatives.add(branches);
            } else if (!field.startsWith("$")) {
                conditions.computeIfAbsent(field, f -> new ArrayList<>()).add(entry.getValue());
            }
        }
    }

    /** The values that the field must equal one of, when the query says so with plain scalars; else null. */
    static Collection<?> equalityValues(Object condition) {
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
