package ru.outreach.reporting.projection;

import ru.outreach.events.meetings.MeetingStatus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;

import ru.outreach.events.meetings.MeetingsEvent.MeetingAnnounced;
import ru.outreach.events.meetings.MeetingsEvent.MeetingCancelled;
import ru.outreach.events.meetings.MeetingsEvent.MeetingEvent;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MeetingPlanned;
import ru.outreach.events.meetings.MeetingsEvent.MeetingRescheduled;
import ru.outreach.events.meetings.MeetingsEvent.MeetingResultsPublished;
import ru.outreach.events.meetings.MeetingsEvent.MeetingVenueAgreed;
import ru.outreach.events.meetings.MeetingsEvent.MinutesCounts;
import ru.outreach.events.meetings.MeetingsEvent.MinutesEvent;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.events.meetings.MeetingsEvent.MinutesRecorded;
import ru.outreach.events.meetings.MeetingsEvent.MinutesSigned;
import ru.outreach.events.meetings.MeetingsEvent.ProposalEvaluated;

/**
 * A meeting and its minutes in one document, because the reports join them (minutes on time needs the meeting's due
 * day; minutes' counts go to the meeting's month). The two aggregates keep separate versions: {@code meeting/ID} and
 * {@code minutes/ID} events share the key but not the version sequence.
 *
 * @param evaluations  the latest outcome per proposal
 */
