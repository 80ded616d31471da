package ru.outreach.meetings.minutes;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.outreach.events.meetings.ProposalOutcome;

/** Bodies of the minutes endpoints. */
final class MinutesRequests {

    private MinutesRequests() {
    }

    /**
     * {@code signedOn}: the day the leader signed, today when not given. Who signed is the group's leader and who
     * entered it the secretary of the token; neither is in the body.
     */
    @Schema(name = "SignMinutesRequest", description = "When the leader signed (today if absent); the leader is the "
            + "group's, the secretary entering it is the signed-in one")
    record Sign(LocalDate signedOn) {
    }

    /**
     * The day defaults to today: the control department usually records the hand-over as it receives the minutes.
     * Whether it was late is computed, never entered.
     */
    @Schema(name = "HandOverMinutesRequest", description = "When it was received (today if absent); the receiver "
            + "is the signed-in member of the control department")
    record HandOverMinutes(LocalDate handedOverOn) {
    }

    /** {@code evaluatedOn}: the day of the decision, today when not given. */
    record EvaluateProposal(@NotNull ProposalOutcome outcome, LocalDate evaluatedOn) {
    }

    /** {@code publishedOn}: the day the results appeared, today when not given. */
    record PublishResults(LocalDate publishedOn, @NotBlank @Size(max = 1000) String publishedWhere) {
    }
}
