package ru.outreach.appeals.instruction;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.outreach.events.appeals.InstructionSource;

/** Bodies of the instruction endpoints. */
final class InstructionRequests {

    /** What the OpenAPI document says of every "…By" field. */
    static final String SIGNED = "Ignored: who did the step comes from the access token (full name and username are"
            + " recorded). Accepted only when it names the signed-in person (full name, username or department);"
            + " anyone else is refused with 422.";

    private InstructionRequests() {
    }

    /**
     * Given directly by the head or the control department, entered by the signed-in controller, who becomes its
     * controller. {@code issuedOn} is today when missing.
     */
    record IssueInstruction(@NotBlank @Size(max = 4000) String text,
                            @NotBlank @Size(max = 300) String executorDepartment,
                            List<@NotBlank @Size(max = 300) String> coExecutors,
                            @NotNull LocalDate dueOn,
                            @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String controller,
                            @NotNull InstructionSource source,
                            @Size(max = 200) String sourceId,
                            @Size(max = 200) String territory,
                            @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String issuedBy,
                            LocalDate issuedOn) {

        IssueInstruction {
            coExecutors = coExecutors == null ? List.of() : List.copyOf(coExecutors);
        }
    }

    record Accept(LocalDate acceptedOn) {
    }

    /** Every date of a step below is today when missing. */
    record ReportOn(@NotBlank @Size(max = 10_000) String text, LocalDate reportedOn,
                    @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String reportedBy) {
    }

    record ReturnForRework(@NotBlank @Size(max = 4000) String reason, LocalDate returnedOn,
                           @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String returnedBy) {
    }

    @Schema(name = "CloseInstructionRequest", description = "The controller takes the instruction off control")
    record Close(LocalDate closedOn, @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String closedBy) {
    }

    record RequestExtension(@NotBlank @Size(max = 4000) String reason, @NotNull LocalDate dueOn,
                            LocalDate requestedOn, @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String requestedBy) {
    }

    /** @param dueOn the new due date; the requested one when missing */
    record GrantExtension(LocalDate dueOn, LocalDate decidedOn, @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String decidedBy,
                          @Size(max = 4000) String comment) {
    }

    record RefuseExtension(LocalDate decidedOn, @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String decidedBy,
                           @NotBlank @Size(max = 4000) String comment) {
    }
}
