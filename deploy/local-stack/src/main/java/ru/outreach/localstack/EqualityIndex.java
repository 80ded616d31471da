package ru.outreach.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A secondary (non-unique) index that mongo-java-server does not have: it ignores every index that is not unique
 * ({@code EmptyIndex}). This one maps the scalar values of the index's first field to the positions (the {@code _id}
 * keys of the H2 data map) of the documents that hold them, in the data map's own key order, so a query answered
 * from it visits the documents in the same order as a scan. Elements of an array value are indexed each (a query
 * {@code {f: x}} matches an array that contains x). Values that are not plain scalars (subdocuments, null, missing)
 * are not indexed: the planner ({@link IndexedH2Collection}) uses the index only for an equality, or an {@code $in},
 * on plain scalars, which such documents never match.
 * <p>
 * It lives in memory and is rebuilt from the data when the store opens (the library fills an empty index from the
 * collection when it is added), so it can never disagree with the data file after a crash. For a compound index
 * ({@code {executorDepartment: 1, state: 1, dueOn: 1}}) it indexes the first field only: right for any query with an
 * equality on that field; the rest of the query is checked on each document. Of a compound index it also keeps the
 * documents in the order of the second field ({@link SortedPositions}, for sorted pages) and counts by the pair of
 * the first two fields' values ({@link PairCounts}, for counts without reads).
 */
final class EqualityIndex extends Index<Object> {

    /** The order of the H2 data map's keys ({@code _id} values): the order in which a scan visits documents. */
    private static final ObjectDataType KEY_ORDER = new ObjectDataType();
    static final Comparator<Object> POSITION_ORDER = KEY_ORDER::compare;

