package ru.outreach.localstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The positions of a compound index's documents ordered by the index's second field, per value of its first field
 * (and, apart, those of the documents that hold no indexed value of it), so that a page sorted by the second field
 * reads only the documents it shows ({@link SortedWalk}) instead of reading and sorting every candidate.
 * <p>
 * The order is the library's own sort order ({@link ValueComparator#asc()}), so a walk visits documents as the
 * library's sort would. It is a total order only on plain values (strings, booleans, dates, ids, ints and doubles;
 * null and a missing field are equal and first), so a document whose value is anything else (an array, a
 * subdocument, a long) is only counted, and the index refuses walks while there is one. Documents with equal values
 * share one array of positions in the data map's key order (small: a date is shared by thousands of documents).
 * <p>
 * An index whose first field has more than {@value #MAX_VALUES} values ({@code citizenKey}), or whose second field
 * has more than {@value #MAX_TIE} documents with one value ({@code {territory, state}}), gives its order up: a map
 * per value would cost a hundred bytes a document, an array of a huge tie a copy of it on each insert, and no list
 * walks such an index.
 */
final class SortedPositions {

    private static final Comparator<Object> VALUE_ORDER = ValueComparator.asc();
    static final int MAX_VALUES = 10_000;
    static final int MAX_TIE = 16_384;

    private final String field;
    private final Map<Object, TreeMap<Object, Object[]>> byValue = new HashMap<>();
    private final TreeMap<Object, Object[]> unindexed = new TreeMap<>(VALUE_ORDER);
    private long unwalkable;
    private boolean abandoned;

    SortedPositions(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    /** The document's value of the sort field, as the library's sort reads it. */
    Object sortValue(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        return value == null ? Missing.getInstance() : value;
    }

    static boolean walkable(Object value) {
        if (value instanceof Number number) {
            return (number instanceof Integer || number instanceof Double || number instanceof Long)
                    && !(Utils.normalizeNumber(number) instanceof Long);
        }
        return value instanceof Missing || value instanceof String || value instanceof Boolean
                || value instanceof java.time.Instant || value instanceof ObjectId;
    }

    /** Whether every document's value has a place in the order. */
    boolean walkable() {
        return unwalkable == 0 && !abandoned;
    }

    void add(Set<Object> values, Object sortValue, Object position) {
        if (abandoned) {
            return;
        }
        if (!walkable(sortValue)) {
            unwalkable++;
            return;
        }
        boolean fits = true;
        if (values.isEmpty()) {
            fits = insert(unindexed, sortValue, position);
        }
        for (Object value : values) {
            fits &= insert(byValue.computeIfAbsent(value, v -> new TreeMap<>(VALUE_ORDER)), sortValue, position);
        }
        if (!fits) {
            abandon();
            return;
        }
        if (byValue.size() > MAX_VALUES) {
            abandon();
        }
    }

    private void abandon() {
        byValue.clear();
        unindexed.clear();
        abandoned = true;
    }

    void remove(Set<Object> values, Object sortValue, Object position) {
        if (abandoned) {
            return;
        }
        if (!walkable(sortValue)) {
            unwalkable--;
            return;
        }
        if (values.isEmpty()) {
            delete(unindexed, sortValue, position);
        }
        for (Object value : values) {
            TreeMap<Object, Object[]> sorted = byValue.get(value);
            if (sorted != null) {
                delete(sorted, sortValue, position);
                if (sorted.isEmpty()) {
                    byValue.remove(value);
                }
            }
        }
    }

    void clear() {
        byValue.clear();
        unindexed.clear();
        unwalkable = 0;
        abandoned = false;
    }

    /** False when the tie grew too large. */
    private static boolean insert(TreeMap<Object, Object[]> sorted, Object sortValue, Object position) {
        Object[] positions = sorted.get(sortValue);
        if (positions == null) {
            sorted.put(sortValue, new Object[] {position});
            return true;
        }
        if (positions.length >= MAX_TIE) {
            return false;
        }
        int at = Arrays.binarySearch(positions, position, EqualityIndex.POSITION_ORDER);
        if (at < 0) {
            at = -at - 1;
            Object[] grown = new Object[positions.length + 1];
            System.arraycopy(positions, 0, grown, 0, at);
            grown[at] = position;
            System.arraycopy(positions, at, grown, at + 1, positions.length - at);
            sorted.put(sortValue, grown);
        }
        return true;
    }

    private static void delete(TreeMap<Object, Object[]> sorted, Object sortValue, Object position) {
        Object[] positions = sorted.get(sortValue);
        int at = positions == null ? -1 : Arrays.binarySearch(positions, position, EqualityIndex.POSITION_ORDER);
        if (at < 0) {
            return;
        }
        if (positions.length == 1) {
            sorted.remove(sortValue);
            return;
        }
        Object[] shrunk = new Object[positions.length - 1];
        System.arraycopy(positions, 0, shrunk, 0, at);
        System.arraycopy(positions, at + 1, shrunk, at, positions.length - at - 1);
        sorted.put(sortValue, shrunk);
    }

    /**
     * The groups of documents with equal sort values, in sort order, each in the data map's key order: of the
     * documents that hold one of the values, or (complement) of all the others, those holding no indexed value too.
     * The collection's lock must be held while the walk goes on.
     */
    Iterator<Object[]> walk(Collection<Object> values, boolean complement, boolean ascending) {
        List<NavigableMap<Object, Object[]>> sources = new ArrayList<>();
        if (complement) {
            byValue.forEach((value, sorted) -> {
                if (!values.contains(value)) {
                    sources.add(sorted);
                }
            });
            sources.add(unindexed);
        } else {
            for (Object value : new HashSet<>(values)) {
                TreeMap<Object, Object[]> sorted = byValue.get(value);
                if (sorted != null) {
                    sources.add(sorted);
                }
            }
        }
        return new Groups(sources, ascending);
    }

    /** A merge of several sorted maps by key: equal keys of several maps make one group. */
    private static final class Groups implements Iterator<Object[]> {

        private record Head(Map.Entry<Object, Object[]> entry, Iterator<Map.Entry<Object, Object[]>> rest) {
        }

        private final PriorityQueue<Head> heads;
        private final Comparator<Object> order;

        Groups(List<NavigableMap<Object, Object[]>> sources, boolean ascending) {
            order = ascending ? VALUE_ORDER : VALUE_ORDER.reversed();
            heads = new PriorityQueue<>(Math.max(1, sources.size()),
                    (a, b) -> order.compare(a.entry().getKey(), b.entry().getKey()));
            for (NavigableMap<Object, Object[]> source : sources) {
                advance((ascending ? source : source.descendingMap()).entrySet().iterator());
            }
        }

        private void advance(Iterator<Map.Entry<Object, Object[]>> rest) {
            if (rest.hasNext()) {
                heads.add(new Head(rest.next(), rest));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Object[] next() {
            Head first = heads.poll();
            if (first == null) {
                throw new NoSuchElementException();
            }
            Object[] group = first.entry().getValue();
            advance(first.rest());
            List<Object[]> more = null;
            while (!heads.isEmpty() && order.compare(heads.peek().entry().getKey(), first.entry().getKey()) == 0) {
                Head next = heads.poll();
                if (more == null) {
                    more = new ArrayList<>();
                }
                more.add(next.entry().getValue());
                advance(next.rest());
            }
            return more == null ? group : merge(group, more);
        }

        /** One array in key order, each position once (a document with an array is under several values). */
        private static Object[] merge(Object[] first, List<Object[]> more) {
            java.util.TreeSet<Object> union = new java.util.TreeSet<>(EqualityIndex.POSITION_ORDER);
            union.addAll(Arrays.asList(first));
            more.forEach(positions -> union.addAll(Arrays.asList(positions)));
            return union.toArray();
        }
    }
}
