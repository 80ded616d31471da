package ru.outreach.meetings.minutes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.outreach.events.meetings.MeetingIntakeEvent;
import ru.outreach.events.meetings.MeetingIntakeEvent.InstructionOrder;
import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;
import ru.outreach.events.meetings.MeetingsEvent.MeetingResultsPublished;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.events.meetings.MeetingsEvent.MinutesRecorded;
import ru.outreach.events.meetings.MeetingsEvent.MinutesSigned;
import ru.outreach.events.meetings.MeetingsEvent.ProposalEvaluated;
import ru.outreach.meetings.minutes.MinutesContent.Citizen;
import ru.outreach.meetings.minutes.MinutesContent.Proposal;
import ru.outreach.events.meetings.ProposalOutcome;
import ru.outreach.meetings.group.Staff;
import ru.outreach.kit.outbox.AggregateRoot;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;
import ru.outreach.kit.support.StepDates;

/**
 * The minutes of one held meeting (their id is the meeting's). A draft can be replaced until the leader signs it;
 * signed minutes are handed to the control department, late or not, and their results published. Each step carries
 * the day it actually happened: never after today, never before the step it follows.
 */
@Document("minutes")
public class Minutes extends AggregateRoot {

    private String groupId;
    private String territory;
    private LocalDate heldOn;
    private LocalDate dueOn;
    private MinutesStatus status;
    private MinutesContent content;
    private Signature signature;
    private HandOver handOver;
    private ResultsPublication resultsPublication;
    /** The secretary who last recorded the draft, from his token. */
    private Staff recordedBy;

    /**
     * The leader signs (regulation 3.5.7), the secretary enters the signature: {@code signedBy} is the leader of the
     * group as its register names him, {@code enteredBy} the secretary from his token.
     */
    record Signature(String signedBy, LocalDate signedOn, Staff enteredBy) {
    }

    /** {@code receivedBy}: the full name of the control department's member who received them, from his token. */
    record HandOver(LocalDate handedOverOn, String receivedBy, boolean late, String receivedByUsername) {
    }

    /** {@code publishedBy}: the general department's member who recorded the publication, from his token. */
    record ResultsPublication(LocalDate publishedOn, String publishedWhere, Staff publishedBy) {
    }

    private Minutes() {
    }

    static Minutes draft(HeldMeeting meeting, MinutesContent content, Staff by) {
        Minutes minutes = new Minutes();
        minutes.id = meeting.meetingId();
        minutes.groupId = meeting.groupId();
        minutes.territory = meeting.territory();
        minutes.heldOn = meeting.heldOn();
        minutes.dueOn = meeting.minutesDueOn();
        minutes.status = MinutesStatus.DRAFT;
        minutes.replace(content, by);
        return minutes;
    }

    void redraft(MinutesContent changed, Staff by) {
        requireStatus("record", MinutesStatus.DRAFT);
        replace(changed, by);
    }

    private void replace(MinutesContent changed, Staff by) {
        changed.instructions().stream().filter(instruction -> instruction.dueOn().isBefore(heldOn)).findFirst()
                .ifPresent(instruction -> {
                    throw new RuleViolationException("instructions[" + changed.instructions().indexOf(instruction)
                            + "].dueOn", "error.instruction-due-before-meeting", StepDates.format(instruction.dueOn()),
                            StepDates.format(heldOn));
                });
        content = changed.numbered();
        recordedBy = by;
        record(version -> new MinutesRecorded(id, version, groupId, territory, content.counts()));
    }

    /**
     * Regulation 3.5.7: the leader signs on {@code signedOn} (today when null), not before the meeting; from then on
     * the minutes do not change and their intake is handed on.
     */
    void sign(String leader, Staff enteredBy, LocalDate signedOn, LocalDate today) {
        requireStatus("sign", MinutesStatus.DRAFT);
        LocalDate day = StepDates.orToday(signedOn, today);
        StepDates.require("signedOn", "signing", day, "holding", heldOn, today);
        signature = new Signature(leader, day, enteredBy);
        status = MinutesStatus.SIGNED;
        record(version -> new MinutesSigned(id, version, groupId, territory, heldOn, day, content.counts()));
        if (hasIntake()) {
            record(version -> new MeetingIntakeReleased(id, version, groupId, territory, heldOn,
                    content.receptionCards().stream().map(card -> new MeetingIntakeEvent.ReceptionCard(
                            card.id(), citizen(card.citizen()), card.question(), card.category())).toList(),
                    content.writtenAppeals().stream().map(appeal -> new MeetingIntakeEvent.WrittenAppeal(
                            appeal.id(), citizen(appeal.citizen()), appeal.summary(), appeal.category())).toList(),
                    content.instructions().stream().map(instruction -> new InstructionOrder(instruction.id(),
                            instruction.text(), instruction.executorDepartment(), instruction.dueOn())).toList()));
        }
    }

