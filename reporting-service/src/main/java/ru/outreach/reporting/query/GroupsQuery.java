package ru.outreach.reporting.query;

import ru.outreach.kit.support.NaturalOrder;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.outreach.events.meetings.QuarterlyRule;
import ru.outreach.events.meetings.QuarterlyRule.Quarter;
import ru.outreach.events.meetings.QuarterlyRule.Verdict;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.reporting.projection.GroupFacts;
import ru.outreach.reporting.projection.Kinds;
import ru.outreach.reporting.projection.MeetingFacts;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.GroupsReport.GroupFigures;
import ru.outreach.reporting.report.GroupsReport.LateMinutes;
import ru.outreach.reporting.report.GroupsReport.QuarterRule;
import ru.outreach.reporting.report.Period;

/**
 * Report 1 and its drill-down. Figures come from the group cells (meetings by the month of their day, minutes by the
 * month of their due day) and the meeting-instruction cells (by the month of issue; a meeting's instructions belong
 * to the meeting's group); the late minutes and the drill-down read the period's meetings, a short list.
 */
@Component
class GroupsQuery {

    private final CellReader cells;
    private final OverdueReader overdue;
    private final MongoTemplate mongo;
    private final Clock clock;

    GroupsQuery(CellReader cells, OverdueReader overdue, MongoTemplate mongo, Clock clock) {
        this.cells = cells;
        this.overdue = overdue;
        this.mongo = mongo;
        this.clock = clock;
    }

    GroupsReport groups(Period period) {
        LocalDate today = LocalDate.now(clock);
        Map<String, GroupTally> tallies = tally(period, today);
        Map<String, String> names = names();
        List<GroupFigures> groups = tallies.values().stream()
                .map(t -> figures(t, names.getOrDefault(t.groupId, t.groupId), period, today))
                .sorted(Comparator.comparing(GroupFigures::groupName, NaturalOrder.NAMES)
                        .thenComparing(GroupFigures::groupId))
                .toList();
        return new GroupsReport(period, total(tallies.values(), groups, period, today), groups,
                lateMinutes(period, today, names));
    }

