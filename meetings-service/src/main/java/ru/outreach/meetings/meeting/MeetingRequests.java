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

    record AgreeVenue(@NotNull LocalDate agreedOn, @Size(max = 300) String agreedWith) {
    }

    record Announce(@NotNull LocalDate announcedOn, @NotEmpty List<@NotNull Channel> channels,
                    @Size(max = 1000) String details) {
    }

    @Schema(name = "RescheduleMeetingRequest", description = "A new time and/or venue for the meeting, with the reason")
    record Reschedule(@NotNull LocalDateTime scheduledAt, @Valid Venue venue,
                      @NotBlank @Size(max = 1000) String reason) {
    }

    record Cancel(@NotBlank @Size(max = 1000) String reason) {
    }

    record Hold(@NotNull LocalDateTime heldAt,
                @NotNull @PositiveOrZero @Max(100_000) Integer residentsAttended,
                List<@NotBlank @Size(max = 300) String> officialsPresent) {

        Hold {
            officialsPresent = officialsPresent == null ? List.of() : List.copyOf(officialsPresent);
        }
    }
}
