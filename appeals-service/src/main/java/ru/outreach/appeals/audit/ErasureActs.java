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

import ru.outreach.appeals.audit.ErasureAct.ErasedAppeal;

/** The erasure acts of the retention job. Insert and read only. */
@Service
public class ErasureActs {

    private final MongoTemplate mongo;
    private final Clock clock;

    ErasureActs(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records an act for the appeals erased by one run. */
    public ErasureAct record(String rule, String period, LocalDate cutoff, String triggeredBy,
                             List<ErasedAppeal> appeals) {
        return mongo.insert(new ErasureAct(UUID.randomUUID().toString(), clock.instant(), rule, period, cutoff,
                triggeredBy, appeals.size(), List.copyOf(appeals)));
    }

    /** The acts of the period (by the day of erasure, inclusive), the latest first; {@code appealId} finds one's. */
    Page<ErasureAct> list(String appealId, LocalDate from, LocalDate to, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (appealId != null && !appealId.isBlank()) {
            criteria.and("appeals.appealId").is(appealId.trim());
        }
        ZoneId zone = clock.getZone();
        if (from != null || to != null) {
            Criteria when = criteria.and("erasedAt");
            if (from != null) {
                when.gte(from.atStartOfDay(zone).toInstant());
            }
            if (to != null) {
                when.lt(to.plusDays(1).atStartOfDay(zone).toInstant());
            }
        }
        Query query = Query.query(criteria);
        List<ErasureAct> page = mongo.find(Query.of(query).with(pageable), ErasureAct.class);
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(Query.of(query), ErasureAct.class));
    }
}
