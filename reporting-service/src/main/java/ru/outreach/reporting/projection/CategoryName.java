package ru.outreach.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import ru.outreach.events.appeals.AppealsEvent;
import ru.outreach.events.appeals.AppealsEvent.AppealReceived;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;

/**
 * The classifier's name of a category code, as the latest appeal's event carried it (collection
 * {@link Kinds#CATEGORIES}): the reports take category names from here, so they read what the classifier says.
 * "Latest" is by the day of the event (received or registered), not by arrival, so a replay in any order of
 * partitions gives the same names; on the same day the greater name wins.
 *
 * @param since the day of the event that carried the name
 */
public record CategoryName(@Id String code, String name, LocalDate since) {

    /** The latest name per code among the events (those without a name or a day are skipped). */
    static Map<String, CategoryName> of(Collection<Envelope> events) {
        Map<String, CategoryName> latest = new LinkedHashMap<>();
        for (Envelope envelope : events) {
            CategoryName named = switch (envelope.event()) {
                case AppealReceived e -> named(e, e.categoryName(), e.receivedOn());
                case AppealRegistered e -> named(e, e.categoryName(),
                        e.registeredOn() != null ? e.registeredOn() : e.receivedOn());
                default -> null;
            };
            if (named != null) {
                latest.merge(named.code(), named, (a, b) -> b.isNewerThan(a) ? b : a);
            }
        }
        return latest;
    }

    private static CategoryName named(AppealsEvent event, String name, LocalDate day) {
        return event.category() == null || name == null || name.isBlank() || day == null ? null
                : new CategoryName(event.category(), name.strip(), day);
    }

    boolean isNewerThan(CategoryName other) {
        int byDay = since.compareTo(other.since);
        return byDay > 0 || byDay == 0 && name.compareTo(other.name) > 0;
    }

    /**
     * Keeps this name unless the stored one is newer: an upsert of the document that is older, and a duplicate key
     * (the stored one is newer or the same) leaves it as it is. Safe with concurrent consumers and replays.
     */
    void save(MongoTemplate mongo, String collection) {
        Criteria older = new Criteria().orOperator(where("since").lt(since),
                where("since").is(since).and("name").lt(name));
        try {
            mongo.upsert(query(where("_id").is(code).andOperator(older)),
                    new Update().set("name", name).set("since", since), CategoryName.class, collection);
        } catch (DuplicateKeyException storedIsNewer) {
            // the stored name is newer or the same
        }
    }
}
