package ru.outreach.localstack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The first matches of a sorted query, read by walking an index in the order of the sort's first field
 * ({@link SortedPositions}) and stopping once there are enough, instead of reading and sorting every candidate.
 * <p>
 * The answer is exactly the library's (which matches every document in scan order, then sorts stably): within a group
 * of documents with an equal first sort value, the matches are ordered by the whole sort with the library's
 * comparator, stably from scan order. When the rest of the sort is only {@code _id} and the group's positions (the
 * {@code _id} values) are all strings or all ints, the scan order is the {@code _id} order, so the group is read in
 * that direction only as far as needed: a day of due dates shared by thousands of documents costs no more reads.
 */
final class SortedWalk {

    private SortedWalk() {
    }

    /**
     * At least {@code wanted} matches in sort order (more when a group overshoots), or all of them; or null once more
     * than {@code budget} positions were read (matches are rarer than the planner thought: a scan reads in order).
     *
     * @param groups    positions with equal first sort values, in sort order, each in scan order
     * @param mayMatch  false for a position that other indexes show cannot match (cheaper than reading it)
     */
    static List<Document> matches(Iterator<Object[]> groups, Document orderBy, int wanted, long budget,
                                  Predicate<Object> mayMatch, Function<Object, Document> reader,
                                  Predicate<Document> matcher) {
        DocumentComparator comparator = new DocumentComparator(orderBy);
        int idDirection = idDirection(orderBy);
        List<Document> matches = new ArrayList<>();
        long[] reads = {0};
        Function<Object, Document> counted = position -> {
            reads[0]++;
            return reader.apply(position);
        };
        while (matches.size() < wanted && groups.hasNext()) {
            if (reads[0] > budget) {
                return null;
            }
            Object[] group = groups.next();
            int direction = orderBy.size() == 1 ? 1 : uniformIds(group) ? idDirection : 0;
            if (direction != 0) {
                for (int i = 0; i < group.length && matches.size() < wanted; i++) {
                    Document document = read(group[direction > 0 ? i : group.length - 1 - i], mayMatch, counted,
                            matcher);
                    if (document != null) {
                        matches.add(document);
                    }
                }
            } else {
                List<Document> tied = new ArrayList<>();
                for (Object position : group) {
                    Document document = read(position, mayMatch, counted, matcher);
                    if (document != null) {
                        tied.add(document);
                    }
                }
                tied.sort(comparator);
                matches.addAll(tied);
            }
        }
        return matches;
    }

    private static Document read(Object position, Predicate<Object> mayMatch, Function<Object, Document> reader,
                                 Predicate<Document> matcher) {
        if (!mayMatch.test(position)) {
            return null;
        }
        Document document = reader.apply(position);
        return document != null && matcher.test(document) ? document : null;
    }

    /** 1 or -1 when the sort is a field then {@code _id} (that direction), else 0. */
    private static int idDirection(Document orderBy) {
        if (orderBy.size() != 2) {
            return 0;
        }
        Iterator<String> keys = orderBy.keySet().iterator();
        keys.next();
        String second = keys.next();
        return "_id".equals(second) && orderBy.get(second) instanceof Number n ? Integer.signum(n.intValue()) : 0;
    }

    /** Whether the data map's key order of these positions is the sort's {@code _id} order. */
    private static boolean uniformIds(Object[] group) {
        Class<?> type = group[0].getClass();
        if (type != String.class && type != Integer.class) {
            return false;
        }
        for (Object position : group) {
            if (position.getClass() != type) {
                return false;
            }
        }
        return true;
    }
}
