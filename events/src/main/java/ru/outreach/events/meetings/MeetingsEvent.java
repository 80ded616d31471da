package ru.outreach.events.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import ru.outreach.events.ContractEvent;

/** Facts of information groups and their meetings, published on {@code meetings.v1}. No personal data. */
public sealed interface MeetingsEvent extends ContractEvent {

    /** The group: its id is the key of group events, and it is carried by every meeting event. */
    String groupId();

    /** @param formedOn the day the group was formed: the quarterly rule applies from its quarter on */
    record GroupRegistered(String groupId, long version, String name, List<String> territories, int memberCount,
                           LocalDate formedOn) implements MeetingsEvent {
        public String aggregateId() { return groupId; }
    }

    record GroupChanged(String groupId, long version, String name, List<String> territories, int memberCount,
                        LocalDate formedOn) implements MeetingsEvent {
        public String aggregateId() { return groupId; }
    }

    /** Meeting events: the meeting id is the key. */
    sealed interface MeetingEvent extends MeetingsEvent {
        String meetingId();

        String territory();

        default String aggregateId() { return meetingId(); }
    }

    record MeetingPlanned(String meetingId, long version, String groupId, String territory, String venue,
                          String venueKind, LocalDateTime scheduledAt, List<String> invitedParticipants)
            implements MeetingEvent {
    }

    record MeetingVenueAgreed(String meetingId, long version, String groupId, String territory, String venue,
                              LocalDate agreedOn) implements MeetingEvent {
    }

    record MeetingAnnounced(String meetingId, long version, String groupId, String territory, LocalDate announcedOn,
                            List<String> channels) implements MeetingEvent {
    }

    record MeetingRescheduled(String meetingId, long version, String groupId, String territory,
                              LocalDateTime previousScheduledAt, LocalDateTime scheduledAt, String venue,
                              String reason) implements MeetingEvent {
    }

    record MeetingCancelled(String meetingId, long version, String groupId, String territory,
                            LocalDateTime scheduledAt, LocalDate cancelledOn, String reason) implements MeetingEvent {
    }

    record MeetingHeld(String meetingId, long version, String groupId, String territory, LocalDateTime heldAt,
                       int residentsAttended, int officialsPresent, LocalDate minutesDueOn) implements MeetingEvent {
    }

    /**
     * Events of a meeting's minutes: an aggregate of its own (subject {@code minutes/ID}) with its own version
     * sequence. The key is still the meeting id, so a meeting's and its minutes' events stay in order together.
     */
    sealed interface MinutesEvent extends MeetingsEvent {
        String meetingId();

        String territory();

        default String aggregateId() { return meetingId(); }
    }

    /** The minutes' draft was recorded or replaced; counts only. */
    record MinutesRecorded(String meetingId, long version, String groupId, String territory, MinutesCounts counts)
            implements MinutesEvent {
    }

    record MinutesSigned(String meetingId, long version, String groupId, String territory, LocalDate heldOn,
                         LocalDate signedOn, MinutesCounts counts) implements MinutesEvent {
    }

    /** The signed minutes reached the control department; {@code late} when after {@code dueOn}. */
    record MinutesHandedOver(String meetingId, long version, String groupId, String territory, LocalDate heldOn,
                             LocalDate dueOn, LocalDate handedOverOn, boolean late) implements MinutesEvent {
    }

    record ProposalEvaluated(String meetingId, long version, String groupId, String territory, String proposalId,
                             ProposalOutcome outcome, LocalDate evaluatedOn) implements MinutesEvent {
    }

    record MeetingResultsPublished(String meetingId, long version, String groupId, String territory,
                                   LocalDate publishedOn, String publishedWhere) implements MinutesEvent {
    }

    /** How much the minutes hold, for reports. */
    record MinutesCounts(int questions, int remarks, int proposals, int receptionCards, int writtenAppeals,
                         int instructions) {
    }
}
