package ru.outreach.meetings.meeting;

import ru.outreach.events.meetings.MeetingStatus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.outreach.events.meetings.MeetingsEvent.MeetingAnnounced;
import ru.outreach.events.meetings.MeetingsEvent.MeetingCancelled;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MeetingPlanned;
import ru.outreach.events.meetings.MeetingsEvent.MeetingRescheduled;
import ru.outreach.events.meetings.MeetingsEvent.MeetingVenueAgreed;
import ru.outreach.meetings.meeting.MeetingRecords.Announcement;
import ru.outreach.meetings.meeting.MeetingRecords.Cancellation;
import ru.outreach.meetings.meeting.MeetingRecords.Holding;
import ru.outreach.meetings.meeting.MeetingRecords.Reschedule;
import ru.outreach.meetings.meeting.MeetingRecords.VenueAgreement;
import ru.outreach.meetings.group.Staff;
import ru.outreach.kit.outbox.AggregateRoot;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;
import ru.outreach.kit.support.StepDates;

/**
 * An outreach meeting of an information group with the residents of a territory (regulation 3.1–3.7). Each step
 * checks the state, changes it and records the event; a step that the state does not allow is refused. Each step
 * carries the day it actually happened (a clerk may enter past paper records): never after today, never before the
 * step it follows.
 */
@Document("meetings")
public class Meeting extends AggregateRoot {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private String groupId;
    private String territory;
    private Venue venue;
    private LocalDateTime scheduledAt;
    /** The day the meeting takes (or took) place: the scheduled day, or the day it was held. Used for periods. */
    private LocalDate meetingDay;
    private List<String> invitedParticipants;
    private MeetingStatus status;
    private VenueAgreement venueAgreement;
    private Announcement announcement;
    private List<Reschedule> reschedules = new ArrayList<>();
    private Cancellation cancellation;
    private Holding holding;
    private LocalDate minutesDueOn;
    /** The secretary who planned the meeting, from his token. */
    private Staff plannedBy;

    private Meeting() {
    }

    static Meeting plan(String id, String groupId, String territory, Venue venue, LocalDateTime scheduledAt,
                        List<String> invitedParticipants, Staff plannedBy) {
        Meeting meeting = new Meeting();
        meeting.plannedBy = plannedBy;
        meeting.id = id;
        meeting.groupId = groupId;
        meeting.territory = territory;
        meeting.venue = venue;
        meeting.scheduledAt = scheduledAt;
        meeting.meetingDay = scheduledAt.toLocalDate();
        meeting.invitedParticipants = List.copyOf(invitedParticipants);
        meeting.status = MeetingStatus.PLANNED;
        meeting.record(version -> new MeetingPlanned(id, version, groupId, territory, venue.name(),
                venue.kind().name(), scheduledAt, meeting.invitedParticipants));
        return meeting;
    }

    /**
     * Regulation 3.6.2: the secretary agrees the venue with the building's administration, on {@code agreedOn}
     * (today when null), not before the meeting was last moved.
     */
    void agreeVenue(LocalDate agreedOn, String agreedWith, Staff by, LocalDate today) {
        requireStatus("agree-venue", MeetingStatus.PLANNED, MeetingStatus.RESCHEDULED);
        if (venueAgreement != null) {
            throw new StateConflictException("error.venue-already-agreed");
        }
        LocalDate day = StepDates.orToday(agreedOn, today);
        Step previous = lastStep();
        StepDates.require("agreedOn", "venue-agreement", day, previous.code(), previous.day(), today);
        venueAgreement = new VenueAgreement(day, agreedWith, by);
        status = MeetingStatus.VENUE_AGREED;
        record(version -> new MeetingVenueAgreed(id, version, groupId, territory, venue.name(), day));
    }

    /**
     * Regulations 3.7, 3.8.1: the population is informed, on the announcement's day (today when null), not before the
     * venue was agreed or the meeting last moved.
     */
    void announce(Announcement announced, LocalDate today) {
        requireStatus("announce", MeetingStatus.VENUE_AGREED, MeetingStatus.RESCHEDULED, MeetingStatus.PLANNED);
        if (venueAgreement == null) {
            throw new StateConflictException("error.venue-not-agreed");
        }
        Announcement made = new Announcement(StepDates.orToday(announced.announcedOn(), today), announced.channels(),
                announced.details(), announced.enteredBy());
        Step previous = lastStep();
        StepDates.require("announcedOn", "announcement", made.announcedOn(), previous.code(), previous.day(), today);
        announcement = made;
        status = MeetingStatus.ANNOUNCED;
        record(version -> new MeetingAnnounced(id, version, groupId, territory, made.announcedOn(),
                made.channels().stream().map(Enum::name).toList()));
    }