    private final String field;
    private final String[] path;
    private final Map<Object, NavigableSet<Object>> positionsByValue = new HashMap<>();
    private long entries;
    /** Of a compound index: its documents in the order of its second field, for sorted walks; else null. */
    private final SortedPositions sorted;
    /** Of a compound index: counts by the pair of values of its first two fields; else null. */
    private final PairCounts pairs;

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.path = field.split("\\.");
        this.sorted = keys.size() > 1 ? new SortedPositions(keys.get(1).getKey()) : null;
        this.pairs = keys.size() > 1 ? new PairCounts(field, keys.get(1).getKey()) : null;
    }

    String field() {
        return field;
    }

    /** The field whose order a walk follows, or null. */
    String sortField() {
        return sorted == null ? null : sorted.field();
    }

    /**
     * The number of documents that hold one of the values of the first field and one of the seconds of the second,
     * when the index counts pairs exactly; else -1.
     */
    synchronized long count(Collection<?> firsts, Collection<?> seconds) {
        return usable && pairs != null && pairs.exact() ? pairs.count(firsts, seconds) : -1;
    }

    /** Whether {@link #walk} can list every document it should, in the library's sort order. */
    synchronized boolean walkable() {
        return usable && sorted != null && sorted.walkable();
    }

    /**
     * Groups of positions with equal values of the second field, in its order: of the documents that hold one of
     * the values; or, with complement, of every other document (for that, the index must be {@link #exact}).
     */
    synchronized java.util.Iterator<Object[]> walk(Collection<?> values, boolean complement, boolean ascending) {
        List<Object> normalized = values.stream().map(EqualityIndex::normalize).toList();
        return sorted.walk(new java.util.HashSet<>(normalized), complement, ascending);
    }

    /**
     * Whether a query's value is one this index answers an equality for: numbers only as the wire protocol's int,
     * long (that a double holds exactly) and double, so that the matcher's equality implies equal doubles.
     */
    static boolean queryable(Object value) {
        if (value instanceof Number) {
            return value instanceof Integer || value instanceof Double d && !d.isNaN()
                    || value instanceof Long l && l == (long) l.doubleValue();
        }
        return indexable(value);
    }

    static boolean indexable(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof ObjectId
                || value instanceof UUID || value instanceof java.time.Instant || value instanceof java.util.Date
                || (value instanceof Number number && !Double.isNaN(number.doubleValue()));
    }

    /**
     * Numbers are indexed as doubles, as the matcher compares them (1 equals 1.0); a long that a double cannot hold
     * is indexed under its nearest double, so the candidates stay a superset (a query for it scans).
     */
    static Object normalize(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        return value;
    }

    /**
     * False once a document had an array on the way to a dotted field ({@code a.b} with {@code a} an array, or
     * {@code outbox.0}): the matcher's rules there (array elements, positions) are not followed here, so the index
     * stops answering queries rather than risk a wrong one (until the store reopens and rebuilds it).
     */
    synchronized boolean usable() {
        return usable;
    }

    private boolean usable = true;

    /**
     * Whether each set holds exactly the documents that match an equality on its value (so a count needs no
     * document): false once a number other than an int, a double or a long that a double holds was indexed, as the
     * matcher's equality on such a number is not the equality of doubles.
     */
    synchronized boolean exact() {
        return usable && exact;
    }

    private boolean exact = true;

    private Set<Object> values(Document document) {
        Object value = document;
        for (String segment : path) {
            if (value instanceof Document subdocument) {
                value = subdocument.get(segment);
            } else if (value instanceof Collection<?>) {
                usable = false;
                return Set.of();
            } else {
                value = null;
                break;
            }
        }
        Set<Object> values = new java.util.LinkedHashSet<>();
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                if (indexable(element)) {
                    exact &= !(element instanceof Number) || queryable(element);
                    values.add(normalize(element));
                }
            }
        } else if (indexable(value)) {
            exact &= !(value instanceof Number) || queryable(value);
            values.add(normalize(value));
        }
        return values;
    }

    private static Object position(Document document) {
        return Missing.ofNullable(document.get("_id"));
    }

    /** The number of documents that hold the value (an estimate of a lookup's cost). */
    synchronized int count(Object value) {
        NavigableSet<Object> positions = positionsByValue.get(normalize(value));
        return positions == null ? 0 : positions.size();
    }

    /** Positions of the documents that hold any of the values, in data-map key order. */
    synchronized List<Object> positions(Collection<?> values) {
        if (values.size() == 1) {
            NavigableSet<Object> positions = positionsByValue.get(normalize(values.iterator().next()));
            return positions == null ? new ArrayList<>() : new ArrayList<>(positions);
        }
        TreeSet<Object> union = new TreeSet<>(POSITION_ORDER);
        for (Object value : values) {
            NavigableSet<Object> positions = positionsByValue.get(normalize(value));
            if (positions != null) {
                union.addAll(positions);
            }
        }
        return new ArrayList<>(union);
    }

    /** Whether the document at the position holds one of the values. */
    synchronized boolean holdsAny(Collection<?> values, Object position) {
        for (Object value : values) {
            NavigableSet<Object> positions = positionsByValue.get(normalize(value));
            if (positions != null && positions.contains(position)) {
                return true;
            }
        }
        return false;
    }

    /** The positions of several lookups, each in data-map key order, merged into one list in that order. */
    static List<Object> union(List<List<Object>> lists) {
        TreeSet<Object> union = new TreeSet<>(POSITION_ORDER);
        lists.forEach(union::addAll);
        return new ArrayList<>(union);
    }

    @Override
    public Object getPosition(Document document) {
        return null; // positions come from the _id index
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to check
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Set<Object> values = values(document);
        if (sorted != null) {
            sorted.add(values, sorted.sortValue(document), position);
            pairs.add(document);
        }
        for (Object value : values) {
            if (positionsByValue.computeIfAbsent(value, v -> new TreeSet<>(POSITION_ORDER)).add(position)) {
                entries++;
            }
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = position(document);
        Set<Object> values = values(document);
        if (sorted != null) {
            sorted.remove(values, sorted.sortValue(document), position);
            pairs.remove(document);
        }
        for (Object value : values) {
            NavigableSet<Object> positions = positionsByValue.get(value);
            if (positions != null && positions.remove(position)) {
                entries--;
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
        // The collection takes the position from the unique _id index; a sparse index may answer null.
        return isSparse() ? null : position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // the library's planner never picks it; IndexedH2Collection does
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized long getCount() {
        return entries;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to check
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        Set<Object> before = values(oldDocument);
        Set<Object> after = values(newDocument);
        if (sorted != null) {
            Object sortedBefore = sorted.sortValue(oldDocument);
            Object sortedAfter = sorted.sortValue(newDocument);
            if (!before.equals(after) || !java.util.Objects.equals(sortedBefore, sortedAfter)) {
                sorted.remove(before, sortedBefore, position);
                sorted.add(after, sortedAfter, position);
            }
            pairs.remove(oldDocument);
            pairs.add(newDocument);
        }
        if (before.equals(after)) {
            return;
        }
        for (Object value : before) {
            if (!after.contains(value)) {
                NavigableSet<Object> positions = positionsByValue.get(value);
                if (positions != null && positions.remove(position)) {
                    entries--;
                    if (positions.isEmpty()) {
                        positionsByValue.remove(value);
                    }
                }
            }
        }
        for (Object value : after) {
            if (!before.contains(value)
                    && positionsByValue.computeIfAbsent(value, v -> new TreeSet<>(POSITION_ORDER)).add(position)) {
                entries++;
            }
        }
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        entries = 0;
        if (sorted != null) {
            sorted.clear();
            pairs.clear();
        }
    }
}
