package ru.outreach.appeals.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import ru.outreach.kit.security.Actor;

/**
 * The log of reads of citizens' details. It is written before the answer that carries them is sent, in the same
 * request: when the write fails the answer fails, so no read goes unrecorded. Insert and search only.
 */
@Service
public class PersonalDataReads {

    private final MongoTemplate mongo;
    private final Clock clock;

    PersonalDataReads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records that {@code reader} was given {@code fields} of the appeal's citizen through {@code operation}. */
    public void record(Actor reader, String appealId, String citizenKey, List<String> fields, String operation) {
        mongo.insert(new PersonalDataRead(UUID.randomUUID().toString(), clock.instant(), reader.username(),
                reader.fullName(), appealId, citizenKey, List.copyOf(fields), operation));
    }

    /**
     * The reads matching every given filter, the latest first.
     *
     * @param reader      a username or a full name, exactly
     * @param citizenKeys the digests of the citizen searched for; null for any citizen, empty for none
     * @param from        the first day (in the administration's zone), inclusive
     * @param to          the last day, inclusive
     */
    Page<PersonalDataRead> search(String reader, String appealId, List<String> citizenKeys, LocalDate from,
                                  LocalDate to, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (reader != null && !reader.isBlank()) {
            criteria.orOperator(Criteria.where("readerUsername").is(reader.trim()),
                    Criteria.where("readerFullName").is(reader.trim()));
        }
        if (appealId != null && !appealId.isBlank()) {
            criteria.and("appealId").is(appealId.trim());
        }
        if (citizenKeys != null) {
            criteria.and("citizenKey").in(citizenKeys);
        }
        ZoneId zone = clock.getZone();
        if (from != null || to != null) {
            Criteria when = criteria.and("readAt");
            if (from != null) {
                when.gte(from.atStartOfDay(zone).toInstant());
            }
            if (to != null) {
                when.lt(to.plusDays(1).atStartOfDay(zone).toInstant());
            }
        }
        Query query = Query.query(criteria);
        List<PersonalDataRead> page = mongo.find(Query.of(query).with(pageable), PersonalDataRead.class);
        return PageableExecutionUtils.getPage(page, pageable,
                () -> mongo.count(Query.of(query), PersonalDataRead.class));
    }
}
