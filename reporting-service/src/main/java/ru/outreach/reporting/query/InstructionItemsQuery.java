package ru.outreach.reporting.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.appeals.InstructionState;
import ru.outreach.reporting.projection.InstructionFacts;
import ru.outreach.reporting.projection.Kinds;
import ru.outreach.reporting.report.InstructionBasis;
import ru.outreach.reporting.report.InstructionFilter;
import ru.outreach.reporting.report.InstructionItem;
import ru.outreach.reporting.report.Period;
import ru.outreach.reporting.report.ReportItems;

/**
 * The instructions behind a figure of reports 1, 3 and 4, a page at a time from the store. The criteria say what
 * {@link InstructionFacts#cells()} and the open-item cells count: by the day of issue (or the due day in force),
 * closed on time as the appeals service judged it, overdue = owes a report with the due day before today. Those
 * "given at a meeting" count only when reporting knows the meeting's group, as report 1 does.
 */
@Component
class InstructionItemsQuery {

    private final MongoTemplate mongo;
    private final GroupsQuery groups;
    private final Clock clock;

    InstructionItemsQuery(MongoTemplate mongo, GroupsQuery groups, Clock clock) {
        this.mongo = mongo;
        this.groups = groups;
        this.clock = clock;
    }

    ReportItems<InstructionItem> items(InstructionFilter filter, Period period, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        List<Criteria> all = criteria(filter, period, today);
        if (filter.groupId() != null || filter.source() == InstructionSource.MEETING) {
            all.add(where("source").is(InstructionSource.MEETING.name()));
            all.add(where("sourceId").in(meetingsOfGroups(all, filter.groupId())));
        }
        Criteria criteria = new Criteria().andOperator(all);
        long total = mongo.count(query(criteria), Kinds.INSTRUCTIONS);
        String day = filter.basis() == InstructionBasis.DUE ? "dueOn" : "issuedOn";
        Query pageQuery = query(criteria).with(Sort.by(day, "_id")).skip((long) page * size).limit(size);
        List<InstructionFacts> facts = mongo.find(pageQuery, InstructionFacts.class, Kinds.INSTRUCTIONS);
        Map<String, String> groupOfMeeting = groupsOf(facts);
        Map<String, String> names = groups.names();
        List<InstructionItem> items = facts.stream().map(f -> {
            String group = f.meetingId() == null ? null : groupOfMeeting.get(f.meetingId());
            return item(f, group, group == null ? null : names.getOrDefault(group, group), today);
        }).toList();
        return ReportItems.of(period, items, page, size, total, sums(criteria));
    }

    private static List<Criteria> criteria(InstructionFilter filter, Period period, LocalDate today) {
        List<Criteria> all = new ArrayList<>();
        String from = period.from().toString();
        String to = period.to().toString();
        all.add(where("issuedOn").ne(null));
        all.add(where(filter.basis() == InstructionBasis.DUE ? "dueOn" : "issuedOn").gte(from).lte(to));
        if (filter.department() != null) {
            all.add(where("department").is(filter.department()));
        }
        if (filter.source() != null && filter.source() != InstructionSource.MEETING) {
            all.add(where("source").is(filter.source().name()));
        }
        if (filter.state() != null) {
            all.add(where("state").is(filter.state().name()));
        }
        if (filter.figure() != null) {
            all.add(switch (filter.figure()) {
                case CLOSED -> where("closedOn").ne(null);
                case CLOSED_ON_TIME -> where("closedOn").ne(null).and("closedLate").ne(true);
                case OVERDUE -> where("state").in(InstructionState.AWAITING_REPORT.stream().map(Enum::name).toList())
                        .and("dueOn").lt(today.toString());
                case EXTENDED -> where("extensionsAsked").gt(0);
            });
        }
        return all;
    }

    /**
     * The meetings the selected instructions were given at that reporting knows with a group (this group, when one
     * is given): a few per page of a report, found among the instructions' own sources.
     */
    private Set<String> meetingsOfGroups(List<Criteria> selected, String groupId) {
        List<Criteria> atMeetings = new ArrayList<>(selected);
        atMeetings.add(where("source").is(InstructionSource.MEETING.name()));
        List<String> sources = mongo.findDistinct(query(new Criteria().andOperator(atMeetings)), "sourceId",
                Kinds.INSTRUCTIONS, String.class);
        Set<String> known = new HashSet<>();
        if (!sources.isEmpty()) {
            Query meetings = query(groupId != null ? where("_id").in(sources).and("groupId").is(groupId)
                    : where("_id").in(sources).and("groupId").ne(null));
            meetings.fields().include("_id");
            mongo.find(meetings, Document.class, Kinds.MEETINGS).forEach(d -> known.add(d.getString("_id")));
        }
        return known;
    }

    private Map<String, String> groupsOf(List<InstructionFacts> facts) {
        Set<String> meetingIds = new HashSet<>();
        facts.stream().map(InstructionFacts::meetingId).filter(id -> id != null).forEach(meetingIds::add);
        Map<String, String> groupOf = new HashMap<>();
        if (!meetingIds.isEmpty()) {
            Query q = query(where("_id").in(meetingIds));
            q.fields().include("groupId");
            mongo.find(q, Document.class, Kinds.MEETINGS).forEach(d -> groupOf.put(d.getString("_id"),
                    d.getString("groupId")));
        }
        return groupOf;
    }

    private Map<String, Long> sums(Criteria criteria) {
        Document sum = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(criteria),
                        Aggregation.group().sum("extensionsAsked").as("extensionsAsked")), Kinds.INSTRUCTIONS,
                Document.class).getUniqueMappedResult();
        long extensions = sum == null || sum.get("extensionsAsked") == null ? 0
                : ((Number) sum.get("extensionsAsked")).longValue();
        return Map.of("extensionsAsked", extensions);
    }

    private static InstructionItem item(InstructionFacts f, String groupId, String groupName, LocalDate today) {
        boolean overdue = f.owesReport() && f.dueOn() != null && f.dueOn().isBefore(today);
        return new InstructionItem(f.id(), f.department(), f.source(), f.sourceId(), f.meetingId(), groupId,
                groupName, f.territory(), f.state(), f.issuedOn(), f.dueOn(), f.closedOn(),
                f.closedOn() == null ? null : f.closedOnTime(), f.extensionsAsked(), overdue,
                overdue ? ChronoUnit.DAYS.between(f.dueOn(), today) : 0);
    }
}
