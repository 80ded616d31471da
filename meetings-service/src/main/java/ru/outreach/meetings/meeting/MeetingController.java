package ru.outreach.meetings.meeting;

import ru.outreach.events.meetings.MeetingStatus;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ru.outreach.meetings.meeting.MeetingRecords.Announcement;
import ru.outreach.meetings.meeting.MeetingRecords.Cancellation;
import ru.outreach.meetings.meeting.MeetingRecords.Holding;
import ru.outreach.meetings.meeting.MeetingRecords.Reschedule;
import ru.outreach.meetings.meeting.MeetingRecords.VenueAgreement;
import ru.outreach.meetings.group.GroupService;
import ru.outreach.meetings.group.Staff;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.security.Actor;
import ru.outreach.kit.support.PageResponse;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "Выездные встречи с населением")
class MeetingController {

    private final MeetingService meetings;
    private final GroupService groups;

    MeetingController(MeetingService meetings, GroupService groups) {
        this.meetings = meetings;
        this.groups = groups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a meeting of a group in one of its territories",
            description = "With an Idempotency-Key, a retry plans nothing and answers the meeting planned first.")
    ResponseEntity<MeetingResponse> plan(@Valid @RequestBody MeetingRequests.PlanMeeting request,
            IdempotencyKey key, Actor actor) {
        Meeting meeting = meetings.plan(request, actor, key);
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.id())).body(MeetingResponse.of(meeting));
    }

    @PostMapping("/{id}/venue-agreement")
    @Operation(summary = "Record that the venue is agreed (regulation 3.6.2)")
    MeetingResponse agreeVenue(@PathVariable String id, @Valid @RequestBody MeetingRequests.AgreeVenue request,
            Actor actor) {
        return MeetingResponse.of(meetings.agreeVenue(id, request, actor));
    }

    @PostMapping("/{id}/announcement")
    @Operation(summary = "Record when and where the population was informed (regulation 3.7, 3.8.1)")
    MeetingResponse announce(@PathVariable String id, @Valid @RequestBody MeetingRequests.Announce request,
            Actor actor) {
        return MeetingResponse.of(meetings.announce(id, request, actor));
    }

    @PostMapping("/{id}/rescheduling")
    @Operation(summary = "Move the meeting to another time or venue; the history is kept")
    MeetingResponse reschedule(@PathVariable String id, @Valid @RequestBody MeetingRequests.RescheduleMeeting request,
            Actor actor) {
        return MeetingResponse.of(meetings.reschedule(id, request, actor));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel the meeting, with the reason")
    MeetingResponse cancel(@PathVariable String id, @Valid @RequestBody MeetingRequests.Cancel request,
            Actor actor) {
        return MeetingResponse.of(meetings.cancel(id, request, actor));
    }

    @PostMapping("/{id}/holding")
    @Operation(summary = "Record that the meeting was held: when, residents attending, officials present")
    MeetingResponse hold(@PathVariable String id, @Valid @RequestBody MeetingRequests.Hold request,
            Actor actor) {
        return MeetingResponse.of(meetings.hold(id, request, actor));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The meeting with its venue agreement, announcement, reschedules and holding")
    MeetingResponse get(@PathVariable String id, Actor actor) {
        return MeetingResponse.of(meetings.visible(id, groups.scope(actor)));
    }

    @GetMapping
    @Operation(summary = "List meetings by group, territory, status and period (inclusive, by meeting day)")
    PageResponse<MeetingResponse> list(
            @RequestParam(required = false) String groupId,
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @PageableDefault(size = 20, sort = "scheduledAt") Pageable pageable, Actor actor) {
        return PageResponse.of(meetings.list(new MeetingFilter(groupId, territory, status, from, to),
                groups.scope(actor), pageable), MeetingResponse::of);
    }

    record MeetingResponse(String id, long version, String groupId, String territory, MeetingStatus status,
                           Venue venue, LocalDateTime scheduledAt, List<String> invitedParticipants,
                           VenueAgreement venueAgreement, Announcement announcement, List<Reschedule> reschedules,
                           Cancellation cancellation, Holding holding, LocalDate minutesDueOn, Staff plannedBy) {

        static MeetingResponse of(Meeting meeting) {
            return new MeetingResponse(meeting.id(), meeting.version(), meeting.groupId(), meeting.territory(),
                    meeting.status(), meeting.venue(), meeting.scheduledAt(), meeting.invitedParticipants(),
                    meeting.venueAgreement(), meeting.announcement(), meeting.reschedules(), meeting.cancellation(),
                    meeting.holding(), meeting.minutesDueOn(), meeting.plannedBy());
        }
    }
}
