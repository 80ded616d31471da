package ru.outreach.appeals.listing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The order {@code sort=due} of a list: first the records that still await a step (an answer, a report), by their
 * term, so the overdue ones come first and those due soon next; then all the others, by their term. Each run is one
 * store query sorted by the stored term field (no computed sort keys, which the embedded store lacks), and a page
 * that spans both reads the end of the first run and the start of the second, so the order holds across pages.
 */
public final class DueOrder {

    /** The pseudo-property of the {@code sort} parameter that asks for this order. */
    public static final String SORT = "due";

    private DueOrder() {
    }

    /** True if the request asks for this order ({@code sort=due}). */
    public static boolean requested(Pageable pageable) {
        return pageable.isPaged() && pageable.getSort().getOrderFor(SORT) != null;
    }

    /**
     * One page in this order.
     *
     * @param filter   what the list is limited to
     * @param awaiting which of those await a step, the first run
     * @param term     the stored field of the term, an ISO date
     */
    public static <T> Page<T> page(MongoOperations mongo, Class<T> type, Criteria filter, Criteria awaiting,
                                   String term, Pageable pageable) {
        Sort order = Sort.by(Sort.Order.asc(term), Sort.Order.asc("_id"));
        Query first = Query.query(new Criteria().andOperator(filter, awaiting)).with(order);
        Query rest = Query.query(new Criteria().andOperator(filter, new Criteria().norOperator(awaiting)))
                .with(order);
        long inFirst = mongo.count(Query.of(first), type);
        long inRest = mongo.count(Query.of(rest), type);
        long offset = pageable.getOffset();
        int size = pageable.getPageSize();
        List<T> items = new ArrayList<>(size);
        if (offset < inFirst) {
            items.addAll(mongo.find(Query.of(first).skip(offset).limit(size), type));
        }
        if (items.size() < size && offset + items.size() < inFirst + inRest) {
            long skip = Math.max(0, offset - inFirst);
            items.addAll(mongo.find(Query.of(rest).skip(skip).limit(size - items.size()), type));
        }
        return new PageImpl<>(items, pageable, inFirst + inRest);
    }
}
