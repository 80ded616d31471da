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
import ru.outreach.appeals.staff.By;
import ru.outreach.appeals.terms.Terms;
import ru.outreach.events.appeals.AppealsEvent.AppealAnswered;
import ru.outreach.events.appeals.AppealsEvent.AppealAssigned;
import ru.outreach.events.appeals.AppealsEvent.AppealClosed;
import ru.outreach.events.appeals.AppealsEvent.AppealExtended;
import ru.outreach.events.appeals.AppealsEvent.AppealLeftWithoutAnswer;
import ru.outreach.events.appeals.AppealsEvent.AppealReceived;
import ru.outreach.events.appeals.AppealsEvent.AppealRedirected;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissWithdrawn;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissed;
import ru.outreach.kit.outbox.AggregateRoot;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;
import ru.outreach.kit.support.StepDates;

/**
 * A citizen's appeal under 59-FZ. An appeal taken at a meeting is first received (on the meeting day) and waits in the
 * general department's registration queue; one that arrives otherwise is received and registered in one step. Every
 * term is computed at registration and kept on the appeal; a term that passes without its step is recorded as
 * missed (the registration term only at registration, from the day the clerk gives, so that paper records entered
 * after the fact come out as if entered on the day). Each step happened on a day the clerk gives (today when none is given): never after today, never before
 * the step it follows. Each step checks the state, changes it and records an event without personal data.
 */
@Document("appeals")
public class Appeal extends AggregateRoot {

    private AppealChannel channel;
    private LocalDate receivedOn;
    private LocalDate registeredOn;
    private String registeredBy;
    private String registeredByUsername;
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
    /** The day the citizen's details and the texts were erased after the retention period; null before. */
    private LocalDate erasedOn;

    private Appeal() {
    }

    /** What is known of an appeal when it is registered. */
    public record Registration(AppealChannel channel, LocalDate receivedOn, LocalDate registeredOn, Citizen citizen,
                               String text, String category, String territory, boolean reportsCrime,
                               String sourceMeetingId, String sourceItemId) {
    }

    /** What is known of an appeal taken at an outreach meeting (a reception card or a written appeal). */
    public record Receipt(AppealChannel channel, LocalDate receivedOn, Citizen citizen, String text, String category,
                          String territory, String sourceMeetingId, String sourceItemId) {
    }

    /**
     * Receives and registers an appeal in one step (by post, in person, electronically); a registration later than
     * its term records the missed term.
     *
     * @param previousAppealId the citizen's earlier appeal in the same category within a year, or null
     * @param categoryName     the classifier's name of the category, for the event
     */
    public static Appeal register(String id, By registeredBy, Registration registration, String previousAppealId,
                                  String categoryName, Terms terms, LocalDate today) {
        StepDates.require("receivedOn", "receipt", registration.receivedOn(), null, null, today);
        Appeal appeal = new Appeal();
        appeal.fill(id, new Receipt(registration.channel(), registration.receivedOn(), registration.citizen(),
                registration.text(), registration.category(), registration.territory(),
                registration.sourceMeetingId(), registration.sourceItemId()), terms);
        appeal.reportsCrime = registration.reportsCrime();
        appeal.completeRegistration(registration.registeredOn(), registeredBy, previousAppealId, categoryName, terms,
                today);
        return appeal;
    }

    /**
     * Receives an appeal taken at an outreach meeting on the meeting day: it waits in the registration queue. The
     * day comes from the minutes, never from when they were read, so a late or replayed intake changes no date.
     */
    public static Appeal receive(String id, Receipt receipt, String categoryName, Terms terms) {
        Appeal appeal = new Appeal();
        appeal.fill(id, receipt, terms);
        appeal.state = AppealState.RECEIVED;
        appeal.record(version -> new AppealReceived(id, version, appeal.state, appeal.category, appeal.territory,
                appeal.channel, appeal.receivedOn, appeal.registrationDueOn, appeal.sourceMeetingId, categoryName));
        return appeal;
    }

