package ru.outreach.appeals.instruction;

import ru.outreach.events.appeals.InstructionState;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
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
import ru.outreach.appeals.instruction.InstructionRecords.Closing;
import ru.outreach.appeals.instruction.InstructionRecords.ExtensionDecision;
import ru.outreach.appeals.instruction.InstructionRecords.ExtensionRequest;
import ru.outreach.appeals.instruction.InstructionRecords.Report;
import ru.outreach.appeals.instruction.InstructionRecords.Return;
import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.security.Actor;
import ru.outreach.kit.support.PageResponse;

@RestController
@RequestMapping("/api/instructions")
@Tag(name = "Instructions", description = "Поручения на контроле исполнения")
class InstructionController {

    private final InstructionService instructions;
    private final Clock clock;

    InstructionController(InstructionService instructions, Clock clock) {
        this.instructions = instructions;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an instruction directly (the head or the control department)",
            description = "With an Idempotency-Key, a retry issues nothing and answers the instruction issued first.")
    ResponseEntity<InstructionResponse> issue(@Valid @RequestBody InstructionRequests.IssueInstruction request,
            IdempotencyKey key, Actor actor) {
        Instruction instruction = instructions.issue(request, actor, key);
        return ResponseEntity.created(URI.create("/api/instructions/" + instruction.id()))
                .body(response(instruction));
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "The executor accepts the instruction")
    InstructionResponse accept(@PathVariable String id,
                               @Valid @RequestBody(required = false) InstructionRequests.Accept request, Actor actor) {
        return response(instructions.accept(id, request, actor));
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "The executor reports; the instruction stays on control until the controller closes it")
    InstructionResponse report(@PathVariable String id, @Valid @RequestBody InstructionRequests.ReportOn request,
                               Actor actor) {
        return response(instructions.report(id, request, actor));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The controller returns the instruction for rework, with the reason")
    InstructionResponse returnForRework(@PathVariable String id,
                                        @Valid @RequestBody InstructionRequests.ReturnForRework request, Actor actor) {
        return response(instructions.returnForRework(id, request, actor));
    }

    @PostMapping("/{id}/closing")
    @Operation(summary = "The controller takes the instruction off control")
    InstructionResponse close(@PathVariable String id,
                              @Valid @RequestBody(required = false) InstructionRequests.Close request, Actor actor) {
        return response(instructions.close(id, request, actor));
    }

    @PostMapping("/{id}/extension-request")
    @Operation(summary = "The executor asks for a later due date, with the reason")
    InstructionResponse requestExtension(@PathVariable String id,
                                         @Valid @RequestBody InstructionRequests.RequestExtension request, Actor actor) {
        return response(instructions.requestExtension(id, request, actor));
    }

    @PostMapping("/{id}/extension-request/grant")
    @Operation(summary = "The controller grants the extension; the due-date history is kept")
    InstructionResponse grantExtension(@PathVariable String id,
                                       @Valid @RequestBody InstructionRequests.GrantExtension request, Actor actor) {
        return response(instructions.grantExtension(id, request, actor));
    }

    @PostMapping("/{id}/extension-request/refusal")
    @Operation(summary = "The controller refuses the extension")
    InstructionResponse refuseExtension(@PathVariable String id,
                                        @Valid @RequestBody InstructionRequests.RefuseExtension request, Actor actor) {
        return response(instructions.refuseExtension(id, request, actor));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The instruction with its reports, returns, extensions and whether it is overdue today; an"
            + " executor reads only his department's (executor or co-executor), another's answers 404")
    InstructionResponse get(@PathVariable String id, Actor actor) {
        return response(instructions.get(id, actor));
    }

    @GetMapping
    @Operation(summary = "An executor's list: by department, sorted by due date; filters state (repeated: any of"
            + " them), overdue, period (inclusive, by due date). sort=due: first those awaiting a report, by due date"
            + " (overdue, then due soon), then the others by due date. An executor sees only his department's"
            + " instructions (executor or co-executor); the control department sees all")
    PageResponse<InstructionResponse> list(
            @RequestParam(required = false) String executorDepartment,
            @RequestParam(required = false) List<InstructionState> state,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) InstructionSource source,
            @RequestParam(required = false) String sourceId,
            @PageableDefault(size = 20, sort = "dueOn") Pageable pageable, Actor actor) {
        InstructionFilter filter = new InstructionFilter(executorDepartment,
                state == null ? null : new HashSet<>(state), overdue, from, to, territory,
                source, sourceId);
        LocalDate today = LocalDate.now(clock);
        return PageResponse.of(instructions.list(filter, pageable, actor),
                instruction -> InstructionResponse.of(instruction, today));
    }

    private InstructionResponse response(Instruction instruction) {
        return InstructionResponse.of(instruction, LocalDate.now(clock));
    }

    /** @param overdue computed from the due date and the state on the day of the answer */
    record InstructionResponse(String id, long version, InstructionState state, String text,
                               String executorDepartment, List<String> coExecutors, String controller,
                               String controllerUsername, InstructionSource source, String sourceId,
                               String territory, LocalDate issuedOn, String issuedBy, String issuedByUsername,
                               LocalDate dueOn, boolean overdue, long daysOverdue, LocalDate acceptedOn,
                               List<Report> reports, List<Return> returns, ExtensionRequest pendingExtension,
                               List<ExtensionDecision> extensions, Closing closing) {

        static InstructionResponse of(Instruction instruction, LocalDate today) {
            return new InstructionResponse(instruction.id(), instruction.version(), instruction.state(),
                    instruction.text(), instruction.executorDepartment(), instruction.coExecutors(),
                    instruction.controller(), instruction.controllerUsername(), instruction.source(),
                    instruction.sourceId(), instruction.territory(), instruction.issuedOn(), instruction.issuedBy(),
                    instruction.issuedByUsername(), instruction.dueOn(),
                    instruction.isOverdue(today), instruction.daysOverdue(today), instruction.acceptedOn(),
                    instruction.reports(), instruction.returns(), instruction.pendingExtension(),
                    instruction.extensions(), instruction.closing());
        }
    }
}
