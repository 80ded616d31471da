package ru.outreach.meetings.minutes;

import ru.outreach.events.meetings.ProposalOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import ru.outreach.events.meetings.MeetingsEvent.MinutesCounts;
import ru.outreach.meetings.group.Staff;

/**
 * What the minutes record. Item ids are given by position when the draft is recorded (Q1, R1, P1, RC1, WA1, I1) and
 * stay fixed once the minutes are signed; the appeals service derives its ids from them.
 */
public record MinutesContent(
        List<@NotNull @Valid Question> questions,
        List<@NotNull @Valid Remark> remarks,
        List<@NotNull @Valid Proposal> proposals,
        List<@NotNull @Valid ReceptionCard> receptionCards,
        List<@NotNull @Valid WrittenAppeal> writtenAppeals,
        List<@NotNull @Valid Instruction> instructions) {

    private static final String READ_ONLY_ID = "Given by the service by position, e.g. RC1";

    public MinutesContent {
        questions = copy(questions);
        remarks = copy(remarks);
        proposals = copy(proposals);
        receptionCards = copy(receptionCards);
        writtenAppeals = copy(writtenAppeals);
        instructions = copy(instructions);
    }

    public record Question(@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = READ_ONLY_ID) String id,
                           @NotBlank @Size(max = 4000) String text, @Size(max = 4000) String answer) {
    }

    public record Remark(@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = READ_ONLY_ID) String id,
                         @NotBlank @Size(max = 4000) String text) {
    }


    public record Proposal(@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = READ_ONLY_ID) String id,
                           @NotBlank @Size(max = 4000) String text,
                           @Schema(accessMode = Schema.AccessMode.READ_ONLY) ProposalOutcome outcome,
                           @Schema(accessMode = Schema.AccessMode.READ_ONLY) LocalDate evaluatedOn,
                           @Schema(accessMode = Schema.AccessMode.READ_ONLY,
                                   description = "Who evaluated it, from the token") Staff evaluatedBy) {

        Proposal evaluated(ProposalOutcome newOutcome, LocalDate on, Staff by) {
            return new Proposal(id, text, newOutcome, on, by);
        }
    }

    /**
     * A citizen's contact details (personal data, 152-FZ); any of them may be missing. Answers carry them only to the
     * secretary of the group while the minutes are a draft; elsewhere the card's {@code citizen} is null and the
     * minutes say {@code personalDataWithheld}.
     */
    @Schema(description = "Personal data: in answers only to the group's secretary while the minutes are a draft, "
            + "null otherwise (personalDataWithheld)")
    public record Citizen(@Size(max = 300) String fullName, @Size(max = 500) String postalAddress,
                          @Size(max = 50) String phone, @Email @Size(max = 200) String email) {

        static List<String> fields(String prefix, Citizen citizen) {
            if (citizen == null) {
                return List.of();
            }
            List<String> fields = new java.util.ArrayList<>();
            if (citizen.fullName() != null) fields.add(prefix + ".fullName");
            if (citizen.postalAddress() != null) fields.add(prefix + ".postalAddress");
            if (citizen.phone() != null) fields.add(prefix + ".phone");
            if (citizen.email() != null) fields.add(prefix + ".email");
            return fields;
        }
    }

    /** Regulation 3.8.4: an oral appeal at the personal reception, written onto a card. */
    public record ReceptionCard(@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = READ_ONLY_ID) String id,
                                @NotNull @Valid Citizen citizen, @NotBlank @Size(max = 4000) String question,
                                @Size(max = 100) String category) {
    }

    public record WrittenAppeal(@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = READ_ONLY_ID) String id,
                                @NotNull @Valid Citizen citizen, @NotBlank @Size(max = 4000) String summary,
                                @Size(max = 100) String category) {
    }

    /** An instruction of the group leader to an executor department, with its due date. */
    public record Instruction(@Schema(accessMode = Schema.AccessMode.READ_ONLY, description = READ_ONLY_ID) String id,
                              @NotBlank @Size(max = 4000) String text,
                              @NotBlank @Size(max = 300) String executorDepartment,
                              @NotNull LocalDate dueOn) {
    }

    /** The same content with every item numbered by its position. */
    MinutesContent numbered() {
        return new MinutesContent(
                number(questions, "Q", (q, id) -> new Question(id, q.text(), q.answer())),
                number(remarks, "R", (r, id) -> new Remark(id, r.text())),
                number(proposals, "P", (p, id) -> new Proposal(id, p.text(), null, null, null)),
                number(receptionCards, "RC", (c, id) -> new ReceptionCard(id, c.citizen(), c.question(), c.category())),
                number(writtenAppeals, "WA", (a, id) -> new WrittenAppeal(id, a.citizen(), a.summary(), a.category())),
                number(instructions, "I", (i, id) -> new Instruction(id, i.text(), i.executorDepartment(), i.dueOn())));
    }

    /** The same content without the citizens' details: every card's and written appeal's {@code citizen} null. */
    MinutesContent withoutCitizens() {
        return new MinutesContent(questions, remarks, proposals,
                receptionCards.stream().map(c -> new ReceptionCard(c.id(), null, c.question(), c.category())).toList(),
                writtenAppeals.stream().map(a -> new WrittenAppeal(a.id(), null, a.summary(), a.category())).toList(),
                instructions);
    }

    /** The citizens' details the content holds, as paths: {@code receptionCards[RC1].citizen.phone}. */
    List<String> citizenFields() {
        List<String> fields = new java.util.ArrayList<>();
        receptionCards.forEach(card -> fields.addAll(Citizen.fields("receptionCards[" + card.id() + "].citizen",
                card.citizen())));
        writtenAppeals.forEach(appeal -> fields.addAll(Citizen.fields("writtenAppeals[" + appeal.id() + "].citizen",
                appeal.citizen())));
        return fields;
    }

    MinutesCounts counts() {
        return new MinutesCounts(questions.size(), remarks.size(), proposals.size(), receptionCards.size(),
                writtenAppeals.size(), instructions.size());
    }

    private static <T> List<T> number(List<T> items, String prefix, BiFunction<T, String, T> withId) {
        return IntStream.range(0, items.size()).mapToObj(i -> withId.apply(items.get(i), prefix + (i + 1))).toList();
    }

    private static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