    /**
     * Regulation 3.6.9: signed minutes are handed over on {@code handedOverOn} (today when null), not before they were
     * signed; a hand-over after the due day is recorded as late, not refused.
     */
    void handOver(LocalDate handedOverOn, Staff receivedBy, LocalDate today) {
        requireStatus("hand-over", MinutesStatus.SIGNED);
        LocalDate day = StepDates.orToday(handedOverOn, today);
        StepDates.require("handedOverOn", "hand-over", day, "signing", signature.signedOn(), today);
        boolean late = day.isAfter(dueOn);
        handOver = new HandOver(day, receivedBy.fullName(), late, receivedBy.username());
        status = MinutesStatus.HANDED_OVER;
        record(version -> new MinutesHandedOver(id, version, groupId, territory, heldOn, dueOn, day, late));
    }

    /**
     * A proposal of the signed minutes is accepted, rejected or included in a plan on {@code evaluatedOn} (today when
     * null), not before the signature; a later decision replaces an earlier one.
     */
    void evaluateProposal(String proposalId, ProposalOutcome outcome, LocalDate evaluatedOn, Staff by,
                          LocalDate today) {
        requireStatus("evaluate", MinutesStatus.SIGNED, MinutesStatus.HANDED_OVER);
        LocalDate day = StepDates.orToday(evaluatedOn, today);
        StepDates.require("evaluatedOn", "evaluation", day, "signing", signature.signedOn(), today);
        Proposal proposal = content.proposals().stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("error.proposal-not-found", proposalId));
        List<Proposal> proposals = content.proposals().stream()
                .map(p -> p == proposal ? p.evaluated(outcome, day, by) : p).toList();
        content = new MinutesContent(content.questions(), content.remarks(), proposals, content.receptionCards(),
                content.writtenAppeals(), content.instructions());
        record(version -> new ProposalEvaluated(id, version, groupId, territory, proposalId, outcome,
                day));
    }

    /**
     * Regulation 3.8.7: the results of the meeting are published on the administration's site on {@code publishedOn}
     * (today when null), not before the meeting. The general department may publish them before the leader signs the minutes, so the day is bounded by
     * the meeting's, not the signature's; they are recorded once the minutes are signed.
     */
    void publishResults(LocalDate publishedOn, String publishedWhere, Staff by, LocalDate today) {
        requireStatus("publish", MinutesStatus.SIGNED, MinutesStatus.HANDED_OVER);
        if (resultsPublication != null) {
            throw new StateConflictException("error.results-already-published",
                    StepDates.format(resultsPublication.publishedOn()));
        }
        LocalDate day = StepDates.orToday(publishedOn, today);
        StepDates.require("publishedOn", "publication", day, "holding", heldOn, today);
        resultsPublication = new ResultsPublication(day, publishedWhere, by);
        record(version -> new MeetingResultsPublished(id, version, groupId, territory, day, publishedWhere));
    }

    /**
     * The minutes print as the protocol for the leader's signature on paper once they are signed (regulation 3.5.7,
     * 3.6.9); a draft may still change, so it does not print.
     */
    void requirePrintable() {
        requireStatus("print", MinutesStatus.SIGNED, MinutesStatus.HANDED_OVER);
    }

    /** Not handed over and past the due day. */
    boolean isOverdue(LocalDate today) {
        return status != MinutesStatus.HANDED_OVER && today.isAfter(dueOn);
    }

    private boolean hasIntake() {
        return !content.receptionCards().isEmpty() || !content.writtenAppeals().isEmpty()
                || !content.instructions().isEmpty();
    }

    private static MeetingIntakeEvent.Citizen citizen(Citizen citizen) {
        return new MeetingIntakeEvent.Citizen(citizen.fullName(), citizen.postalAddress(), citizen.phone(),
                citizen.email());
    }

    private void requireStatus(String action, MinutesStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new StateConflictException("error.minutes-transition",
                    new DefaultMessageSourceResolvable("minutes.action." + action),
                    new DefaultMessageSourceResolvable("minutes.status." + status));
        }
    }

    String groupId() { return groupId; }

    String territory() { return territory; }

    LocalDate heldOn() { return heldOn; }

    LocalDate dueOn() { return dueOn; }

    MinutesStatus status() { return status; }

    MinutesContent content() { return content; }

    Signature signature() { return signature; }

    HandOver handOver() { return handOver; }

    ResultsPublication resultsPublication() { return resultsPublication; }

    Staff recordedBy() { return recordedBy; }

    @Override
    protected String subject() {
        return "minutes/" + id;
    }
}
