package ru.outreach.meetings.minutes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.meetings.meeting.Meeting;
import ru.outreach.meetings.meeting.MeetingService;
import ru.outreach.meetings.group.GroupService;
import ru.outreach.meetings.group.Scope;
import ru.outreach.meetings.group.Staff;
import ru.outreach.kit.security.Actor;
import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.StateConflictException;

@Service
class MinutesService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final MeetingService meetings;
    private final GroupService groups;
    private final Clock clock;
    private final Counter handedOver;
    private final Counter handedOverLate;

    MinutesService(MongoTemplate mongo, AggregateStore store, MeetingService meetings, GroupService groups,
                   Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.store = store;
        this.meetings = meetings;
        this.groups = groups;
        this.clock = clock;
        this.handedOver = Counter.builder("outreach.minutes.handed.over")
                .description("Minutes handed to the control department").register(registry);
        this.handedOverLate = Counter.builder("outreach.minutes.handed.over.late")
                .description("Minutes handed to the control department after the fifth working day")
                .register(registry);
    }

    /** Records the draft of the minutes, or replaces it while it is not signed. */
    Minutes record(String meetingId, MinutesContent content, Actor actor, Scope scope) {
        Minutes existing = mongo.findById(meetingId, Minutes.class);
        if (existing != null) {
            scope.requireWorks(existing.groupId(), "error.meeting-not-found", meetingId);
            existing.redraft(content, Staff.of(actor));
            return store.update(existing);
        }
        Meeting meeting = meetings.own(meetingId, scope);
        if (!meeting.isHeld()) {
            throw new StateConflictException("error.minutes-of-unheld-meeting");
        }
        HeldMeeting held = new HeldMeeting(meeting.id(), meeting.groupId(), meeting.territory(), meeting.heldOn(),
                meeting.minutesDueOn());
        try {
            return store.insert(Minutes.draft(held, content, Staff.of(actor)));
        } catch (DuplicateKeyException | MongoWriteException e) {
            if (e instanceof MongoWriteException write && write.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw write;
            }
            throw new OptimisticLockingFailureException("Minutes of " + meetingId + " were recorded concurrently", e);
        }
    }

    /** The leader signs (his name from the group's register), the secretary enters it (from his token). */
    Minutes sign(String meetingId, MinutesRequests.Sign request, Actor actor, Scope scope) {
        Minutes minutes = own(meetingId, scope);
        String leader = groups.get(minutes.groupId()).details().leader().fullName();
        minutes.sign(leader, Staff.of(actor), request.signedOn(), today());
        return store.update(minutes);
    }

    Minutes handOver(String meetingId, MinutesRequests.HandOverMinutes request, Actor actor, Scope scope) {
        Minutes minutes = visible(meetingId, scope);
        minutes.handOver(request.handedOverOn(), Staff.of(actor), today());
        store.update(minutes);
        handedOver.increment();
        if (minutes.handOver().late()) {
            handedOverLate.increment();
        }
        return minutes;
    }

    Minutes evaluateProposal(String meetingId, String proposalId, MinutesRequests.EvaluateProposal request,
                             Actor actor, Scope scope) {
        Minutes minutes = own(meetingId, scope);
        minutes.evaluateProposal(proposalId, request.outcome(), request.evaluatedOn(), Staff.of(actor), today());
        return store.update(minutes);
    }

    Minutes publishResults(String meetingId, MinutesRequests.PublishResults request, Actor actor, Scope scope) {
        Minutes minutes = own(meetingId, scope);
        minutes.publishResults(request.publishedOn(), request.publishedWhere(), Staff.of(actor), today());
        return store.update(minutes);
    }

    /** The minutes of a meeting the actor sees; another group's meeting is not found. */
    Minutes visible(String meetingId, Scope scope) {
        Minutes minutes = mongo.findById(meetingId, Minutes.class);
        if (minutes == null) {
            meetings.visible(meetingId, scope);
            throw new NotFoundException("error.minutes-not-found", meetingId);
        }
        scope.requireSees(minutes.groupId(), "error.meeting-not-found", meetingId);
        return minutes;
    }

    /** The minutes of a meeting of the actor's own group; another group's are not found, or refused. */
    Minutes own(String meetingId, Scope scope) {
        Minutes minutes = visible(meetingId, scope);
        scope.requireWorks(minutes.groupId(), "error.meeting-not-found", meetingId);
        return minutes;
    }

    /**
     * Minutes by group and status that the actor sees (a secretary: his group's); {@code overdue} keeps those not
     * handed over after their due day.
     */
    Page<Minutes> list(String asked, MinutesStatus status, boolean overdue, Scope scope, Pageable pageable) {
        if (!scope.seesAnyOf(asked)) {
            return new org.springframework.data.domain.PageImpl<>(List.of(), pageable, 0);
        }
        String groupId = scope.narrow(asked);
        Criteria criteria = new Criteria();
        if (groupId != null) {
            criteria.and("groupId").is(groupId);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (overdue) {
            criteria.and("dueOn").lt(today());
            if (status == null) {
                criteria.and("status").ne(MinutesStatus.HANDED_OVER);
            }
        }
        Query query = Query.query(criteria);
        List<Minutes> page = mongo.find(Query.of(query).with(pageable), Minutes.class);
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(Query.of(query), Minutes.class));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
