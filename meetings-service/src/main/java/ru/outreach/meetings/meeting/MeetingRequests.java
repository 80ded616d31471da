package ru.outreach.meetings.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import ru.outreach.meetings.meeting.MeetingRecords.Channel;

/** Bodies of the meeting endpoints. */
final class MeetingRequests {

    private MeetingRequests() {
    }

    record PlanMeeting(
            @NotBlank String groupId,
            @NotBlank @Size(max = 200) String territory,
            @NotNull @Valid Venue venue,
            @NotNull LocalDateTime scheduledAt,
            List<@NotBlank @Size(max = 300) String> invitedParticipants) {

        PlanMeeting {
            invitedParticipants = invitedParticipants == null ? List.of() : List.copyOf(invitedParticipants);
        }
    }

    /** {@code agreedOn}: the day the venue was agreed, today when not given. */
    record AgreeVenue(LocalDate agreedOn, @Size(max = 300) String agreedWith) {
    }

    /** {@code announcedOn}: the day the population was informed, today when not given. */
    record Announce(LocalDate announcedOn, @NotEmpty List<@NotNull Channel> channels,
                    @Size(max = 1000) String details) {
    }

    /** {@code rescheduledOn}: the day the move was decided, today when not given. */
    @Schema(name = "RescheduleMeetingRequest", description = "A new time and/or venue for the meeting, with the reason")
    record RescheduleMeeting(@NotNull LocalDateTime scheduledAt, @Valid Venue venue,
                             @NotBlank @Size(max = 1000) String reason, LocalDate rescheduledOn) {
    }

    /** {@code cancelledOn}: the day the meeting was cancelled, today when not given. */
    record Cancel(@NotBlank @Size(max = 1000) String reason, LocalDate cancelledOn) {
    }

    /** {@code heldAt} is essential: the day and time the meeting took place. */
    record Hold(@NotNull LocalDateTime heldAt,
                @NotNull @PositiveOrZero @Max(100_000) Integer residentsAttended,
                List<@NotBlank @Size(max = 300) String> officialsPresent) {

        Hold {
            officialsPresent = officialsPresent == null ? List.of() : List.copyOf(officialsPresent);
        }
    }
}