    /**
     * The general department registers an appeal of its queue (regulation 3.8.4–3.8.5): the answer and redirect terms
     * run from the day of registration; a registration later than its term records the missed term (once).
     */
    void registerReceived(LocalDate registeredOn, By registeredBy, String previousAppealId, String categoryName,
                          Terms terms, LocalDate today) {
        requireState("register", AppealState.RECEIVED);
        completeRegistration(registeredOn, registeredBy, previousAppealId, categoryName, terms, today);
    }

    private void fill(String id, Receipt receipt, Terms terms) {
        this.id = id;
        channel = receipt.channel();
        receivedOn = receipt.receivedOn();
        registrationDueOn = terms.registrationDue(receipt.receivedOn());
        citizen = receipt.citizen() == null ? new Citizen(null, null, null, null) : receipt.citizen();
        citizenKey = CitizenKey.of(citizen);
        text = receipt.text();
        category = receipt.category();
        territory = receipt.territory();
        answerRequired = answerRequired(channel, citizen);
        sourceMeetingId = receipt.sourceMeetingId();
        sourceItemId = receipt.sourceItemId();
    }

    private void completeRegistration(LocalDate registeredOn, By registeredBy, String previousAppealId,
                                      String categoryName, Terms terms, LocalDate today) {
        StepDates.require("registeredOn", "registration", registeredOn, "receipt", receivedOn, today);
        this.registeredOn = registeredOn;
        this.registeredBy = registeredBy == null ? null : registeredBy.name();
        this.registeredByUsername = registeredBy == null ? null : registeredBy.username();
        answerDueOn = terms.answerDue(registeredOn);
        redirectDueOn = terms.redirectDue(registeredOn);
        repeated = previousAppealId != null;
        this.previousAppealId = previousAppealId;
        state = AppealState.REGISTERED;
        record(version -> new AppealRegistered(id, version, state, category, territory, channel, receivedOn,
                registeredOn, registrationDueOn, answerDueOn, redirectDueOn, answerRequired, reportsCrime, repeated,
                sourceMeetingId, categoryName));
        if (registeredOn.isAfter(registrationDueOn)) {
            missTerm(AppealTerm.REGISTRATION, registrationDueOn, registeredOn);
        }
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
        StepDates.require("assignedOn", "assignment", assignedOn, "registration", registeredOn, today);
        assignment = new Assignment(executorDepartment, assignedOn);
        state = AppealState.ASSIGNED;
        record(version -> new AppealAssigned(id, version, state, category, territory, executorDepartment,
                assignedOn, answerDueOn));
    }

    /** The executor answered. An oral answer is allowed only at a personal reception, with the citizen's consent. */
    void answer(String answerText, LocalDate answeredOn, By answeredBy, AnswerForm form,
                boolean citizenConsentedToOral, LocalDate today) {
        requireState("answer", AppealState.ASSIGNED);
        if (!answerRequired) {
            throw new StateConflictException("error.appeal-no-address-to-answer");
        }
        if (assignment == null) {
            StepDates.require("answeredOn", "answer", answeredOn, "registration", registeredOn, today);
        } else {
            StepDates.require("answeredOn", "answer", answeredOn, "assignment", assignment.assignedOn(), today);
        }
        if (form == AnswerForm.ORAL) {
            if (channel != AppealChannel.PERSONAL_RECEPTION) {
                throw new RuleViolationException("form", "error.oral-answer-only-at-reception");
            }
            if (!citizenConsentedToOral) {
                throw new RuleViolationException("citizenConsentedToOral", "error.oral-answer-needs-consent");
            }
        }
        boolean late = answeredOn.isAfter(answerDueOn);
        withdrawAnswerMissDisprovedBy(answeredOn);
        answer = new Answer(answerText, answeredOn, answeredBy.name(), answeredBy.username(), form,
                form == AnswerForm.ORAL, late);
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
        StepDates.require("decidedOn", "extension", decidedOn, "registration", registeredOn, today);
        if (decidedOn.isAfter(answerDueOn)) {
            throw new RuleViolationException("decidedOn", "error.extension-after-term", StepDates.format(decidedOn),
                    StepDates.format(answerDueOn));
        }
        StepDates.require("citizenNotifiedOn", "extension-notice", citizenNotifiedOn, "extension", decidedOn, today);
        withdrawAnswerMissDisprovedBy(decidedOn);
        LocalDate previous = answerDueOn;
        answerDueOn = previous.plusDays(days);
        extension = new Extension(days, reason, previous, answerDueOn, decidedOn, citizenNotifiedOn);
        record(version -> new AppealExtended(id, version, state, category, territory, previous, answerDueOn,
                decidedOn, citizenNotifiedOn));
    }