    /**
     * Moves the meeting, as decided on {@code rescheduledOn} (today when null), not before the step before; the
     * history is kept. A new venue must be agreed again,
     * and a moved meeting must be announced again.
     */
    void reschedule(LocalDateTime newScheduledAt, Venue newVenue, String reason, LocalDate rescheduledOn, Staff by,
                    LocalDate today) {
        requireStatus("reschedule", MeetingStatus.PLANNED, MeetingStatus.VENUE_AGREED, MeetingStatus.ANNOUNCED,
                MeetingStatus.RESCHEDULED);
        Venue target = newVenue == null ? venue : newVenue;
        if (newScheduledAt.equals(scheduledAt) && target.equals(venue)) {
            throw new RuleViolationException("scheduledAt", "error.reschedule-unchanged");
        }
        LocalDate day = StepDates.orToday(rescheduledOn, today);
        Step last = lastStep();
        StepDates.require("rescheduledOn", "rescheduling", day, last.code(), last.day(), today);
        LocalDateTime previous = scheduledAt;
        reschedules.add(new Reschedule(previous, newScheduledAt, venue, target, reason, day, by));
        if (!target.equals(venue)) {
            venueAgreement = null;
        }
        venue = target;
        scheduledAt = newScheduledAt;
        meetingDay = newScheduledAt.toLocalDate();
        announcement = null;
        status = MeetingStatus.RESCHEDULED;
        record(version -> new MeetingRescheduled(id, version, groupId, territory, previous, newScheduledAt,
                target.name(), reason));
    }

    /** Cancels the meeting on {@code cancelledOn} (today when null), not before the step before. */
    void cancel(String reason, LocalDate cancelledOn, Staff by, LocalDate today) {
        requireStatus("cancel", MeetingStatus.PLANNED, MeetingStatus.VENUE_AGREED, MeetingStatus.ANNOUNCED,
                MeetingStatus.RESCHEDULED);
        LocalDate day = StepDates.orToday(cancelledOn, today);
        Step last = lastStep();
        StepDates.require("cancelledOn", "cancellation", day, last.code(), last.day(), today);
        cancellation = new Cancellation(reason, day, by);
        status = MeetingStatus.CANCELLED;
        record(version -> new MeetingCancelled(id, version, groupId, territory, scheduledAt, day, reason));
    }

    /**
     * The meeting took place, not later than {@code now} and not before the day it was announced; the minutes are due
     * {@code minutesDueOn} (regulation 3.6.9).
     */
    void hold(Holding held, LocalDate minutesDueOn, LocalDateTime now) {
        requireStatus("hold", MeetingStatus.ANNOUNCED);
        StepDates.require("heldAt", "holding", held.heldAt().toLocalDate(), "announcement",
                announcement.announcedOn(), now.toLocalDate());
        if (held.heldAt().isAfter(now)) {
            throw new RuleViolationException("heldAt", "error.held-in-future", TIME.format(held.heldAt()),
                    TIME.format(now));
        }
        holding = held;
        this.minutesDueOn = minutesDueOn;
        meetingDay = held.heldAt().toLocalDate();
        status = MeetingStatus.HELD;
        record(version -> new MeetingHeld(id, version, groupId, territory, held.heldAt(), held.residentsAttended(),
                held.officialsPresent().size(), minutesDueOn));
    }

    private void requireStatus(String action, MeetingStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new StateConflictException("error.meeting-transition",
                    new DefaultMessageSourceResolvable("meeting.action." + action),
                    new DefaultMessageSourceResolvable("meeting.status." + status));
        }
    }

    /**
     * The latest dated step so far (venue agreement, announcement or rescheduling), which the next step may not
     * precede; a meeting only planned has none, as planning is not dated.
     */
    private Step lastStep() {
        Step last = new Step(null, null);
        if (venueAgreement != null) {
            last = last.orLater(new Step("venue-agreement", venueAgreement.agreedOn()));
        }
        if (!reschedules.isEmpty()) {
            last = last.orLater(new Step("rescheduling", reschedules.getLast().rescheduledOn()));
        }
        if (announcement != null) {
            last = last.orLater(new Step("announcement", announcement.announcedOn()));
        }
        return last;
    }

    /** A dated step of the meeting: its message code (see {@link StepDates}) and its day. */
    private record Step(String code, LocalDate day) {

        /** The other step when it is on the same day or later, this one otherwise. */
        Step orLater(Step other) {
            return other.day() == null || day != null && other.day().isBefore(day) ? this : other;
        }
    }

    public String groupId() { return groupId; }

    public String territory() { return territory; }

    public Venue venue() { return venue; }

    public LocalDateTime scheduledAt() { return scheduledAt; }

    public LocalDate meetingDay() { return meetingDay; }

    public List<String> invitedParticipants() { return invitedParticipants; }

    public MeetingStatus status() { return status; }

    public boolean isHeld() { return status == MeetingStatus.HELD; }

    VenueAgreement venueAgreement() { return venueAgreement; }

    Announcement announcement() { return announcement; }

    List<Reschedule> reschedules() { return List.copyOf(reschedules); }

    Cancellation cancellation() { return cancellation; }

    Holding holding() { return holding; }

    public LocalDate minutesDueOn() { return minutesDueOn; }

    Staff plannedBy() { return plannedBy; }

    /** When the meeting was held; fails for a meeting that was not held. */
    public LocalDateTime heldAt() {
        return Objects.requireNonNull(holding, "meeting not held").heldAt();
    }

    /** How many residents came; fails for a meeting that was not held. */
    public int residentsAttended() {
        return Objects.requireNonNull(holding, "meeting not held").residentsAttended();
    }

    /** The officials and invited participants who were present; fails for a meeting that was not held. */
    public List<String> officialsPresent() {
        List<String> present = Objects.requireNonNull(holding, "meeting not held").officialsPresent();
        return present == null ? List.of() : List.copyOf(present);
    }

    /** The day the meeting was held; fails for a meeting that was not held. */
    public LocalDate heldOn() {
        return Objects.requireNonNull(holding, "meeting not held").heldAt().toLocalDate();
    }

    @Override
    protected String subject() {
        return "meeting/" + id;
    }
}
