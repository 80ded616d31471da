package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.outreach.appeals.appeal.AppealRecords.Answer;
import ru.outreach.appeals.appeal.AppealRecords.AnswerForm;
import ru.outreach.appeals.appeal.AppealRecords.Assignment;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.appeals.appeal.AppealRecords.Citizen;
import ru.outreach.appeals.appeal.AppealRecords.Closing;
import ru.outreach.appeals.appeal.AppealRecords.Extension;
import ru.outreach.appeals.appeal.AppealRecords.Ground;
import ru.outreach.appeals.appeal.AppealRecords.MissedTerm;
import ru.outreach.appeals.appeal.AppealRecords.Redirect;
import ru.outreach.events.appeals.AppealTerm;
import ru.outreach.appeals.appeal.AppealRecords.WithoutAnswer;
import ru.outreach.appeals.terms.Terms;
import ru.outreach.events.appeals.AppealsEvent.AppealAnswered;
import ru.outreach.events.appeals.AppealsEvent.AppealAssigned;
import ru.outreach.events.appeals.AppealsEvent.AppealClosed;
import ru.outreach.events.appeals.AppealsEvent.AppealExtended;
import ru.outreach.events.appeals.AppealsEvent.AppealLeftWithoutAnswer;
import ru.outreach.events.appeals.AppealsEvent.AppealRedirected;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissed;
import ru.outreach.kit.outbox.AggregateRoot;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;

/**
 * A citizen's appeal under 59-FZ. Every term is computed at registration and kept on the appeal; a term that passes
 * without its step is recorded as missed. Each step checks the state, changes it and records an event without
 * personal data.
 */
@Document("appeals")
public class Appeal extends AggregateRoot {

    private AppealChannel channel;
    private LocalDate receivedOn;
    private LocalDate registeredOn;
    private LocalDate registrationDueOn;
    private LocalDate answerDueOn;
    private LocalDate redirectDueOn;
    private Citizen citizen;
    /** A digest of the citizen's name and address, to find repeated appeals without reading personal data. */
    private String citizenKey;
    private String text;
    private String category;
    private String territory;
    private boolean reportsCrime;
    private boolean answerRequired;
    private boolean repeated;
    private String previousAppealId;
    private String sourceMeetingId;
    private String sourceItemId;
    private AppealState state;
    private Assignment assignment;
    private Extension extension;
    private Answer answer;
    private Redirect redirect;
    private WithoutAnswer withoutAnswer;
    private Closing closing;
    private List<MissedTerm> missedTerms = new ArrayList<>();

    private Appeal() {
    }

    /** What is known of an appeal when it is registered. */
    public record Registration(AppealChannel channel, LocalDate receivedOn, LocalDate registeredOn, Citizen citizen,
                               String text, String category, String territory, boolean reportsCrime,
                               String sourceMeetingId, String sourceItemId) {
    }

    /**
     * Registers an appeal; a registration later than its term records the missed term.
     *
     * @param previousAppealId the citizen's earlier appeal in the same category within a year, or null
     */
    public static Appeal register(String id, Registration registration, String previousAppealId, Terms terms) {
        if (registration.registeredOn().isBefore(registration.receivedOn())) {
            throw new RuleViolationException("receivedOn", "error.received-after-registration",
                    registration.receivedOn(), registration.registeredOn());
        }
        Appeal appeal = new Appeal();
        appeal.id = id;
        appeal.channel = registration.channel();
        appeal.receivedOn = registration.receivedOn();
        appeal.registeredOn = registration.registeredOn();
        appeal.registrationDueOn = terms.registrationDue(registration.receivedOn());
        appeal.answerDueOn = terms.answerDue(registration.registeredOn());
        appeal.redirectDueOn = terms.redirectDue(registration.registeredOn());
        appeal.citizen = registration.citizen() == null ? new Citizen(null, null, null, null) : registration.citizen();
        appeal.citizenKey = CitizenKey.of(appeal.citizen);
        appeal.text = registration.text();
        appeal.category = registration.category();
        appeal.territory = registration.territory();
        appeal.reportsCrime = registration.reportsCrime();
        appeal.answerRequired = answerRequired(appeal.channel, appeal.citizen);
        appeal.repeated = previousAppealId != null;
        appeal.previousAppealId = previousAppealId;
        appeal.sourceMeetingId = registration.sourceMeetingId();
        appeal.sourceItemId = registration.sourceItemId();
        appeal.state = AppealState.REGISTERED;
        appeal.record(version -> new AppealRegistered(id, version, appeal.state, appeal.category,
                appeal.territory, appeal.channel, appeal.receivedOn, appeal.registeredOn,
                appeal.registrationDueOn, appeal.answerDueOn, appeal.redirectDueOn, appeal.answerRequired,
                appeal.reportsCrime, appeal.repeated, appeal.sourceMeetingId, null));
        if (appeal.registeredOn.isAfter(appeal.registrationDueOn)) {
            appeal.missTerm(AppealTerm.REGISTRATION, appeal.registrationDueOn, appeal.registeredOn);
        }
        return appeal;
    }

