package ru.outreach.localstack;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How many documents hold each pair of values of a compound index's first two fields, so that a count of
 * equalities (or {@code $in}) on exactly those two fields is a sum, with no document read and no set intersected:
 * {@code {state: {$in: [REGISTERED, ASSIGNED]}, answerRequired: true}} costs the same with a million documents as
 * with ten thousand.
 * <p>
 * Exact only while no document holds an array on the way to either field or in it (such a document would count
 * once per pair of its values), nor a number that the matcher does not compare as a double; the planner asks
 * {@link #exact()} and else intersects the index sets as before. Beyond {@value #MAX_PAIRS} pairs
 * ({@code citizenKey} and {@code category}) it gives up, as that would cost more memory than the sets themselves.
 */
final class PairCounts {

    private static final Object ARRAY = new Object();
    static final int MAX_PAIRS = 50_000;

    private final String[] first;
    private final String[] second;
    private final Map<Object, Map<Object, Integer>> counts = new HashMap<>();
    private long inexact;
    private int pairs;
    private boolean abandoned;

    PairCounts(String first, String second) {
        this.first = first.split("\\.");
        this.second = second.split("\\.");
    }

    boolean exact() {
        return inexact == 0 && !abandoned;
    }

    void add(Document document) {
        change(document, 1);
    }

    void remove(Document document) {
        change(document, -1);
    }

    void clear() {
        counts.clear();
        inexact = 0;
        pairs = 0;
        abandoned = false;
    }

    /** The number of documents whose first field holds one of the firsts and whose second one of the seconds. */
    long count(Collection<?> firsts, Collection<?> seconds) {
        Set<Object> wanted = normalized(seconds);
        long count = 0;
        for (Object a : normalized(firsts)) {
            Map<Object, Integer> bySecond = counts.get(a);
            if (bySecond != null) {
                for (Object b : wanted) {
                    count += bySecond.getOrDefault(b, 0);
                }
            }
        }
        return count;
    }

    private static Set<Object> normalized(Collection<?> values) {
        Set<Object> normalized = new HashSet<>();
        values.forEach(value -> normalized.add(EqualityIndex.normalize(value)));
        return normalized;
    }

    private void change(Document document, int delta) {
        if (abandoned) {
            return;
        }
        Object a = value(document, first);
        Object b = value(document, second);
        if (a == ARRAY || b == ARRAY || inexactNumber(a) || inexactNumber(b)) {
            inexact += delta;
            return;
        }
        if (!EqualityIndex.indexable(a) || !EqualityIndex.indexable(b)) {
            return; // no equality on a queryable value matches it
        }
        Map<Object, Integer> bySecond = counts.computeIfAbsent(EqualityIndex.normalize(a), v -> new HashMap<>());
        int before = bySecond.size();
        bySecond.merge(EqualityIndex.normalize(b), delta, (x, y) -> x + y == 0 ? null : x + y);
        pairs += bySecond.size() - before;
        if (bySecond.isEmpty()) {
            counts.remove(EqualityIndex.normalize(a));
        }
        if (pairs > MAX_PAIRS) {
            counts.clear();
            abandoned = true;
        }
    }

    private static boolean inexactNumber(Object value) {
        return value instanceof Number && !EqualityIndex.queryable(value);
    }

    private static Object value(Document document, String[] path) {
        Object value = document;
        for (String segment : path) {
            if (value instanceof Document subdocument) {
                value = subdocument.get(segment);
            } else if (value instanceof Collection<?>) {
                return ARRAY;
            } else {
                return null;
            }
        }
        return value instanceof Collection<?> ? ARRAY : value;
    }
}