public record MeetingFacts(@Id String id, String groupId, String territory, long meetingVersion, MeetingStatus status,
                           LocalDateTime scheduledAt, LocalDate heldOn, Integer residentsAttended,
                           LocalDate minutesDueOn, long minutesVersion, LocalDate minutesHeldOn, LocalDate handedOverOn,
                           LocalDate handOverDueOn, MinutesCounts counts, List<Evaluation> evaluations,
                           List<PendingCell> pending) implements Facts {

    /** Outcomes that count as a proposal accepted: accepted, or included in the plan. */
    public static final Set<String> ACCEPTED = Set.of("ACCEPTED", "INCLUDED_IN_PLAN");

    public record Evaluation(String proposalId, String outcome) {
    }

    static MeetingFacts empty(String id) {
        return new MeetingFacts(id, null, null, 0, null, null, null, null, null, 0, null, null, null, null, List.of(),
                List.of());
    }

    /** The meeting's day: held, or else scheduled. */
    public LocalDate day() {
        if (heldOn != null) {
            return heldOn;
        }
        if (scheduledAt != null) {
            return scheduledAt.toLocalDate();
        }
        return minutesHeldOn;
    }

    /** The minutes' due day: from the meeting held, or from the hand-over. */
    public LocalDate dueOn() {
        return minutesDueOn != null ? minutesDueOn : handOverDueOn;
    }

    public boolean held() {
        return status == MeetingStatus.HELD || (status == null && minutesHeldOn != null);
    }

    public long proposalsAccepted() {
        return evaluations == null ? 0 : evaluations.stream().filter(e -> ACCEPTED.contains(e.outcome())).count();
    }

    /** Applies a {@code meeting/ID} event when newer than the meeting's version. */
    MeetingFacts applyMeeting(MeetingEvent event) {
        if (event.version() <= meetingVersion) {
            return this;
        }
        long v = event.version();
        String group = event.groupId();
        String where = event.territory();
        return switch (event) {
            case MeetingPlanned e -> meeting(v, group, where, MeetingStatus.PLANNED, e.scheduledAt(), heldOn, residentsAttended,
                    minutesDueOn);
            case MeetingVenueAgreed e -> meeting(v, group, where, MeetingStatus.VENUE_AGREED, scheduledAt, heldOn,
                    residentsAttended, minutesDueOn);
            case MeetingAnnounced e -> meeting(v, group, where, MeetingStatus.ANNOUNCED, scheduledAt, heldOn, residentsAttended,
                    minutesDueOn);
            case MeetingRescheduled e -> meeting(v, group, where, MeetingStatus.RESCHEDULED, e.scheduledAt(), heldOn,
                    residentsAttended, minutesDueOn);
            case MeetingCancelled e -> meeting(v, group, where, MeetingStatus.CANCELLED,
                    e.scheduledAt() != null ? e.scheduledAt() : scheduledAt, heldOn, residentsAttended, minutesDueOn);
            case MeetingHeld e -> meeting(v, group, where, MeetingStatus.HELD, scheduledAt, e.heldAt().toLocalDate(),
                    e.residentsAttended(), e.minutesDueOn());
            default -> meeting(v, group, where, status, scheduledAt, heldOn, residentsAttended, minutesDueOn);
        };
    }

    /** Applies a {@code minutes/ID} event when newer than the minutes' version. */
    MeetingFacts applyMinutes(MinutesEvent event) {
        if (event.version() <= minutesVersion) {
            return this;
        }
        long v = event.version();
        return switch (event) {
            case MinutesRecorded e -> minutes(v, event, minutesHeldOn, handedOverOn, handOverDueOn, e.counts(),
                    evaluations);
            case MinutesSigned e -> minutes(v, event, e.heldOn(), handedOverOn, handOverDueOn,
                    e.counts() != null ? e.counts() : counts, evaluations);
            case MinutesHandedOver e -> minutes(v, event, e.heldOn() != null ? e.heldOn() : minutesHeldOn,
                    e.handedOverOn(), e.dueOn(), counts, evaluations);
            case ProposalEvaluated e -> {
                List<Evaluation> latest = new ArrayList<>(evaluations == null ? List.of() : evaluations);
                latest.removeIf(x -> x.proposalId().equals(e.proposalId()));
                latest.add(new Evaluation(e.proposalId(), e.outcome() == null ? null : e.outcome().name()));
                yield minutes(v, event, minutesHeldOn, handedOverOn, handOverDueOn, counts, latest);
            }
            case MeetingResultsPublished e -> minutes(v, event, minutesHeldOn, handedOverOn, handOverDueOn, counts,
                    evaluations);
            default -> minutes(v, event, minutesHeldOn, handedOverOn, handOverDueOn, counts, evaluations);
        };
    }

    private MeetingFacts meeting(long v, String group, String where, MeetingStatus newStatus, LocalDateTime scheduled,
                                 LocalDate held, Integer residents, LocalDate due) {
        return new MeetingFacts(id, group != null ? group : groupId, where != null ? where : territory, v, newStatus,
                scheduled, held, residents, due, minutesVersion, minutesHeldOn, handedOverOn, handOverDueOn, counts,
                evaluations, pending);
    }

    private MeetingFacts minutes(long v, MinutesEvent event, LocalDate held, LocalDate handedOver, LocalDate due,
                                 MinutesCounts newCounts, List<Evaluation> newEvaluations) {
        return new MeetingFacts(id, groupId != null ? groupId : event.groupId(),
                territory != null ? territory : event.territory(), meetingVersion, status, scheduledAt, heldOn,
                residentsAttended, minutesDueOn, v, held, handedOver, due, newCounts, newEvaluations, pending);
    }

    @Override
    public MeetingFacts withPending(List<PendingCell> pending) {
        return new MeetingFacts(id, groupId, territory, meetingVersion, status, scheduledAt, heldOn, residentsAttended,
                minutesDueOn, minutesVersion, minutesHeldOn, handedOverOn, handOverDueOn, counts, evaluations,
                pending);
    }

    /**
     * Per group and month of the meeting's day: planned (every meeting), held, cancelled, residents and the minutes'
     * counts; per group and month of the minutes' due day: minutes handed over and handed over on time (on or before
     * it); per group and due day: minutes not handed over yet. Minutes are due in a report once handed over or once
     * their due day has passed: a cell that counted them as due on the day of the meeting would be wrong the next day
     * without any event, so the query adds the pending ones of the days before today.
     */
    @Override
    public Cells cells() {
        Cells cells = new Cells();
        LocalDate day = day();
        if (groupId == null || day == null) {
            return cells;
        }
        CellKey month = CellKey.of(Kinds.GROUP_CELLS, YearMonth.from(day).toString(), groupId);
        if (status != null) {
            cells.add(month, "planned", 1);
        }
        cells.add(month, "cancelled", status == MeetingStatus.CANCELLED ? 1 : 0);
        if (held()) {
            cells.add(month, "held", 1);
            cells.add(month, "residents", residentsAttended == null ? 0 : residentsAttended);
        }
        if (counts != null) {
            cells.add(month, "questions", counts.questions());
            cells.add(month, "remarks", counts.remarks());
            cells.add(month, "proposals", counts.proposals());
            cells.add(month, "receptionCards", counts.receptionCards());
            cells.add(month, "writtenAppeals", counts.writtenAppeals());
            cells.add(month, "instructions", counts.instructions());
        }
        cells.add(month, "proposalsAccepted", proposalsAccepted());
        LocalDate due = dueOn();
        if (held() && due != null) {
            if (handedOverOn != null) {
                CellKey dueMonth = CellKey.of(Kinds.GROUP_CELLS, YearMonth.from(due).toString(), groupId);
                cells.add(dueMonth, "minutesHandedOver", 1);
                cells.add(dueMonth, "minutesOnTime", !handedOverOn.isAfter(due) ? 1 : 0);
            } else {
                cells.add(CellKey.of(Kinds.GROUP_DAY_CELLS, due.toString(), groupId), "minutesPending", 1);
            }
        }
        return cells;
    }
}
