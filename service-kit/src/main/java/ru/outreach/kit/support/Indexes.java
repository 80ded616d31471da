package ru.outreach.kit.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Creates the indexes a service's lists and checks use (README, "What each collection's indexes are for"). A store
 * that refuses one still works, only slower, so a refusal is logged and the service starts anyway.
 */
public final class Indexes {

    private static final Logger log = LoggerFactory.getLogger(Indexes.class);

    private Indexes() {
    }

    /** Creates the index on the collection (nothing happens when it exists); returns whether the store has it. */
    public static boolean ensure(MongoTemplate mongo, String collection, Index index) {
        try {
            mongo.indexOps(collection).createIndex(index);
            return true;
        } catch (RuntimeException e) {
            log.warn("Index {} on {} not created, its queries read more: {}", index.getIndexKeys(), collection,
                    e.toString());
            return false;
        }
    }
}
