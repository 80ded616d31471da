package ru.outreach.appeals;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import ru.outreach.kit.support.Indexes;

import ru.outreach.appeals.appeal.Appeal;
import ru.outreach.appeals.instruction.Instruction;

/** Creates the indexes the lists and checks use, at start-up; a store that refuses one still works, only slower. */
@Component
class StoreIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    StoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(Instruction.class, new Index().on("executorDepartment", Sort.Direction.ASC)
                .on("dueOn", Sort.Direction.ASC).named("executor_due"));
        ensure(Instruction.class, new Index().on("coExecutors", Sort.Direction.ASC)
                .on("dueOn", Sort.Direction.ASC).named("co_executor_due"));
        ensure(Instruction.class, new Index().on("territory", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).named("territory_state"));
        ensure(Instruction.class, new Index().on("state", Sort.Direction.ASC)
                .on("dueOn", Sort.Direction.ASC).named("state_due"));
        ensure(Appeal.class, new Index().on("citizenKey", Sort.Direction.ASC)
                .on("category", Sort.Direction.ASC).on("receivedOn", Sort.Direction.ASC).named("citizen_category"));
        // replaces territory_state {territory, state} (a prefix of it: a store created before may drop that one)
        ensure(Appeal.class, new Index().on("territory", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                .on("answerDueOn", Sort.Direction.ASC).named("territory_state_due"));
        ensure(Appeal.class, new Index().on("state", Sort.Direction.ASC)
                .on("answerDueOn", Sort.Direction.ASC).named("state_answer_due"));
        // sort=due's first run, "an answer owed" (answerRequired and an open state) by the answer term: its count
        // and its page read only those appeals, however many are stored
        ensure(Appeal.class, new Index().on("answerRequired", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                .on("answerDueOn", Sort.Direction.ASC).named("answer_owed_due"));
        ensure(Appeal.class, new Index().on("state", Sort.Direction.ASC)
                .on("receivedOn", Sort.Direction.ASC).named("state_received"));
        ensure(Appeal.class, new Index().on("assignment.executorDepartment", Sort.Direction.ASC)
                .on("answerDueOn", Sort.Direction.ASC).named("executor_answer_due"));
    }

    private void ensure(Class<?> type, Index index) {
        Indexes.ensure(mongo, mongo.getCollectionName(type), index);
    }
}
