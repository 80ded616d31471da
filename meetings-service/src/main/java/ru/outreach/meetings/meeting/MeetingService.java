package ru.outreach.meetings.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.meetings.calendar.MinutesDeadline;
import ru.outreach.meetings.group.Group;
import ru.outreach.meetings.group.GroupService;
import ru.outreach.meetings.meeting.MeetingRecords.Announcement;
import ru.outreach.meetings.meeting.MeetingRecords.Holding;
import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.RuleViolationException;

@Service
public class MeetingService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final GroupService groups;
    private final MinutesDeadline deadline;
    private final Clock clock;
    private final Counter meetingsHeld;

    MeetingService(MongoTemplate mongo, AggregateStore store, GroupService groups, MinutesDeadline deadline,
                   Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.store = store;
        this.groups = groups;
        this.deadline = deadline;
        this.clock = clock;
        this.meetingsHeld = Counter.builder("outreach.meetings.held")
                .description("Outreach meetings recorded as held").register(registry);
    }

    Meeting plan(MeetingRequests.PlanMeeting request) {
        Group group = group(request.groupId());
        if (!group.works(request.territory())) {
            throw new RuleViolationException("territory", "error.territory-not-of-group", request.territory(),
                    group.name());
        }
        return store.insert(Meeting.plan(UUID.randomUUID().toString(), group.id(), request.territory(),
                request.venue(), request.scheduledAt(), request.invitedParticipants()));
    }

    Meeting agreeVenue(String id, MeetingRequests.AgreeVenue request) {
        Meeting meeting = get(id);
        meeting.agreeVenue(request.agreedOn(), request.agreedWith(), today());
        return store.update(meeting);
    }

    Meeting announce(String id, MeetingRequests.Announce request) {
        Meeting meeting = get(id);
        meeting.announce(new Announcement(request.announcedOn(), request.channels(), request.details()), today());
        return store.update(meeting);
    }

    Meeting reschedule(String id, MeetingRequests.RescheduleMeeting request) {
        Meeting meeting = get(id);
        meeting.reschedule(request.scheduledAt(), request.venue(), request.reason(), request.rescheduledOn(),
                today());
        return store.update(meeting);
    }

    Meeting cancel(String id, MeetingRequests.Cancel request) {
        Meeting meeting = get(id);
        meeting.cancel(request.reason(), request.cancelledOn(), today());
        return store.update(meeting);
    }

    Meeting hold(String id, MeetingRequests.Hold request) {
        Meeting meeting = get(id);
        Holding holding = new Holding(request.heldAt(), request.residentsAttended(), request.officialsPresent());
        meeting.hold(holding, deadline.dueOn(request.heldAt().toLocalDate()), LocalDateTime.now(clock));
        store.update(meeting);
        meetingsHeld.increment();
        return meeting;
    }

    /** The group a new meeting names: one that does not exist is a wrong {@code groupId}, not a missing page. */
    private Group group(String groupId) {
        try {
            return groups.get(groupId);
        } catch (NotFoundException e) {
            throw new RuleViolationException("groupId", "error.group-not-found", groupId);
        }
    }

    public Meeting get(String id) {
        Meeting meeting = mongo.findById(id, Meeting.class);
        if (meeting == null) {
            throw new NotFoundException("error.meeting-not-found", id);
        }
        return meeting;
    }

    Page<Meeting> list(MeetingFilter filter, Pageable pageable) {
        Query query = Query.query(filter.criteria());
        List<Meeting> page = mongo.find(Query.of(query).with(pageable), Meeting.class);
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(Query.of(query), Meeting.class));
    }

    /** Meetings of all groups, or of one, whose day falls in a period (inclusive): for quarterly summaries. */
    public List<Meeting> inPeriod(String groupIdOrAll, LocalDate from, LocalDate to) {
        return mongo.find(Query.query(new MeetingFilter(groupIdOrAll, null, null, from, to).criteria()),
                Meeting.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
