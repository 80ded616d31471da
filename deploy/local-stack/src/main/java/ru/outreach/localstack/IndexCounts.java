package ru.outreach.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import ru.outreach.localstack.IndexedH2Collection.Lookup;

/**
 * The counts that a collection's indexes answer without reading a document: of equalities (or {@code $in}) on
 * exactly the first two fields of a compound index, from its counts of pairs ({@link PairCounts}); of equalities on
 * fields whose indexes are exact, as the size of the intersection of their sets; and of {@code {$and: [f, {$nor:
 * [g]}]}} as the count of f less that of f and g. {@code DueOrder} of appeals-service counts both runs of a list so.
 */
final class IndexCounts {

    private final IndexedH2Collection collection;

    IndexCounts(IndexedH2Collection collection) {
        this.collection = collection;
    }

    /** The number of matching documents, or -1 when the indexes cannot tell it. */
    long count(Document query) {
        long pairs = pairCount(query);
        if (pairs >= 0) {
            return pairs;
        }
        List<Object> positions = exactMatches(query);
        if (positions != null) {
            return positions.size();
        }
        Integer complement = complementCount(query);
        return complement == null ? -1 : complement;
    }

    /**
     * A count of {@code {$and: [f, {$nor: [g]}]}} is that of f less that of {@code {$and: [f, g]}} (the matcher's
     * {@code $nor} is the negation of its branch): without a read when indexes decide f and g, else with the reads of
     * g's candidates only, not a scan.
     */
    private Integer complementCount(Document query) {
        Document without = new Document();
        Document negated = IndexedH2Collection.withoutNegation(query, without);
        if (negated == null) {
            return null;
        }
        int all;
        if (without.isEmpty()) {
            all = collection.count();
        } else {
            List<Object> positions = exactMatches(without);
            if (positions == null) {
                return null;
            }
            all = positions.size();
        }
        return all - collection.count(new Document("$and", List.of(without, negated)), 0, 0);
    }

    /**
     * The count of a filter of equalities (or {@code $in}) on exactly the first two fields of a compound index that
     * counts pairs ({@link PairCounts}), with neither a read nor a set walked; else -1.
     */
    private long pairCount(Document query) {
        Map<String, List<Object>> conditions = new HashMap<>();
        if (!onlyConditions(query, conditions) || conditions.size() != 2) {
            return -1;
        }
        for (Index<Object> index : collection.getIndexes()) {
            if (index instanceof EqualityIndex equality && equality.sortField() != null
                    && conditions.containsKey(equality.field()) && conditions.containsKey(equality.sortField())) {
                Collection<?> firsts = allOf(conditions.get(equality.field()));
                Collection<?> seconds = allOf(conditions.get(equality.sortField()));
                if (firsts != null && seconds != null) {
                    long count = equality.count(firsts, seconds);
                    if (count >= 0) {
                        return count;
                    }
                }
            }
        }
        return -1;
    }

    /** The values that meet every one of the conditions (of one field, on a single value), or null. */
    private static Collection<?> allOf(List<Object> conditions) {
        java.util.Set<Object> values = null;
        for (Object condition : conditions) {
            Collection<?> these = IndexedH2Collection.equalityValues(condition);
            if (these == null) {
                return null;
            }
            java.util.Set<Object> normalized = new java.util.HashSet<>();
            these.forEach(value -> normalized.add(EqualityIndex.normalize(value)));
            if (values == null) {
                values = normalized;
            } else {
                values.retainAll(normalized);
            }
        }
        return values;
    }

    /** The positions of exactly the matching documents, when indexes alone decide the filter; else null. */
    private List<Object> exactMatches(Document query) {
        Map<String, List<Object>> conditions = new HashMap<>();
        if (!onlyConditions(query, conditions)) {
            return null;
        }
        List<Lookup> lookups = new ArrayList<>();
        for (Map.Entry<String, List<Object>> field : conditions.entrySet()) {
            EqualityIndex index = null;
            for (Index<Object> candidate : collection.getIndexes()) {
                if (candidate instanceof EqualityIndex equality && equality.field().equals(field.getKey())
                        && equality.exact()) {
                    index = equality;
                    break;
                }
            }
            if (index == null) {
                return null;
            }
            for (Object condition : field.getValue()) {
                Collection<?> values = IndexedH2Collection.equalityValues(condition);
                if (values == null) {
                    return null;
                }
                long count = 0;
                for (Object value : values) {
                    count += index.count(value);
                }
                lookups.add(new Lookup(index, values, count));
            }
        }
        if (lookups.isEmpty()) {
            return null;
        }
        lookups.sort(java.util.Comparator.comparingLong(Lookup::count));
        Lookup first = lookups.getFirst();
        List<Object> positions = first.index().positions(first.values());
        for (Lookup other : lookups.subList(1, lookups.size())) {
            positions.removeIf(position -> !other.index().holdsAny(other.values(), position));
        }
        return positions;
    }

    /** Collects the filter's conditions by field; false if it has anything but fields and {@code $and}. */
    private static boolean onlyConditions(Document query, Map<String, List<Object>> conditions) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            if (field.equals("$and") && entry.getValue() instanceof List<?> clauses && !clauses.isEmpty()) {
                for (Object clause : clauses) {
                    if (!(clause instanceof Document document) || !onlyConditions(document, conditions)) {
                        return false;
                    }
                }
            } else if (field.startsWith("$")) {
                return false;
            } else {
                conditions.computeIfAbsent(field, f -> new ArrayList<>()).add(entry.getValue());
            }
        }
        return true;
    }
}
