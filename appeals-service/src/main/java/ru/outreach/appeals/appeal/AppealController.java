package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealState;

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
import org.springframework.web.servlet.HandlerMapping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import ru.outreach.appeals.appeal.AppealRecords.Answer;
import ru.outreach.appeals.appeal.AppealRecords.Assignment;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.appeals.appeal.AppealRecords.Citizen;
import ru.outreach.appeals.appeal.AppealRecords.Closing;
import ru.outreach.appeals.appeal.AppealRecords.Extension;
import ru.outreach.appeals.appeal.AppealRecords.MissedTerm;
import ru.outreach.appeals.appeal.AppealRecords.Redirect;
import ru.outreach.appeals.appeal.AppealRecords.WithoutAnswer;
import ru.outreach.appeals.appeal.PersonalDataView.PersonalData;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.security.Actor;
import ru.outreach.kit.support.PageResponse;

@RestController
@RequestMapping("/api/appeals")
@Tag(name = "Appeals", description = "Обращения граждан (59-ФЗ)")
class AppealController {

    private final AppealService appeals;
    private final PersonalDataView personalData;
    private final Clock clock;

    AppealController(AppealService appeals, PersonalDataView personalData, Clock clock) {
        this.appeals = appeals;
        this.personalData = personalData;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an appeal received by post, in person or electronically; every term is computed",
            description = "With an Idempotency-Key, a retry registers nothing and answers the appeal registered"
                    + " first, as the caller may see it now.")
    ResponseEntity<AppealResponse> register(@Valid @RequestBody AppealRequests.RegisterAppeal request,
            IdempotencyKey key, Actor actor, HttpServletRequest http) {
        Appeal appeal = appeals.register(request, actor, key);
        return ResponseEntity.created(URI.create("/api/appeals/" + appeal.id())).body(response(appeal, actor, http));
    }

    @GetMapping("/registration-queue")
    @Operation(summary = "The general department's registration queue: appeals received at meetings (state RECEIVED)"
            + " and not registered yet, the oldest receipt first, each with its registration term and whether it"
            + " has passed (registrationOverdue); no personal data")
    PageResponse<AppealSummary> registrationQueue(@RequestParam(required = false) String territory,
                                                  @PageableDefault(size = 20) Pageable pageable) {
        LocalDate today = LocalDate.now(clock);
        return PageResponse.of(appeals.registrationQueue(territory, pageable),
                appeal -> AppealSummary.of(appeal, today));
    }

