package ru.outreach.meetings.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

import ru.outreach.kit.security.Actor;

/**
 * The append-only log of reads of citizens' details ({@code personalDataReads}): it inserts and searches, and has no
 * way to change or remove a record (the architecture test keeps it so). An answer that carries citizens' details is
 * given only after its record is written, so a failed write means no answer, never an unaudited read.
 */
@Component
public class PersonalDataReads implements ApplicationRunner {

    static final String COLLECTION = "personalDataReads";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataReads.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    PersonalDataReads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC).named("at"));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("meetingId", Sort.Direction.ASC)
                    .on("at", Sort.Direction.DESC).named("meeting_at"));
        } catch (RuntimeException e) {
            log.warn("Indexes of {} not created: {}", COLLECTION, e.toString());
        }
    }

    /** Appends the record of one answer that carried {@code fields} of the minutes of {@code meetingId}. */
    public void record(Actor reader, String meetingId, String groupId, String operation, List<String> fields) {
        mongo.insert(new PersonalDataRead(UUID.randomUUID().toString(), clock.instant(), reader.username(),
                reader.fullName(), meetingId, groupId, operation, fields), COLLECTION);
    }

    /**
     * The records by reader (sign-in name), minutes and period (inclusive days of the city's calendar), newest first.
     */
    Page<PersonalDataRead> search(String reader, String meetingId, LocalDate from, LocalDate to, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (reader != null) {
            criteria.and("reader").is(reader);
        }
        if (meetingId != null) {
            criteria.and("meetingId").is(meetingId);
        }
        if (from != null || to != null) {
            Criteria at = criteria.and("at");
            if (from != null) {
                at.gte(from.atStartOfDay(clock.getZone()).toInstant());
            }
            if (to != null) {
                at.lt(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
            }
        }
        Query query = Query.query(criteria);
        List<PersonalDataRead> page = mongo.find(Query.of(query).with(pageable), PersonalDataRead.class,
                COLLECTION);
        return PageableExecutionUtils.getPage(page, pageable,
                () -> mongo.count(Query.of(query), PersonalDataRead.class, COLLECTION));
    }
}