    /**
     * Every registered group, and every group seen in the period's cells, with its sums. Minutes due: those handed
     * over (due in the period), and those not handed over whose due day in the period has passed by today; minutes
     * of a meeting held yesterday are not due yet.
     */
    Map<String, GroupTally> tally(Period period, LocalDate today) {
        String from = YearMonth.from(period.from()).toString();
        String to = YearMonth.from(period.to()).toString();
        Map<String, GroupTally> tallies = new LinkedHashMap<>();
        mongo.findAll(GroupFacts.class, Kinds.GROUPS)
                .forEach(g -> tallies.put(g.id(), new GroupTally(g.id(), g.formedOn())));
        for (Cell cell : cells.read(Kinds.GROUP_CELLS, from, to)) {
            GroupTally tally = tallies.computeIfAbsent(cell.dim(0), GroupTally::new);
            tally.add(cell.counts());
            tally.sums.merge(GroupTally.MINUTES_DUE, cell.get("minutesHandedOver"), Long::sum);
            tally.heldByQuarter.merge(quarterKey(YearMonth.parse(cell.period())), cell.get("held"), Long::sum);
        }
        LocalDate lastPassed = period.to().isBefore(today) ? period.to() : today.minusDays(1);
        if (!lastPassed.isBefore(period.from())) {
            for (Cell cell : cells.read(Kinds.GROUP_DAY_CELLS, period.from().toString(), lastPassed.toString())) {
                tallies.computeIfAbsent(cell.dim(0), GroupTally::new).sums.merge(GroupTally.MINUTES_DUE,
                        cell.get("minutesPending"), Long::sum);
            }
        }
        List<Cell> instructionCells = cells.read(Kinds.MEETING_INSTRUCTION_CELLS, from, to);
        Map<String, Long> overdueByMeeting = overdue.overdue(YearMonth.parse(from), YearMonth.parse(to), today)
                .getOrDefault("meetingInstruction", Map.of());
        Set<String> meetingIds = new java.util.HashSet<>(overdueByMeeting.keySet());
        instructionCells.forEach(c -> meetingIds.add(c.dim(0)));
        Map<String, String> groupOfMeeting = groupsOf(meetingIds);
        for (Cell cell : instructionCells) {
            String group = groupOfMeeting.get(cell.dim(0));
            if (group != null) {
                tallies.computeIfAbsent(group, GroupTally::new).add(cell.counts());
            }
        }
        overdueByMeeting.forEach((meetingId, n) -> {
            String group = groupOfMeeting.get(meetingId);
            if (group != null) {
                tallies.computeIfAbsent(group, GroupTally::new).overdueNow += n;
            }
        });
        return tallies;
    }

    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        mongo.findAll(GroupFacts.class, Kinds.GROUPS)
                .forEach(g -> names.put(g.id(), g.name() == null ? g.id() : g.name()));
        return names;
    }

    GroupMeetings meetings(String groupId, Period period) {
        LocalDate today = LocalDate.now(clock);
        GroupFacts group = mongo.findById(groupId, GroupFacts.class, Kinds.GROUPS);
        List<MeetingFacts> meetings = mongo.find(query(where("groupId").is(groupId)), MeetingFacts.class,
                Kinds.MEETINGS);
        if (group == null && meetings.isEmpty()) {
            throw new NotFoundException("error.group-not-found", groupId);
        }
        List<GroupMeetings.MeetingRow> rows = meetings.stream()
                .filter(m -> period.contains(m.day()))
                .sorted(Comparator.comparing(MeetingFacts::day).thenComparing(MeetingFacts::id))
                .map(m -> row(m, today))
                .toList();
        return new GroupMeetings(groupId, group == null || group.name() == null ? groupId : group.name(), period, rows);
    }

    private static GroupMeetings.MeetingRow row(MeetingFacts m, LocalDate today) {
        LocalDate due = m.dueOn();
        Boolean late = null;
        if (due != null && m.handedOverOn() != null) {
            late = m.handedOverOn().isAfter(due);
        } else if (due != null && today.isAfter(due)) {
            late = true;
        }
        var counts = m.counts();
        return new GroupMeetings.MeetingRow(m.id(), m.territory(), m.status(), m.day(), m.residentsAttended(), due,
                m.handedOverOn(), late, counts == null ? 0 : counts.questions(),
                counts == null ? 0 : counts.proposals(), counts == null ? 0 : counts.receptionCards(),
                counts == null ? 0 : counts.writtenAppeals(), counts == null ? 0 : counts.instructions());
    }

    private Map<String, String> groupsOf(Set<String> meetingIds) {
        Map<String, String> groups = new HashMap<>();
        if (!meetingIds.isEmpty()) {
            var q = query(where("_id").in(meetingIds));
            q.fields().include("groupId");
            mongo.find(q, org.bson.Document.class, Kinds.MEETINGS)
                    .forEach(d -> groups.put(d.getString("_id"), d.getString("groupId")));
        }
        return groups;
    }

    private List<LateMinutes> lateMinutes(Period period, LocalDate today, Map<String, String> names) {
        List<MeetingFacts> due = mongo.find(query(where("minutesDueOn").gte(period.from().toString())
                .lte(period.to().toString())), MeetingFacts.class, Kinds.MEETINGS);
        List<LateMinutes> late = new ArrayList<>();
        for (MeetingFacts m : due) {
            LocalDate dueOn = m.dueOn();
            if (!m.held() || dueOn == null) {
                continue;
            }
            LocalDate until = m.handedOverOn() != null ? m.handedOverOn() : today;
            if (until.isAfter(dueOn)) {
                late.add(new LateMinutes(m.id(), m.groupId(), names.getOrDefault(m.groupId(), m.groupId()),
                        m.territory(), m.heldOn(), dueOn, m.handedOverOn(), ChronoUnit.DAYS.between(dueOn, until)));
            }
        }
        late.sort(Comparator.comparing(LateMinutes::dueOn).thenComparing(LateMinutes::meetingId));
        return late;
    }

    /** A group's figures; the quarterly rule's verdict per quarter by {@link QuarterlyRule}, the one place. */
    GroupFigures figures(GroupTally t, String name, Period period, LocalDate today) {
        List<QuarterRule> quarters = quarters(period).stream()
                .map(q -> {
                    long held = t.heldByQuarter.getOrDefault(key(q), 0L);
                    return new QuarterRule(q.year(), q.number(), held,
                            QuarterlyRule.verdict(q, held, t.formedOn, today));
                }).toList();
        return figures(t.groupId, name, t.sums, t.overdueNow, quarters);
    }

    private GroupFigures total(java.util.Collection<GroupTally> tallies, List<GroupFigures> groups, Period period,
                               LocalDate today) {
        Map<String, Long> sums = new HashMap<>();
        long overdue = 0;
        for (GroupTally t : tallies) {
            t.sums.forEach((k, v) -> sums.merge(k, v, Long::sum));
            overdue += t.overdueNow;
        }
        List<QuarterRule> quarters = new ArrayList<>();
        for (Quarter q : quarters(period)) {
            long held = tallies.stream().mapToLong(t -> t.heldByQuarter.getOrDefault(key(q), 0L)).sum();
            List<Verdict> verdicts = groups.stream().flatMap(g -> g.quarters().stream())
                    .filter(r -> r.year() == q.year() && r.quarter() == q.number())
                    .map(QuarterRule::rule).filter(v -> v != Verdict.NOT_FORMED).toList();
            quarters.add(new QuarterRule(q.year(), q.number(), held, total(verdicts, groups.isEmpty(), q, today)));
        }
        return figures(null, "Итого", sums, overdue, quarters);
    }

    /**
     * All groups together: met when every group formed by then met it; not formed when none was; otherwise the
     * quarter's time (not met once ended, in progress, not started).
     */
    private static Verdict total(List<Verdict> formed, boolean noGroups, Quarter q, LocalDate today) {
        if (!noGroups && formed.isEmpty()) {
            return Verdict.NOT_FORMED;
        }
        if (!formed.isEmpty() && formed.stream().allMatch(v -> v == Verdict.MET)) {
            return Verdict.MET;
        }
        return QuarterlyRule.verdict(q, 0, null, today);
    }

    private static GroupFigures figures(String groupId, String name, Map<String, Long> s, long overdueNow,
                                        List<QuarterRule> quarters) {
        long held = s.getOrDefault("held", 0L);
        long residents = s.getOrDefault("residents", 0L);
        long minutesDue = s.getOrDefault("minutesDue", 0L);
        long minutesOnTime = s.getOrDefault("minutesOnTime", 0L);
        long closed = s.getOrDefault("closed", 0L);
        return new GroupFigures(groupId, name, s.getOrDefault("planned", 0L), held, s.getOrDefault("cancelled", 0L),
                quarters, residents, held == 0 ? 0 : round(residents / (double) held), minutesDue, minutesOnTime,
                minutesDue == 0 ? 0 : round(minutesOnTime / (double) minutesDue), s.getOrDefault("questions", 0L),
                s.getOrDefault("remarks", 0L), s.getOrDefault("proposals", 0L),
                s.getOrDefault("proposalsAccepted", 0L), s.getOrDefault("receptionCards", 0L),
                s.getOrDefault("writtenAppeals", 0L), s.getOrDefault("given", 0L), closed,
                s.getOrDefault("closedOnTime", 0L), overdueNow,
                closed == 0 ? null : round(s.getOrDefault("daysToClose", 0L) / (double) closed));
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    static String quarterKey(YearMonth month) {
        return key(Quarter.of(month.atDay(1)));
    }

    static String key(Quarter quarter) {
        return quarter.year() + "-Q" + quarter.number();
    }

    static List<Quarter> quarters(Period period) {
        List<Quarter> quarters = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(3)) {
            quarters.add(Quarter.of(m.atDay(1)));
        }
        return quarters;
    }
}
