package ru.outreach.meetings.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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
import ru.outreach.meetings.group.Scope;
import ru.outreach.meetings.group.Staff;
import ru.outreach.meetings.meeting.MeetingRecords.Announcement;
import ru.outreach.meetings.meeting.MeetingRecords.Holding;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.security.Actor;
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

    /** Plans a meeting; with an idempotency key, once: a retry answers the meeting planned first. */
    Meeting plan(MeetingRequests.PlanMeeting request, Actor actor, IdempotencyKey key) {
        return store.create(Meeting.class, key, id -> {
            Group group = group(request.groupId(), groups.scope(actor));
            if (!group.works(request.territory())) {
                throw new RuleViolationException("territory", "error.territory-not-of-group", request.territory(),
                        group.name());
            }
            return Meeting.plan(id, group.id(), request.territory(), request.venue(), request.scheduledAt(),
                    request.invitedParticipants(), Staff.of(actor));
        }).aggregate();
    }

    Meeting agreeVenue(String id, MeetingRequests.AgreeVenue request, Actor actor) {
        Meeting meeting = own(id, groups.scope(actor));
        meeting.agreeVenue(request.agreedOn(), request.agreedWith(), Staff.of(actor), today());
        return store.update(meeting);
    }

    Meeting announce(String id, MeetingRequests.Announce request, Actor actor) {
        Meeting meeting = own(id, groups.scope(actor));
        meeting.announce(new Announcement(request.announcedOn(), request.channels(), request.details(),
                Staff.of(actor)), today());
        return store.update(meeting);
    }

    Meeting reschedule(String id, MeetingRequests.RescheduleMeeting request, Actor actor) {
        Meeting meeting = own(id, groups.scope(actor));
        meeting.reschedule(request.scheduledAt(), request.venue(), request.reason(), request.rescheduledOn(),
                Staff.of(actor), today());
        return store.update(meeting);
    }

    Meeting cancel(String id, MeetingRequests.Cancel request, Actor actor) {
        Meeting meeting = own(id, groups.scope(actor));
        meeting.cancel(request.reason(), request.cancelledOn(), Staff.of(actor), today());
        return store.update(meeting);
    }

    Meeting hold(String id, MeetingRequests.Hold request, Actor actor) {
        Meeting meeting = own(id, groups.scope(actor));
        Holding holding = new Holding(request.heldAt(), request.residentsAttended(), request.officialsPresent(),
                Staff.of(actor));
        meeting.hold(holding, deadline.dueOn(request.heldAt().toLocalDate()), LocalDateTime.now(clock));
        store.update(meeting);
        meetingsHeld.increment();
        return meeting;
    }

    /**
     * The group a new meeting names: one that does not exist, or that the actor does not see, is a wrong
     * {@code groupId}, not a missing page; one he sees but is not the secretary of is refused.
     */
    private Group group(String groupId, Scope scope) {
        if (!scope.sees(groupId)) {
            throw new RuleViolationException("groupId", "error.group-not-found", groupId);
        }
        Group group;
        try {
            group = groups.get(groupId);
        } catch (NotFoundException e) {
            throw new RuleViolationException("groupId", "error.group-not-found", groupId);
        }
        scope.requireWorks(groupId, "error.group-not-found", groupId);
        return group;
    }

    /** A meeting the actor sees; another group's is not found. */
    public Meeting visible(String id, Scope scope) {
        Meeting meeting = get(id);
        scope.requireSees(meeting.groupId(), "error.meeting-not-found", id);
        return meeting;
    }

    /** A meeting of the actor's own group: another group's is not found, or refused to one who sees it. */
    public Meeting own(String id, Scope scope) {
        Meeting meeting = get(id);
        scope.requireWorks(meeting.groupId(), "error.meeting-not-found", id);
        return meeting;
    }

    public Meeting get(String id) {
        Meeting meeting = mongo.findById(id, Meeting.class);
        if (meeting == null) {
            throw new NotFoundException("error.meeting-not-found", id);
        }
        return meeting;
    }

    /** The meetings the actor sees that pass the filter; a secretary's list is narrowed to his own group. */
    Page<Meeting> list(MeetingFilter asked, Scope scope, Pageable pageable) {
        if (!scope.seesAnyOf(asked.groupId())) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        MeetingFilter filter = new MeetingFilter(scope.narrow(asked.groupId()), asked.territory(), asked.status(),
                asked.from(), asked.to());
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