    /**
     * 59-FZ art. 11 p. 1: an appeal without the name of the citizen or the postal address (the e-mail address for an
     * electronic appeal) to send the answer to gets no answer.
     */
    static boolean answerRequired(AppealChannel channel, Citizen citizen) {
        boolean address = citizen.hasPostalAddress() || channel == AppealChannel.ELECTRONIC && citizen.hasEmail();
        return citizen.hasName() && address;
    }

    /** Sends the appeal to an executor department; a reassignment before the answer is allowed. */
    void assign(String executorDepartment, LocalDate assignedOn, LocalDate today) {
        requireState("assign", AppealState.REGISTERED, AppealState.ASSIGNED);
        within("assignedOn", assignedOn, registeredOn, today);
        assignment = new Assignment(executorDepartment, assignedOn);
        state = AppealState.ASSIGNED;
        record(version -> new AppealAssigned(id, version, state, category, territory, executorDepartment,
                assignedOn, answerDueOn));
    }

    /** The executor answered. An oral answer is allowed only at a personal reception, with the citizen's consent. */
    void answer(String answerText, LocalDate answeredOn, String answeredBy, AnswerForm form,
                boolean citizenConsentedToOral, LocalDate today) {
        requireState("answer", AppealState.ASSIGNED);
        if (!answerRequired) {
            throw new StateConflictException("error.appeal-no-address-to-answer");
        }
        within("answeredOn", answeredOn, registeredOn, today);
        if (form == AnswerForm.ORAL) {
            if (channel != AppealChannel.PERSONAL_RECEPTION) {
                throw new RuleViolationException("form", "error.oral-answer-only-at-reception");
            }
            if (!citizenConsentedToOral) {
                throw new RuleViolationException("citizenConsentedToOral", "error.oral-answer-needs-consent");
            }
        }
        boolean late = answeredOn.isAfter(answerDueOn);
        answer = new Answer(answerText, answeredOn, answeredBy, form, form == AnswerForm.ORAL, late);
        state = AppealState.ANSWERED;
        record(version -> new AppealAnswered(id, version, state, category, territory,
                assignment.executorDepartment(), answeredOn, answerDueOn, form == AnswerForm.ORAL, late));
        if (late) {
            missTerm(AppealTerm.ANSWER, answerDueOn, answeredOn);
        }
    }

    /** 59-FZ art. 12 p. 2: one extension of at most the configured days, with a reason, the citizen notified. */
    void extend(int days, String reason, LocalDate decidedOn, LocalDate citizenNotifiedOn, Terms terms,
                LocalDate today) {
        requireState("extend", AppealState.REGISTERED, AppealState.ASSIGNED);
        if (extension != null) {
            throw new StateConflictException("error.appeal-already-extended", extension.decidedOn());
        }
        if (days < 1 || days > terms.maxExtensionDays()) {
            throw new RuleViolationException("days", "error.extension-days", terms.maxExtensionDays());
        }
        within("decidedOn", decidedOn, registeredOn, today);
        if (decidedOn.isAfter(answerDueOn)) {
            throw new RuleViolationException("decidedOn", "error.extension-after-term", answerDueOn);
        }
        within("citizenNotifiedOn", citizenNotifiedOn, decidedOn, today);
        LocalDate previous = answerDueOn;
        answerDueOn = previous.plusDays(days);
        extension = new Extension(days, reason, previous, answerDueOn, decidedOn, citizenNotifiedOn);
        record(version -> new AppealExtended(id, version, state, category, territory, previous, answerDueOn,
                decidedOn, citizenNotifiedOn));
    }

    /** 59-FZ art. 8 p. 3: sent to the competent body within the term, the citizen notified. A late one is recorded. */
    void redirect(String competentBody, LocalDate redirectedOn, LocalDate citizenNotifiedOn, LocalDate today) {
        requireState("redirect", AppealState.REGISTERED, AppealState.ASSIGNED);
        within("redirectedOn", redirectedOn, registeredOn, today);
        if (citizenNotifiedOn != null) {
            within("citizenNotifiedOn", citizenNotifiedOn, registeredOn, today);
        } else if (answerRequired) {
            throw new RuleViolationException("citizenNotifiedOn", "error.citizen-must-be-notified");
        }
        boolean late = redirectedOn.isAfter(redirectDueOn);
        redirect = new Redirect(competentBody, redirectedOn, citizenNotifiedOn, late);
        state = AppealState.REDIRECTED;
        record(version -> new AppealRedirected(id, version, state, category, territory, competentBody,
                redirectedOn, redirectDueOn, citizenNotifiedOn, late));
        if (late) {
            missTerm(AppealTerm.REDIRECT, redirectDueOn, redirectedOn);
        }
    }

