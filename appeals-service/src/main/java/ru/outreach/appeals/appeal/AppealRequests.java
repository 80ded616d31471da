package ru.outreach.appeals.appeal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.outreach.appeals.appeal.AppealRecords.AnswerForm;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.appeals.appeal.AppealRecords.Ground;

/** Bodies of the appeal endpoints. */
final class AppealRequests {

    /** What the OpenAPI document says of every "…By" field. */
    static final String SIGNED = "Ignored: who did the step comes from the access token (full name and username are"
            + " recorded). Accepted only when it names the signed-in person (full name, username or department);"
            + " anyone else is refused with 422.";

    private AppealRequests() {
    }

    /** Contact details; any of them may be missing (then no answer may be required, 59-FZ art. 11). */
    record CitizenInput(@Size(max = 300) String fullName, @Size(max = 500) String postalAddress,
                        @Size(max = 50) String phone, @Email @Size(max = 200) String email) {
    }

    /**
     * An appeal that arrived outside a meeting: by post, in person at the general department, electronically.
     *
     * @param registeredOn the day of registration; today when missing
     */
    record RegisterAppeal(@NotNull AppealChannel channel, @NotNull LocalDate receivedOn, LocalDate registeredOn,
                          @Valid CitizenInput citizen, @NotBlank @Size(max = 10_000) String text,
                          @NotBlank @Size(max = 100) String category, @NotBlank @Size(max = 200) String territory,
                          Boolean reportsCrime) {
    }

    /**
     * The general department registers an appeal of its queue.
     *
     * @param registeredOn the day of registration; today when missing
     * @param registeredBy ignored: the signed-in person is recorded; someone else is refused
     */
    record RegisterReceived(LocalDate registeredOn, @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String registeredBy) {
    }

    /** @param assignedOn the day it was sent to the executor; today when missing */
    record Assign(@NotBlank @Size(max = 300) String executorDepartment, LocalDate assignedOn) {
    }

    /** @param answeredOn the day of the answer; today when missing */
    record AnswerAppeal(@NotBlank @Size(max = 10_000) String text, LocalDate answeredOn,
                        @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String answeredBy, AnswerForm form,
                        Boolean citizenConsentedToOral) {
    }

    /** @param decidedOn and {@code citizenNotifiedOn}: today when missing */
    record Extend(@NotNull @Min(1) @Max(365) Integer days, @NotBlank @Size(max = 2000) String reason,
                  LocalDate decidedOn, LocalDate citizenNotifiedOn) {
    }

    /**
     * @param redirectedOn      today when missing
     * @param citizenNotifiedOn needed when the citizen gave a name and an address to answer to
     */
    record RedirectAppeal(@NotBlank @Size(max = 500) String competentBody, LocalDate redirectedOn,
                          LocalDate citizenNotifiedOn) {
    }

    /** @param decidedOn today when missing */
    record LeaveWithoutAnswer(@NotNull Ground ground, @Size(max = 2000) String note, LocalDate decidedOn) {
    }

    /** @param closedOn today when missing */
    @Schema(name = "CloseAppealRequest", description = "Takes the answered appeal off control")
    record Close(LocalDate closedOn, @Schema(deprecated = true, description = SIGNED) @Size(max = 300) String closedBy) {
    }
}
