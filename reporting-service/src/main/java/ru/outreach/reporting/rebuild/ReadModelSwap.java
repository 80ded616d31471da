package ru.outreach.reporting.rebuild;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;

import ru.outreach.reporting.projection.ReadModelNames;

/**
 * Puts a rebuilt copy of the read models in place of the live one: each of its collections is renamed to the live
 * name, replacing the live collection (one command each, indexes included), and a live collection that the copy does
 * not have is dropped. What the swap is to do is written in the lease first, so that the swap is finished after a
 * crash in the middle of it; a rename whose source is gone was done already.
 */
@Component
class ReadModelSwap {

    private static final Logger log = LoggerFactory.getLogger(ReadModelSwap.class);
    private static final int NAMESPACE_NOT_FOUND = 26;

    private final MongoTemplate mongo;

    ReadModelSwap(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The live collections the copy has (to rename) and has not (to drop). */
    List<List<String>> plan(ReadModelNames copy) {
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String live : ReadModelNames.liveCollections()) {
            (mongo.collectionExists(copy.of(live)) ? present : absent).add(live);
        }
        return List.of(present, absent);
    }

    void swap(ReadModelNames copy, List<String> present, List<String> absent) {
        String database = mongo.getDb().getName();
        for (String live : present) {
            if (!mongo.collectionExists(copy.of(live))) {
                log.info("{} was swapped in already", live);
                continue;
            }
            try {
                mongo.getCollection(copy.of(live)).renameCollection(new MongoNamespace(database, live),
                        new RenameCollectionOptions().dropTarget(true));
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != NAMESPACE_NOT_FOUND) {
                    throw e;
                }
                log.info("{} was swapped in already", live);
            }
        }
        absent.stream().filter(mongo::collectionExists).forEach(mongo::dropCollection);
    }

    /** Drops the copy's collections (a rebuild that did not finish). */
    void drop(ReadModelNames copy) {
        ReadModelNames.liveCollections().stream().map(copy::of).filter(mongo::collectionExists)
                .forEach(mongo::dropCollection);
    }
}