    @PostMapping("/{id}/registration")
    @Operation(summary = "Register an appeal of the registration queue on the day given (today when missing): the"
            + " answer and redirect terms run from it; a registration after its term records the term as missed")
    AppealResponse registerReceived(@PathVariable String id,
                                    @Valid @RequestBody(required = false) AppealRequests.RegisterReceived request,
            Actor actor, HttpServletRequest http) {
        return response(appeals.registerReceived(id, request, actor), actor, http);
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Send the appeal to an executor department (again, before the answer)")
    AppealResponse assign(@PathVariable String id, @Valid @RequestBody AppealRequests.Assign request,
            Actor actor, HttpServletRequest http) {
        return response(appeals.assign(id, request), actor, http);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Record the answer: text, date, who; an oral answer only at a reception with consent")
    AppealResponse answer(@PathVariable String id, @Valid @RequestBody AppealRequests.AnswerAppeal request,
            Actor actor, HttpServletRequest http) {
        return response(appeals.answer(id, request, actor), actor, http);
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Extend the answer term once (59-FZ art. 12 p. 2), with a reason, the citizen notified")
    AppealResponse extend(@PathVariable String id, @Valid @RequestBody AppealRequests.Extend request,
            Actor actor, HttpServletRequest http) {
        return response(appeals.extend(id, request), actor, http);
    }

    @PostMapping("/{id}/redirect")
    @Operation(summary = "Send the appeal to the competent body (59-FZ art. 8 p. 3), the citizen notified")
    AppealResponse redirect(@PathVariable String id, @Valid @RequestBody AppealRequests.RedirectAppeal request,
            Actor actor, HttpServletRequest http) {
        return response(appeals.redirect(id, request), actor, http);
    }

    @PostMapping("/{id}/without-answer")
    @Operation(summary = "Leave the appeal without an answer on a legal ground (59-FZ art. 11)")
    AppealResponse leaveWithoutAnswer(@PathVariable String id,
                                      @Valid @RequestBody AppealRequests.LeaveWithoutAnswer request,
            Actor actor, HttpServletRequest http) {
        return response(appeals.leaveWithoutAnswer(id, request), actor, http);
    }

    @PostMapping("/{id}/closing")
    @Operation(summary = "Take the answered appeal off control")
    AppealResponse close(@PathVariable String id,
                         @Valid @RequestBody(required = false) AppealRequests.Close request,
            Actor actor, HttpServletRequest http) {
        return response(appeals.close(id, request, actor), actor, http);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The appeal, its terms and history. The citizen's details (name, address, phone, e-mail),"
            + " the text and the answer's text only to the general department and to an executor of the department"
            + " the appeal is assigned to, each such answer recorded in the personal-data audit; others get them"
            + " null (personalData=WITHHELD). An executor reads only appeals assigned to his department: another's"
            + " answers 404. After the retention period they are erased (personalData=ERASED)")
    AppealResponse get(@PathVariable String id, Actor actor, HttpServletRequest http) {
        return response(appeals.get(id, actor), actor, http);
    }

    @GetMapping
    @Operation(summary = "List appeals without personal data; filters are optional, the period is by day received;"
            + " state=RECEIVED lists the registration queue (see also /api/appeals/registration-queue); state"
            + " repeated: any of them. sort=due: first those that owe an answer (registered or assigned), by answer"
            + " term (overdue, then due soon), then the others by answer term. An executor sees only the appeals"
            + " assigned to his department")
    PageResponse<AppealSummary> list(
            @RequestParam(required = false) List<AppealState> state,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) String executorDepartment,
            @RequestParam(required = false) AppealChannel channel,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean repeated,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @PageableDefault(size = 20, sort = "answerDueOn") Pageable pageable, Actor actor) {
        AppealFilter filter = new AppealFilter(state == null ? null : new HashSet<>(state), category, territory, executorDepartment, channel, overdue,
                repeated, from, to);
        LocalDate today = LocalDate.now(clock);
        return PageResponse.of(appeals.list(filter, pageable, actor), appeal -> AppealSummary.of(appeal, today));
    }

    /** The appeal as the caller may see it; an answer with the citizen's details is audited first. */
    private AppealResponse response(Appeal appeal, Actor actor, HttpServletRequest http) {
        PersonalData shown = personalData.disclose(appeal, actor, operation(http));
        return AppealResponse.of(appeal, shown, LocalDate.now(clock));
    }

    /** The method and the path pattern of the request, e.g. {@code GET /api/appeals/{id}}. */
    private static String operation(HttpServletRequest http) {
        Object pattern = http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return http.getMethod() + " " + (pattern == null ? http.getRequestURI() : pattern.toString());
    }

    /**
     * The appeal's own view: the only answer that may carry the citizen's personal data (citizen, text, the answer's
     * text), and only when {@code personalData} is INCLUDED; WITHHELD and ERASED leave them null.
     *
     * @param overdue             registered, open and past the answer term (by the service's clock)
     * @param registrationOverdue in the registration queue and past the registration term
     */
    record AppealResponse(String id, long version, AppealState state, AppealChannel channel, String category,
                          String territory, Citizen citizen, String text, boolean reportsCrime,
                          boolean answerRequired, boolean repeated, String previousAppealId, String sourceMeetingId,
                          LocalDate receivedOn, LocalDate registeredOn, String registeredBy,
                          String registeredByUsername,
                          LocalDate registrationDueOn, LocalDate answerDueOn, LocalDate redirectDueOn,
                          boolean overdue, boolean registrationOverdue, Assignment assignment, Extension extension,
                          Answer answer, Redirect redirect, WithoutAnswer withoutAnswer, Closing closing,
                          List<MissedTerm> missedTerms, PersonalData personalData, LocalDate erasedOn) {

        static AppealResponse of(Appeal appeal, PersonalData personalData, LocalDate today) {
            boolean shown = personalData == PersonalData.INCLUDED;
            Answer answer = appeal.answer() == null || shown ? appeal.answer() : appeal.answer().withoutText();
            return new AppealResponse(appeal.id(), appeal.version(), appeal.state(), appeal.channel(),
                    appeal.category(), appeal.territory(), shown ? appeal.citizen() : null,
                    shown ? appeal.text() : null, appeal.reportsCrime(),
                    appeal.answerRequired(), appeal.repeated(), appeal.previousAppealId(), appeal.sourceMeetingId(),
                    appeal.receivedOn(), appeal.registeredOn(), appeal.registeredBy(), appeal.registeredByUsername(),
                    appeal.registrationDueOn(), appeal.answerDueOn(), appeal.redirectDueOn(), appeal.isOverdue(today),
                    appeal.isRegistrationOverdue(today), appeal.assignment(), appeal.extension(), answer,
                    appeal.redirect(), appeal.withoutAnswer(), appeal.closing(), appeal.missedTerms(), personalData,
                    appeal.erasedOn());
        }
    }

    /** A line of the list: ids, category, territory, state and terms; no personal data, no text. */
    record AppealSummary(String id, AppealState state, AppealChannel channel, String category, String territory,
                         String executorDepartment, boolean answerRequired, boolean repeated, String sourceMeetingId,
                         LocalDate receivedOn, LocalDate registrationDueOn, LocalDate registeredOn,
                         LocalDate answerDueOn, LocalDate redirectDueOn, boolean overdue,
                         boolean registrationOverdue, int missedTerms) {

        static AppealSummary of(Appeal appeal, LocalDate today) {
            return new AppealSummary(appeal.id(), appeal.state(), appeal.channel(), appeal.category(),
                    appeal.territory(), appeal.assignment() == null ? null : appeal.assignment().executorDepartment(),
                    appeal.answerRequired(), appeal.repeated(), appeal.sourceMeetingId(), appeal.receivedOn(),
                    appeal.registrationDueOn(), appeal.registeredOn(), appeal.answerDueOn(), appeal.redirectDueOn(),
                    appeal.isOverdue(today), appeal.isRegistrationOverdue(today), appeal.missedTerms().size());
        }
    }
}