    /**
     * 59-FZ art. 11: no answer on a legal ground. Without a name or address only when there is indeed none; an appeal
     * that reports a crime is never left: it is forwarded to the law enforcement body (a redirect).
     */
    void leaveWithoutAnswer(Ground ground, String note, LocalDate decidedOn, LocalDate today) {
        requireState("leave-without-answer", AppealState.REGISTERED, AppealState.ASSIGNED);
        if (reportsCrime) {
            throw new StateConflictException("error.crime-report-must-be-forwarded");
        }
        if (ground == Ground.NO_NAME_OR_ADDRESS && answerRequired) {
            throw new RuleViolationException("ground", "error.appeal-has-name-and-address");
        }
        within("decidedOn", decidedOn, registeredOn, today);
        withoutAnswer = new WithoutAnswer(ground, note, decidedOn);
        state = AppealState.LEFT_WITHOUT_ANSWER;
        record(version -> new AppealLeftWithoutAnswer(id, version, state, category, territory, ground.name(),
                decidedOn));
    }

    /** The general department takes the answered appeal off control. */
    void close(LocalDate closedOn, String closedBy, LocalDate today) {
        requireState("close", AppealState.ANSWERED);
        within("closedOn", closedOn, answer.answeredOn(), today);
        closing = new Closing(closedOn, closedBy);
        state = AppealState.CLOSED;
        record(version -> new AppealClosed(id, version, state, category, territory, closedOn));
    }

    /** Records the answer term as missed once, when it passed while the appeal is still open; true if it did now. */
    boolean checkAnswerTerm(LocalDate today) {
        if (!state.isOpen() || !answerRequired || !today.isAfter(answerDueOn) || missed(AppealTerm.ANSWER, answerDueOn)) {
            return false;
        }
        missTerm(AppealTerm.ANSWER, answerDueOn, today);
        return true;
    }

    /** Open and past the answer term. */
    public boolean isOverdue(LocalDate today) {
        return state.isOpen() && answerRequired && today.isAfter(answerDueOn);
    }

    private boolean missed(AppealTerm term, LocalDate dueOn) {
        return missedTerms.stream().anyMatch(missed -> missed.term() == term && missed.dueOn().equals(dueOn));
    }

    private void missTerm(AppealTerm term, LocalDate dueOn, LocalDate recordedOn) {
        if (missed(term, dueOn)) {
            return;
        }
        missedTerms.add(new MissedTerm(term, dueOn, recordedOn));
        record(version -> new AppealTermMissed(id, version, state, category, territory, term, dueOn,
                recordedOn));
    }

    private void requireState(String action, AppealState... allowed) {
        if (!Set.of(allowed).contains(state)) {
            throw new StateConflictException("error.appeal-transition",
                    new DefaultMessageSourceResolvable("appeal.action." + action),
                    new DefaultMessageSourceResolvable("appeal.state." + state));
        }
    }

    private static void within(String field, LocalDate day, LocalDate notBefore, LocalDate today) {
        if (day.isAfter(today)) {
            throw new RuleViolationException(field, "error.date-in-future", day);
        }
        if (day.isBefore(notBefore)) {
            throw new RuleViolationException(field, "error.date-too-early", day, notBefore);
        }
    }

    public AppealChannel channel() { return channel; }

    public LocalDate receivedOn() { return receivedOn; }

    public LocalDate registeredOn() { return registeredOn; }

    public LocalDate registrationDueOn() { return registrationDueOn; }

    public LocalDate answerDueOn() { return answerDueOn; }

    public LocalDate redirectDueOn() { return redirectDueOn; }

    public Citizen citizen() { return citizen; }

    String citizenKey() { return citizenKey; }

    public String text() { return text; }

    public String category() { return category; }

    public String territory() { return territory; }

    public boolean reportsCrime() { return reportsCrime; }

    public boolean answerRequired() { return answerRequired; }

    public boolean repeated() { return repeated; }

    public String previousAppealId() { return previousAppealId; }

    public String sourceMeetingId() { return sourceMeetingId; }

    public String sourceItemId() { return sourceItemId; }

    public AppealState state() { return state; }

    public Assignment assignment() { return assignment; }

    public Extension extension() { return extension; }

    public Answer answer() { return answer; }

    public Redirect redirect() { return redirect; }

    public WithoutAnswer withoutAnswer() { return withoutAnswer; }

    public Closing closing() { return closing; }

    public List<MissedTerm> missedTerms() { return List.copyOf(missedTerms); }

    @Override
    protected String subject() {
        return "appeal/" + id;
    }
}
