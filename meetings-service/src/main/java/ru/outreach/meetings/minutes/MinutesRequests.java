package ru.outreach.meetings.minutes;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.outreach.meetings.minutes.MinutesContent.ProposalOutcome;

/** Bodies of the minutes endpoints. */
final class MinutesRequests {

    private MinutesRequests() {
    }

    record Sign(@NotBlank @Size(max = 300) String signedBy, @NotNull LocalDate signedOn) {
    }

    /** The day defaults to today: the control department usually records the hand-over as it receives the minutes. */
    @Schema(name = "HandOverMinutesRequest", description = "When (today if absent) and by whom it was received")
    record HandOver(LocalDate handedOverOn, @Size(max = 300) String receivedBy) {
    }

    record EvaluateProposal(@NotNull ProposalOutcome outcome, LocalDate evaluatedOn) {
    }

    record PublishResults(@NotNull LocalDate publishedOn, @NotBlank @Size(max = 1000) String publishedWhere) {
    }
}
