package ru.outreach.meetings;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import ru.outreach.kit.support.Indexes;

/**
 * Creates the indexes the meeting and minutes lists use, at start-up (README, "What each collection's indexes are
 * for"); a store that refuses one still works, only slower. Each leads with the field a list filters on by equality
 * and goes on with the list's default order, so MongoDB reads a page in order; the embedded store uses the first
 * field.
 */
@Component
class StoreIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    StoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure("meetings", new Index().on("groupId", Sort.Direction.ASC).on("scheduledAt", Sort.Direction.ASC)
                .named("group_scheduled"));
        ensure("meetings", new Index().on("territory", Sort.Direction.ASC).on("scheduledAt", Sort.Direction.ASC)
                .named("territory_scheduled"));
        ensure("meetings", new Index().on("status", Sort.Direction.ASC).on("scheduledAt", Sort.Direction.ASC)
                .named("status_scheduled"));
        ensure("minutes", new Index().on("groupId", Sort.Direction.ASC).on("dueOn", Sort.Direction.ASC)
                .named("group_due"));
        ensure("minutes", new Index().on("status", Sort.Direction.ASC).on("dueOn", Sort.Direction.ASC)
                .named("status_due"));
    }

    private void ensure(String collection, Index index) {
        Indexes.ensure(mongo, collection, index);
    }
}