    /** 59-FZ art. 8 p. 3: sent to the competent body within the term, the citizen notified. A late one is recorded. */
    void redirect(String competentBody, LocalDate redirectedOn, LocalDate citizenNotifiedOn, LocalDate today) {
        requireState("redirect", AppealState.REGISTERED, AppealState.ASSIGNED);
        StepDates.require("redirectedOn", "redirect", redirectedOn, "registration", registeredOn, today);
        if (citizenNotifiedOn != null) {
            StepDates.require("citizenNotifiedOn", "redirect-notice", citizenNotifiedOn, "registration", registeredOn,
                    today);
        } else if (answerRequired) {
            throw new RuleViolationException("citizenNotifiedOn", "error.citizen-must-be-notified");
        }
        boolean late = redirectedOn.isAfter(redirectDueOn);
        withdrawAnswerMissDisprovedBy(redirectedOn);
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
        StepDates.require("decidedOn", "without-answer", decidedOn, "registration", registeredOn, today);
        withdrawAnswerMissDisprovedBy(decidedOn);
        withoutAnswer = new WithoutAnswer(ground, note, decidedOn);
        state = AppealState.LEFT_WITHOUT_ANSWER;
        record(version -> new AppealLeftWithoutAnswer(id, version, state, category, territory, ground.name(),
                decidedOn));
    }

    /** The general department takes the answered appeal off control. */
    void close(LocalDate closedOn, By closedBy, LocalDate today) {
        requireState("close", AppealState.ANSWERED);
        StepDates.require("closedOn", "closing", closedOn, "answer", answer.answeredOn(), today);
        closing = new Closing(closedOn, closedBy.name(), closedBy.username());
        state = AppealState.CLOSED;
        record(version -> new AppealClosed(id, version, state, category, territory, closedOn));
    }

    /**
     * Records the answer term of an open appeal as missed once, when it passed without an answer. True if it did now.
     * The registration term of an appeal still in the registration queue is not recorded here: the clerk may yet
     * register it with an earlier paper date within the term; it shows as {@link #isRegistrationOverdue} and is
     * recorded at registration when the day of registration is after it.
     */
    boolean checkTerms(LocalDate today) {
        if (isOverdue(today) && !missed(AppealTerm.ANSWER, answerDueOn)) {
            missTerm(AppealTerm.ANSWER, answerDueOn, today);
            return true;
        }
        return false;
    }

    /** Registered, still open and past the answer term (an appeal in the registration queue has none yet). */
    public boolean isOverdue(LocalDate today) {
        return state.isOpen() && state != AppealState.RECEIVED && answerRequired && today.isAfter(answerDueOn);
    }

    /** In the registration queue and past the registration term. */
    public boolean isRegistrationOverdue(LocalDate today) {
        return state == AppealState.RECEIVED && today.isAfter(registrationDueOn);
    }

    private boolean missed(AppealTerm term, LocalDate dueOn) {
        return missedTerms.stream().anyMatch(missed -> missed.term() == term && missed.dueOn().equals(dueOn));
    }

