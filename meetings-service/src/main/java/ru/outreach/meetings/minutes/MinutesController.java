package ru.outreach.meetings.minutes;

import java.time.LocalDate;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ru.outreach.meetings.group.GroupService;
import ru.outreach.meetings.group.Scope;
import ru.outreach.meetings.group.Staff;
import ru.outreach.meetings.minutes.Minutes.HandOver;
import ru.outreach.meetings.minutes.Minutes.ResultsPublication;
import ru.outreach.meetings.minutes.Minutes.Signature;
import ru.outreach.kit.security.Actor;
import ru.outreach.kit.support.PageResponse;
import ru.outreach.kit.web.FileNames;

@RestController
@RequestMapping("/api")
@Tag(name = "Minutes", description = "Протоколы выездных встреч")
class MinutesController {

    private static final String PERSONAL_DATA = " Citizens' details (reception cards, written appeals) only to the "
            + "group's secretary while the minutes are a draft, each such answer audited; otherwise citizen is null "
            + "and personalDataWithheld true.";

    private final MinutesService minutes;
    private final MinutesAnswers answers;
    private final ProtocolPrints prints;
    private final GroupService groups;

    MinutesController(MinutesService minutes, MinutesAnswers answers, ProtocolPrints prints, GroupService groups) {
        this.minutes = minutes;
        this.answers = answers;
        this.prints = prints;
        this.groups = groups;
    }

    @PutMapping("/meetings/{meetingId}/minutes")
    @Operation(summary = "Record the minutes of a held meeting, or replace the draft until it is signed",
            description = "By the secretary of the meeting's group." + PERSONAL_DATA)
    MinutesResponse record(@PathVariable String meetingId, @Valid @RequestBody MinutesContent content, Actor actor) {
        Scope scope = groups.scope(actor);
        return answers.disclosing(minutes.record(meetingId, content, actor, scope), actor, scope, "record");
    }

    @GetMapping("/meetings/{meetingId}/minutes")
    @Operation(summary = "The minutes of a meeting: content, signature, hand-over and whether they are overdue",
            description = "A secretary reads only his group's minutes (another group's: 404)." + PERSONAL_DATA)
    MinutesResponse get(@PathVariable String meetingId, Actor actor) {
        Scope scope = groups.scope(actor);
        return answers.disclosing(minutes.visible(meetingId, scope), actor, scope, "read");
    }

    @GetMapping(path = "/meetings/{meetingId}/minutes/protocol.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The signed minutes as the printed protocol (PDF, A4), with a page per reception card",
            description = "For whoever reads the minutes (a secretary: his group's), once they are signed: a draft "
                    + "is refused with 409. The layout of a municipal protocol, ready for the leader's and the "
                    + "secretary's signatures on paper. The citizens' details (reception cards, written appeals) print "
                    + "for the group's own secretary alone, each such print audited as operation print; everyone "
                    + "else's copy says they are withheld.")
    ResponseEntity<byte[]> protocol(@PathVariable String meetingId, Actor actor) {
        ProtocolPrints.Printed printed = prints.protocol(meetingId, actor, groups.scope(actor));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(printed.pdf().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        FileNames.disposition("inline", printed.asciiName(), printed.russianName()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(printed.pdf());
    }

    @PostMapping("/meetings/{meetingId}/minutes/signature")
    @Operation(summary = "The group leader signs the minutes; their cards, appeals and instructions go to the appeals service",
            description = "signedBy is the group's leader, enteredBy the signed-in secretary of the group.")
    MinutesResponse sign(@PathVariable String meetingId, @Valid @RequestBody MinutesRequests.Sign request,
                         Actor actor) {
        Scope scope = groups.scope(actor);
        return answers.withheld(minutes.sign(meetingId, request, actor, scope));
    }

    @PostMapping("/meetings/{meetingId}/minutes/hand-over")
    @Operation(summary = "The signed minutes reach the control department (due by the 5th working day)",
            description = "receivedBy is the signed-in member of the control department.")
    MinutesResponse handOver(@PathVariable String meetingId,
                             @Valid @RequestBody MinutesRequests.HandOverMinutes request, Actor actor) {
        return answers.withheld(minutes.handOver(meetingId, request, actor, groups.scope(actor)));
    }

    @PostMapping("/meetings/{meetingId}/minutes/proposals/{proposalId}/evaluation")
    @Operation(summary = "Mark a proposal accepted, rejected or included in a plan")
    MinutesResponse evaluate(@PathVariable String meetingId, @PathVariable String proposalId,
                             @Valid @RequestBody MinutesRequests.EvaluateProposal request, Actor actor) {
        return answers.withheld(minutes.evaluateProposal(meetingId, proposalId, request, actor,
                groups.scope(actor)));
    }

    @PostMapping("/meetings/{meetingId}/minutes/results-publication")
    @Operation(summary = "Record where and when the results of the meeting were published (regulation 3.8.7)",
            description = "By the group's secretary (issue: the secretary publishes the results); publishedBy is the "
                    + "signed-in secretary.")
    MinutesResponse publish(@PathVariable String meetingId,
                            @Valid @RequestBody MinutesRequests.PublishResults request, Actor actor) {
        return answers.withheld(minutes.publishResults(meetingId, request, actor, groups.scope(actor)));
    }

    @GetMapping("/minutes")
    @Operation(summary = "List minutes by group and status; overdue=true: not handed over after the due day",
            description = "A secretary's list holds only his group's minutes. Never with citizens' details.")
    PageResponse<MinutesResponse> list(@RequestParam(required = false) String groupId,
                                       @RequestParam(required = false) MinutesStatus status,
                                       @RequestParam(defaultValue = "false") boolean overdue,
                                       @PageableDefault(size = 20, sort = "dueOn") Pageable pageable, Actor actor) {
        return PageResponse.of(minutes.list(groupId, status, overdue, groups.scope(actor), pageable),
                answers::withheld);
    }

    record MinutesResponse(String meetingId, long version, String groupId, String territory, LocalDate heldOn,
                           LocalDate dueOn, MinutesStatus status, boolean overdue, MinutesContent content,
                           @Schema(description = "The citizens' details of the content are left out of this answer")
                           boolean personalDataWithheld,
                           Staff recordedBy, Signature signature, HandOver handOver,
                           ResultsPublication resultsPublication) {
    }
}
