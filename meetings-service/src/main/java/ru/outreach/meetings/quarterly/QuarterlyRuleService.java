package ru.outreach.meetings.quarterly;

import ru.outreach.kit.support.NaturalOrder;
import ru.outreach.events.meetings.QuarterlyRule;
import ru.outreach.events.meetings.QuarterlyRule.Quarter;
import ru.outreach.events.meetings.QuarterlyRule.Verdict;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;

import ru.outreach.meetings.group.Group;
import ru.outreach.meetings.group.GroupService;
import ru.outreach.meetings.meeting.Meeting;
import ru.outreach.meetings.meeting.MeetingService;
import ru.outreach.events.meetings.MeetingStatus;

@Service
class QuarterlyRuleService {

    private final GroupService groups;
    private final MeetingService meetings;
    private final Clock clock;

    QuarterlyRuleService(GroupService groups, MeetingService meetings, Clock clock) {
        this.groups = groups;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** Every group's four quarters of a year. */
    List<GroupYear> year(int year) {
        Map<String, List<Meeting>> byGroup = meetingsOf(null, year).stream()
                .collect(Collectors.groupingBy(Meeting::groupId));
        return groups.all().stream()
                .sorted(Comparator.comparing(Group::name, NaturalOrder.NAMES))
                .map(group -> groupYear(group, year, byGroup.getOrDefault(group.id(), List.of())))
                .toList();
    }

    GroupYear groupYear(String groupId, int year) {
        Group group = groups.get(groupId);
        return groupYear(group, year, meetingsOf(groupId, year));
    }

    /** Groups that have neither held nor planned a meeting in the current quarter yet. */
    List<GroupWithoutMeeting> withoutMeetingThisQuarter() {
        LocalDate today = LocalDate.now(clock);
        Quarter quarter = Quarter.of(today);
        Map<String, List<Meeting>> byGroup = meetings.inPeriod(null, quarter.firstDay(), quarter.lastDay()).stream()
                .collect(Collectors.groupingBy(Meeting::groupId));
        return groups.all().stream()
                .filter(group -> byGroup.getOrDefault(group.id(), List.of()).stream()
                        .noneMatch(meeting -> meeting.status() != MeetingStatus.CANCELLED))
                .sorted(Comparator.comparing(Group::name, NaturalOrder.NAMES))
                .map(group -> new GroupWithoutMeeting(group.id(), group.name(), quarter.year(), quarter.number(),
                        quarter.lastDay()))
                .toList();
    }

    private GroupYear groupYear(Group group, int year, List<Meeting> groupMeetings) {
        LocalDate today = LocalDate.now(clock);
        List<QuarterSummary> quarters = IntStream.rangeClosed(1, 4)
                .mapToObj(number -> summary(new Quarter(year, number), groupMeetings, group.formedOn(), today))
                .toList();
        return new GroupYear(group.id(), group.name(), year, quarters);
    }

    /** A quarter's figures and verdict; a quarter that ended before the group was formed is not held against it. */
    private static QuarterSummary summary(Quarter quarter, List<Meeting> groupMeetings, LocalDate formedOn,
                                          LocalDate today) {
        List<Meeting> inQuarter = groupMeetings.stream().filter(m -> quarter.contains(m.meetingDay())).toList();
        long held = inQuarter.stream().filter(Meeting::isHeld).count();
        long upcoming = inQuarter.stream().filter(m -> m.status().isUpcoming()).count();
        long cancelled = inQuarter.stream().filter(m -> m.status() == MeetingStatus.CANCELLED).count();
        return new QuarterSummary(quarter.number(), held, upcoming, cancelled,
                QuarterlyRule.verdict(quarter, held, formedOn, today));
    }

    private List<Meeting> meetingsOf(String groupId, int year) {
        return meetings.inPeriod(groupId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    record QuarterSummary(int quarter, long held, long upcoming, long cancelled, Verdict rule) {
    }

    record GroupYear(String groupId, String groupName, int year, List<QuarterSummary> quarters) {
    }

    record GroupWithoutMeeting(String groupId, String groupName, int year, int quarter, LocalDate quarterEnds) {
    }
}