    /**
     * The deadline check records the answer term as missed when it sees no answer after the due day; a step entered
     * afterwards from paper, dated on or before that day (an answer, an extension, a redirect, a decision to leave
     * without answer), shows that it was not missed: the record goes, and the withdrawal is published.
     */
    private void withdrawAnswerMissDisprovedBy(LocalDate stepOn) {
        LocalDate dueOn = answerDueOn;
        if (dueOn == null || stepOn.isAfter(dueOn) || !missed(AppealTerm.ANSWER, dueOn)) {
            return;
        }
        missedTerms.removeIf(missed -> missed.term() == AppealTerm.ANSWER && missed.dueOn().equals(dueOn));
        record(version -> new AppealTermMissWithdrawn(id, version, state, category, territory, AppealTerm.ANSWER,
                dueOn, stepOn));
    }

    private void missTerm(AppealTerm term, LocalDate dueOn, LocalDate recordedOn) {
        if (missed(term, dueOn)) {
            return;
        }
        missedTerms.add(new MissedTerm(term, dueOn, recordedOn));
        record(version -> new AppealTermMissed(id, version, state, category, territory, term, dueOn,
                recordedOn));
    }

    /**
     * The day the retention period of the citizen's details runs from: the day of the answer, or, for an appeal
     * without an answer (redirected, left without answer, never finished), the day of its last step.
     */
    public LocalDate retentionFrom() {
        if (answer != null) {
            return answer.answeredOn();
        }
        return java.util.stream.Stream.of(receivedOn, registeredOn,
                        assignment == null ? null : assignment.assignedOn(),
                        extension == null ? null : extension.decidedOn(),
                        extension == null ? null : extension.citizenNotifiedOn(),
                        redirect == null ? null : redirect.redirectedOn(),
                        redirect == null ? null : redirect.citizenNotifiedOn(),
                        withoutAnswer == null ? null : withoutAnswer.decidedOn(),
                        closing == null ? null : closing.closedOn())
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(receivedOn);
    }

    /**
     * The personal data the appeal holds now, as the fields of its answer name them: the citizen's name, address,
     * phone and e-mail, the text of the appeal and the text of the answer (addressed to the citizen). Empty once erased.
     */
    public List<String> personalDataFields() {
        List<String> fields = new ArrayList<>();
        if (citizen != null) {
            addIf(fields, "citizen.fullName", citizen.fullName());
            addIf(fields, "citizen.postalAddress", citizen.postalAddress());
            addIf(fields, "citizen.phone", citizen.phone());
            addIf(fields, "citizen.email", citizen.email());
        }
        addIf(fields, "text", text);
        addIf(fields, "answer.text", answer == null ? null : answer.text());
        return fields;
    }

    private static void addIf(List<String> fields, String field, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(field);
        }
    }

    /**
     * Erases the citizen's details, the digest that recognises him, and the texts, after the retention period
     * (152-FZ art. 5 p. 7); counts, category, territory, dates and terms stay for the reports. Returns the fields that
     * held data; nothing when already erased. Raises no event: the contract events never carried personal data.
     */
    public List<String> erasePersonalData(LocalDate today) {
        if (erasedOn != null) {
            return List.of();
        }
        List<String> fields = personalDataFields();
        citizen = new Citizen(null, null, null, null);
        citizenKey = null;
        text = null;
        if (answer != null) {
            answer = answer.withoutText();
        }
        erasedOn = today;
        return fields;
    }

    private void requireState(String action, AppealState... allowed) {
        if (!Set.of(allowed).contains(state)) {
            throw new StateConflictException("error.appeal-transition",
                    new DefaultMessageSourceResolvable("appeal.action." + action),
                    new DefaultMessageSourceResolvable("appeal.state." + state));
        }
    }

    public AppealChannel channel() { return channel; }

    public LocalDate receivedOn() { return receivedOn; }

    public LocalDate registeredOn() { return registeredOn; }

    public String registeredBy() { return registeredBy; }

    public String registeredByUsername() { return registeredByUsername; }

    public LocalDate erasedOn() { return erasedOn; }

    public LocalDate registrationDueOn() { return registrationDueOn; }

    public LocalDate answerDueOn() { return answerDueOn; }

    public LocalDate redirectDueOn() { return redirectDueOn; }

    public Citizen citizen() { return citizen; }

    public String citizenKey() { return citizenKey; }

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
