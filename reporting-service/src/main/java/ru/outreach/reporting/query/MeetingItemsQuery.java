package ru.outreach.reporting.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import ru.outreach.events.meetings.MeetingStatus;
import ru.outreach.reporting.projection.Kinds;
import ru.outreach.reporting.projection.MeetingFacts;
import ru.outreach.reporting.report.MeetingFigure;
import ru.outreach.reporting.report.MeetingItem;
import ru.outreach.reporting.report.Period;
import ru.outreach.reporting.report.ReportItems;

/**
 * The meetings behind a figure of report 1. A period holds a few hundred meetings at most, so the store gives those
 * with any of their days in the period and the figure's rule is applied here, the same as {@link MeetingFacts#cells()}
 * counts: meetings by their day, minutes by their due day (due once handed over or once the day has passed).
 */
@Component
class MeetingItemsQuery {

    private final MongoTemplate mongo;
    private final GroupsQuery groups;
    private final Clock clock;

    MeetingItemsQuery(MongoTemplate mongo, GroupsQuery groups, Clock clock) {
        this.mongo = mongo;
        this.groups = groups;
        this.clock = clock;
    }

    ReportItems<MeetingItem> items(Period period, String groupId, MeetingFigure figure, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        Predicate<MeetingFacts> rule = rule(period, figure, today);
        List<MeetingFacts> matching = candidates(period, groupId).stream()
                .filter(m -> m.groupId() != null && m.day() != null)
                .filter(rule)
                .sorted(Comparator.comparing(MeetingFacts::day).thenComparing(MeetingFacts::id))
                .toList();
        Map<String, String> names = groups.names();
        List<MeetingItem> items = matching.stream().skip((long) page * size).limit(size)
                .map(m -> item(m, names.getOrDefault(m.groupId(), m.groupId()), today))
                .toList();
        return ReportItems.of(period, items, page, size, matching.size(), sums(matching));
    }

    /** Which meetings count in the figure, as the cells count them. */
    static Predicate<MeetingFacts> rule(Period period, MeetingFigure figure, LocalDate today) {
        Predicate<MeetingFacts> byDay = m -> period.contains(m.day());
        if (figure == null) {
            return byDay;
        }
        Predicate<MeetingFacts> due = m -> m.held() && period.contains(m.dueOn())
                && (m.handedOverOn() != null || m.dueOn().isBefore(today));
        Predicate<MeetingFacts> onTime = m -> m.handedOverOn() != null && !m.handedOverOn().isAfter(m.dueOn());
        return switch (figure) {
            case PLANNED -> byDay.and(m -> m.status() != null);
            case HELD -> byDay.and(MeetingFacts::held);
            case CANCELLED -> byDay.and(m -> m.status() == MeetingStatus.CANCELLED);
            case MINUTES_DUE -> due;
            case MINUTES_ON_TIME -> due.and(onTime);
            case MINUTES_LATE -> due.and(onTime.negate());
        };
    }

    /** Meetings with any of their days (held, scheduled, minutes' held, due) in the period: a superset. */
    private List<MeetingFacts> candidates(Period period, String groupId) {
        String from = period.from().toString();
        String to = period.to().toString();
        Criteria inPeriod = new Criteria().orOperator(
                where("heldOn").gte(from).lte(to),
                where("scheduledAt").gte(from + "T00:00:00").lte(to + "T23:59:59"),
                where("minutesHeldOn").gte(from).lte(to),
                where("minutesDueOn").gte(from).lte(to),
                where("handOverDueOn").gte(from).lte(to));
        Criteria criteria = groupId == null ? inPeriod : new Criteria().andOperator(where("groupId").is(groupId),
                inPeriod);
        return mongo.find(query(criteria), MeetingFacts.class, Kinds.MEETINGS);
    }

    private static MeetingItem item(MeetingFacts m, String groupName, LocalDate today) {
        LocalDate due = m.dueOn();
        Boolean late = null;
        if (due != null && m.handedOverOn() != null) {
            late = m.handedOverOn().isAfter(due);
        } else if (due != null && today.isAfter(due)) {
            late = true;
        }
        var counts = m.counts();
        return new MeetingItem(m.id(), m.groupId(), groupName, m.territory(), m.status(), m.day(),
                m.residentsAttended(), due, m.handedOverOn(), late, counts == null ? 0 : counts.questions(),
                counts == null ? 0 : counts.remarks(), counts == null ? 0 : counts.proposals(),
                m.proposalsAccepted(), counts == null ? 0 : counts.receptionCards(),
                counts == null ? 0 : counts.writtenAppeals(), counts == null ? 0 : counts.instructions());
    }

    /** The values report 1 sums over meetings: residents of those held, the minutes' counts of all. */
    private static Map<String, Long> sums(List<MeetingFacts> meetings) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (String key : List.of("residents", "questions", "remarks", "proposals", "proposalsAccepted",
                "receptionCards", "writtenAppeals", "instructions")) {
            sums.put(key, 0L);
        }
        for (MeetingFacts m : meetings) {
            if (m.held() && m.residentsAttended() != null) {
                sums.merge("residents", (long) m.residentsAttended(), Long::sum);
            }
            sums.merge("proposalsAccepted", m.proposalsAccepted(), Long::sum);
            var c = m.counts();
            if (c != null) {
                sums.merge("questions", (long) c.questions(), Long::sum);
                sums.merge("remarks", (long) c.remarks(), Long::sum);
                sums.merge("proposals", (long) c.proposals(), Long::sum);
                sums.merge("receptionCards", (long) c.receptionCards(), Long::sum);
                sums.merge("writtenAppeals", (long) c.writtenAppeals(), Long::sum);
                sums.merge("instructions", (long) c.instructions(), Long::sum);
            }
        }
        return sums;
    }
}
