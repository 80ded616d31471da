package ru.outreach.meetings.minutes;

import java.time.LocalDate;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ru.outreach.meetings.minutes.Minutes.HandOver;
import ru.outreach.meetings.minutes.Minutes.ResultsPublication;
import ru.outreach.meetings.minutes.Minutes.Signature;
import ru.outreach.kit.support.PageResponse;

@RestController
@RequestMapping("/api")
@Tag(name = "Minutes", description = "Протоколы выездных встреч")
class MinutesController {

    private final MinutesService minutes;

    MinutesController(MinutesService minutes) {
        this.minutes = minutes;
    }

    @PutMapping("/meetings/{meetingId}/minutes")
    @Operation(summary = "Record the minutes of a held meeting, or replace the draft until it is signed")
    MinutesResponse record(@PathVariable String meetingId, @Valid @RequestBody MinutesContent content) {
        return respond(minutes.record(meetingId, content));
    }

    @GetMapping("/meetings/{meetingId}/minutes")
    @Operation(summary = "The minutes of a meeting: content, signature, hand-over and whether they are overdue")
    MinutesResponse get(@PathVariable String meetingId) {
        return respond(minutes.get(meetingId));
    }

    @PostMapping("/meetings/{meetingId}/minutes/signature")
    @Operation(summary = "The group leader signs the minutes; their cards, appeals and instructions go to the appeals service")
    MinutesResponse sign(@PathVariable String meetingId, @Valid @RequestBody MinutesRequests.Sign request) {
        return respond(minutes.sign(meetingId, request));
    }

    @PostMapping("/meetings/{meetingId}/minutes/hand-over")
    @Operation(summary = "The signed minutes reach the control department (due by the 5th working day)")
    MinutesResponse handOver(@PathVariable String meetingId, @Valid @RequestBody MinutesRequests.HandOverMinutes request) {
        return respond(minutes.handOver(meetingId, request));
    }

    @PostMapping("/meetings/{meetingId}/minutes/proposals/{proposalId}/evaluation")
    @Operation(summary = "Mark a proposal accepted, rejected or included in a plan")
    MinutesResponse evaluate(@PathVariable String meetingId, @PathVariable String proposalId,
                             @Valid @RequestBody MinutesRequests.EvaluateProposal request) {
        return respond(minutes.evaluateProposal(meetingId, proposalId, request));
    }

    @PostMapping("/meetings/{meetingId}/minutes/results-publication")
    @Operation(summary = "Record where and when the results of the meeting were published (regulation 3.8.7)")
    MinutesResponse publish(@PathVariable String meetingId, @Valid @RequestBody MinutesRequests.PublishResults request) {
        return respond(minutes.publishResults(meetingId, request));
    }

    @GetMapping("/minutes")
    @Operation(summary = "List minutes by group and status; overdue=true: not handed over after the due day")
    PageResponse<MinutesResponse> list(@RequestParam(required = false) String groupId,
                                       @RequestParam(required = false) MinutesStatus status,
                                       @RequestParam(defaultValue = "false") boolean overdue,
                                       @PageableDefault(size = 20, sort = "dueOn") Pageable pageable) {
        return PageResponse.of(minutes.list(groupId, status, overdue, pageable), this::respond);
    }

    private MinutesResponse respond(Minutes m) {
        return new MinutesResponse(m.id(), m.version(), m.groupId(), m.territory(), m.heldOn(), m.dueOn(),
                m.status(), m.isOverdue(minutes.today()), m.content(), m.signature(), m.handOver(),
                m.resultsPublication());
    }

    record MinutesResponse(String meetingId, long version, String groupId, String territory, LocalDate heldOn,
                           LocalDate dueOn, MinutesStatus status, boolean overdue, MinutesContent content,
                           Signature signature, HandOver handOver, ResultsPublication resultsPublication) {
    }
}
