package ru.outreach.meetings.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.outreach.meetings.Messages.english;
import static ru.outreach.meetings.Messages.russian;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.events.ContractEvent;
import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;
import ru.outreach.events.meetings.MeetingsEvent.MeetingResultsPublished;
import ru.outreach.events.meetings.MeetingsEvent.MinutesCounts;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.events.meetings.MeetingsEvent.MinutesRecorded;
import ru.outreach.events.meetings.MeetingsEvent.MinutesSigned;
import ru.outreach.events.meetings.MeetingsEvent.ProposalEvaluated;
import ru.outreach.meetings.minutes.MinutesContent.Citizen;
import ru.outreach.meetings.minutes.MinutesContent.Instruction;
import ru.outreach.meetings.minutes.MinutesContent.Proposal;
import ru.outreach.events.meetings.ProposalOutcome;
import ru.outreach.meetings.minutes.MinutesContent.Question;
import ru.outreach.meetings.minutes.MinutesContent.ReceptionCard;
import ru.outreach.meetings.minutes.MinutesContent.Remark;
import ru.outreach.meetings.minutes.MinutesContent.WrittenAppeal;
import ru.outreach.meetings.group.Staff;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;

class MinutesTest {

    private static final Staff BY = new Staff("secretary1", "Анна Петрова");
    private static final Staff CONTROLLER = new Staff("controller", "Татьяна Егорова");
    private static final LocalDate HELD_ON = LocalDate.of(2026, 5, 6);
    private static final LocalDate SIGNED_ON = HELD_ON.plusDays(1);
    private static final LocalDate DUE_ON = LocalDate.of(2026, 5, 14);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final HeldMeeting MEETING = new HeldMeeting("m-1", "g-1", "Западный", HELD_ON, DUE_ON);

    @Test
    void aDraftNumbersItsItemsAndRecordsOnlyCounts() {
        Minutes minutes = Minutes.draft(MEETING, content(), BY);

        assertThat(minutes.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(minutes.content().receptionCards()).extracting(ReceptionCard::id).containsExactly("RC1", "RC2");
        assertThat(minutes.content().instructions()).extracting(Instruction::id).containsExactly("I1");
        assertThat(minutes.content().proposals()).extracting(Proposal::id).containsExactly("P1");
        assertThat(events(minutes)).singleElement().isInstanceOfSatisfying(MinutesRecorded.class, recorded ->
                assertThat(recorded.counts()).isEqualTo(new MinutesCounts(1, 1, 1, 2, 1, 1)));
    }

    @Test
    void signingHandsTheCardsAppealsAndInstructionsOn() {
        Minutes minutes = Minutes.draft(MEETING, content(), BY);

        minutes.sign("Иванов И.И.", BY, HELD_ON.plusDays(1), TODAY);

        assertThat(minutes.status()).isEqualTo(MinutesStatus.SIGNED);
        List<ContractEvent> events = events(minutes);
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isInstanceOf(MinutesSigned.class);
        assertThat(events.get(2)).isInstanceOfSatisfying(MeetingIntakeReleased.class, intake -> {
            assertThat(intake.version()).isEqualTo(3);
            assertThat(intake.meetingId()).isEqualTo("m-1");
            assertThat(intake.territory()).isEqualTo("Западный");
            assertThat(intake.receptionCards()).extracting(card -> card.itemId() + ":" + card.citizen().fullName())
                    .containsExactly("RC1:Петрова Анна Сергеевна", "RC2:Сидоров Пётр");
            assertThat(intake.writtenAppeals()).singleElement().satisfies(appeal ->
                    assertThat(appeal.citizen().postalAddress()).isEqualTo("ул. Мира, 5"));
            assertThat(intake.instructions()).singleElement().satisfies(instruction -> {
                assertThat(instruction.itemId()).isEqualTo("I1");
                assertThat(instruction.executorDepartment()).isEqualTo("Управление ЖКХ");
                assertThat(instruction.dueOn()).isEqualTo(LocalDate.of(2026, 6, 15));
            });
        });
    }

    @Test
    void minutesWithoutCardsAppealsOrInstructionsHandNothingOn() {
        Minutes minutes = Minutes.draft(MEETING, new MinutesContent(
                List.of(new Question(null, "Когда отремонтируют дорогу?", "В июле")), null, null, null, null, null), BY);

        minutes.sign("Иванов И.И.", BY, HELD_ON, TODAY);

        assertThat(events(minutes)).noneMatch(MeetingIntakeReleased.class::isInstance);
    }

    @Test
    void signedMinutesCannotBeChanged() {
        Minutes minutes = Minutes.draft(MEETING, content(), BY);
        minutes.sign("Иванов И.И.", BY, HELD_ON, TODAY);

        assertThatThrownBy(() -> minutes.redraft(content(), BY)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> minutes.sign("Иванов И.И.", BY, HELD_ON, TODAY)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void onlySignedMinutesPrintAsTheProtocol() {
        Minutes draft = Minutes.draft(MEETING, content(), BY);
        Minutes signed = signed();
        Minutes handedOver = signed();
        handedOver.handOver(DUE_ON, CONTROLLER, TODAY);

        assertThatThrownBy(draft::requirePrintable).isInstanceOfSatisfying(StateConflictException.class, refusal -> {
            assertThat(russian(refusal)).isEqualTo("Нельзя распечатать протокол: протокол ещё не подписан.");
            assertThat(english(refusal)).isEqualTo("Cannot print the protocol: the minutes are not signed yet.");
        });
        signed.requirePrintable();
        handedOver.requirePrintable();
    }

    @Test
    void aHandOverOnTheDueDayIsOnTime() {
        Minutes minutes = signed();

        minutes.handOver(DUE_ON, CONTROLLER, TODAY);

        assertThat(minutes.handOver().late()).isFalse();
        assertThat(events(minutes)).last().isInstanceOfSatisfying(MinutesHandedOver.class, event -> {
            assertThat(event.dueOn()).isEqualTo(DUE_ON);
            assertThat(event.late()).isFalse();
        });
    }

    @Test
    void aLateHandOverIsRecordedAsLateNotRefused() {
        Minutes minutes = signed();

        minutes.handOver(DUE_ON.plusDays(1), CONTROLLER, TODAY);

        assertThat(minutes.status()).isEqualTo(MinutesStatus.HANDED_OVER);
        assertThat(minutes.handOver().late()).isTrue();
        assertThat(minutes.isOverdue(TODAY)).as("handed over, so no longer overdue").isFalse();
    }

    @Test
    void unsignedMinutesCannotBeHandedOverAndAreOverdueAfterTheDueDay() {
        Minutes minutes = Minutes.draft(MEETING, content(), BY);

        assertThatThrownBy(() -> minutes.handOver(DUE_ON, CONTROLLER, TODAY)).isInstanceOf(StateConflictException.class);
        assertThat(minutes.isOverdue(DUE_ON)).isFalse();
        assertThat(minutes.isOverdue(DUE_ON.plusDays(1))).isTrue();
    }

    @Test
    void aHandOverBeforeTheSignatureIsRefusedNamingBothDates() {
        Minutes minutes = signed();

        assertThatThrownBy(() -> minutes.handOver(HELD_ON, CONTROLLER, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("handedOverOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата передачи протокола 06.05.2026 раньше даты подписания 07.05.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The hand-over date 06.05.2026 is before the signing date 07.05.2026.");
                });
        assertThat(minutes.status()).isEqualTo(MinutesStatus.SIGNED);
    }

    @Test
    void aHandOverOnTheSigningDayIsAcceptedAndWithoutADayIsDatedToday() {
        Minutes sameDay = signed();
        Minutes undated = signed();

        sameDay.handOver(SIGNED_ON, CONTROLLER, TODAY);
        undated.handOver(null, CONTROLLER, TODAY);

        assertThat(sameDay.handOver().handedOverOn()).isEqualTo(SIGNED_ON);
        assertThat(undated.handOver().handedOverOn()).isEqualTo(TODAY);
        assertThat(undated.handOver().late()).as("today is after the due day").isTrue();
        assertThat(events(undated)).last().isInstanceOfSatisfying(MinutesHandedOver.class,
                event -> assertThat(event.handedOverOn()).isEqualTo(TODAY));
    }

    @Test
    void aHandOverAfterTodayIsRefused() {
        Minutes minutes = signed();

        assertThatThrownBy(() -> minutes.handOver(TODAY.plusDays(1), CONTROLLER, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(russian(e)).isEqualTo(
                        "Дата передачи протокола 02.06.2026 ещё не наступила: сегодня 01.06.2026."));
    }

    @Test
    void minutesSignedBeforeTheMeetingAreRefusedNamingBothDates() {
        Minutes minutes = Minutes.draft(MEETING, content(), BY);

        assertThatThrownBy(() -> minutes.sign("Иванов И.И.", BY, HELD_ON.minusDays(1), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("signedOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата подписания 05.05.2026 раньше даты проведения встречи 06.05.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The signing date 05.05.2026 is before the meeting date 06.05.2026.");
                });
        assertThat(minutes.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(events(minutes)).hasSize(1);
    }

    @Test
    void minutesSignedAfterTodayAreRefusedAndWithoutADayAreSignedToday() {
        Minutes later = Minutes.draft(MEETING, content(), BY);
        Minutes undated = Minutes.draft(MEETING, content(), BY);

        assertThatThrownBy(() -> later.sign("Иванов И.И.", BY, TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(russian(e)).isEqualTo(
                        "Дата подписания 02.06.2026 ещё не наступила: сегодня 01.06.2026."));
        undated.sign("Иванов И.И.", BY, null, TODAY);

        assertThat(undated.signature().signedOn()).isEqualTo(TODAY);
        assertThat(events(undated).get(1)).isInstanceOfSatisfying(MinutesSigned.class,
                event -> assertThat(event.signedOn()).isEqualTo(TODAY));
    }

    @Test
    void aProposalEvaluatedBeforeTheSignatureIsRefusedNamingBothDates() {
        Minutes minutes = signed();

        assertThatThrownBy(() -> minutes.evaluateProposal("P1", ProposalOutcome.ACCEPTED, HELD_ON, BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("evaluatedOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата оценки предложения 06.05.2026 раньше даты подписания 07.05.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The proposal evaluation date 06.05.2026 is before the signing date 07.05.2026.");
                });
        assertThatThrownBy(() -> minutes.evaluateProposal("P1", ProposalOutcome.ACCEPTED, TODAY.plusDays(1), BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(russian(e)).isEqualTo(
                        "Дата оценки предложения 02.06.2026 ещё не наступила: сегодня 01.06.2026."));
        assertThat(minutes.content().proposals()).singleElement().satisfies(p -> assertThat(p.outcome()).isNull());
    }

    @Test
    void aProposalEvaluatedWithoutADayIsEvaluatedToday() {
        Minutes minutes = signed();

        minutes.evaluateProposal("P1", ProposalOutcome.REJECTED, null, BY, TODAY);

        assertThat(events(minutes)).last().isInstanceOfSatisfying(ProposalEvaluated.class,
                event -> assertThat(event.evaluatedOn()).isEqualTo(TODAY));
    }

    @Test
    void resultsPublishedBeforeTheMeetingOrAfterTodayAreRefusedNamingTheDates() {
        Minutes minutes = signed();

        assertThatThrownBy(() -> minutes.publishResults(HELD_ON.minusDays(1), "сайт", BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("publishedOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата размещения итогов 05.05.2026 раньше даты проведения встречи 06.05.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The results publication date 05.05.2026 is before the meeting date 06.05.2026.");
                });
        assertThatThrownBy(() -> minutes.publishResults(TODAY.plusDays(1), "сайт", BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(russian(e)).isEqualTo(
                        "Дата размещения итогов 02.06.2026 ещё не наступила: сегодня 01.06.2026."));
        assertThat(minutes.resultsPublication()).isNull();
    }

    @Test
    void resultsMayBePublishedOnTheMeetingDayBeforeTheSignatureAndWithoutADayAreDatedToday() {
        Minutes onTheDay = signed();
        Minutes undated = signed();

        onTheDay.publishResults(HELD_ON, "https://example.ru/news/1", BY, TODAY);
        undated.publishResults(null, "https://example.ru/news/2", BY, TODAY);

        assertThat(onTheDay.resultsPublication().publishedOn()).isEqualTo(HELD_ON);
        assertThat(undated.resultsPublication().publishedOn()).isEqualTo(TODAY);
        assertThat(events(undated)).last().isInstanceOfSatisfying(MeetingResultsPublished.class,
                event -> assertThat(event.publishedOn()).isEqualTo(TODAY));
    }

    @Test
    void proposalsAreEvaluatedAfterSigning() {
        Minutes minutes = Minutes.draft(MEETING, content(), BY);
        assertThatThrownBy(() -> minutes.evaluateProposal("P1", ProposalOutcome.ACCEPTED, TODAY, BY, TODAY))
                .isInstanceOf(StateConflictException.class);
        minutes.sign("Иванов И.И.", BY, HELD_ON, TODAY);

        minutes.evaluateProposal("P1", ProposalOutcome.INCLUDED_IN_PLAN, TODAY, BY, TODAY);

        assertThat(minutes.content().proposals()).singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(ProposalOutcome.INCLUDED_IN_PLAN));
        assertThat(events(minutes)).last().isInstanceOfSatisfying(ProposalEvaluated.class,
                e -> assertThat(e.outcome()).isEqualTo(ProposalOutcome.INCLUDED_IN_PLAN));
        assertThatThrownBy(() -> minutes.evaluateProposal("P9", ProposalOutcome.ACCEPTED, TODAY, BY, TODAY))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void resultsArePublishedOnce() {
        Minutes minutes = signed();

        minutes.publishResults(TODAY, "https://example.ru/news/1", BY, TODAY);

        assertThat(minutes.resultsPublication().publishedWhere()).isEqualTo("https://example.ru/news/1");
        assertThatThrownBy(() -> minutes.publishResults(TODAY, "газета", BY, TODAY))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void anInstructionDueBeforeTheMeetingIsRefusedNamingIt() {
        MinutesContent content = new MinutesContent(null, null, null, null, null,
                List.of(new Instruction(null, "Починить свет", "Управление ЖКХ", HELD_ON.minusDays(1))));

        assertThatThrownBy(() -> Minutes.draft(MEETING, content, BY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("instructions[0].dueOn");
                    assertThat(russian(e)).isEqualTo("Срок поручения 05.05.2026 раньше даты встречи 06.05.2026.");
                });
    }

    @Test
    void theLeaderSignsTheSecretaryEntersAndTheyAreKeptApart() {
        Minutes minutes = signed();

        assertThat(minutes.signature().signedBy()).isEqualTo("Иванов И.И.");
        assertThat(minutes.signature().enteredBy()).isEqualTo(BY);
        assertThat(minutes.recordedBy()).isEqualTo(BY);
        minutes.handOver(DUE_ON, CONTROLLER, TODAY);
        assertThat(minutes.handOver().receivedBy()).isEqualTo("Татьяна Егорова");
        assertThat(minutes.handOver().receivedByUsername()).isEqualTo("controller");
    }

    @Test
    void theCitizensDetailsAreNamedByFieldAndCanBeLeftOut() {
        MinutesContent numbered = content().numbered();

        assertThat(numbered.citizenFields()).containsExactly("receptionCards[RC1].citizen.fullName",
                "receptionCards[RC1].citizen.postalAddress", "receptionCards[RC1].citizen.phone",
                "receptionCards[RC2].citizen.fullName", "writtenAppeals[WA1].citizen.fullName",
                "writtenAppeals[WA1].citizen.postalAddress", "writtenAppeals[WA1].citizen.email");
        MinutesContent without = numbered.withoutCitizens();
        assertThat(without.receptionCards()).extracting(ReceptionCard::citizen).containsOnlyNulls();
        assertThat(without.writtenAppeals()).extracting(WrittenAppeal::citizen).containsOnlyNulls();
        assertThat(without.receptionCards()).extracting(ReceptionCard::question)
                .containsExactly("Протекает крыша", "Яма на дороге");
        assertThat(without.citizenFields()).isEmpty();
        assertThat(without.counts()).isEqualTo(numbered.counts());
    }

    private static Minutes signed() {
        Minutes minutes = Minutes.draft(MEETING, content(), BY);
        minutes.sign("Иванов И.И.", BY, SIGNED_ON, TODAY);
        return minutes;
    }

    private static List<ContractEvent> events(Minutes minutes) {
        return minutes.pendingEvents();
    }

    static MinutesContent content() {
        return new MinutesContent(
                List.of(new Question(null, "Когда починят освещение?", "До конца месяца")),
                List.of(new Remark(null, "Мусор вывозят нерегулярно")),
                List.of(new Proposal(null, "Установить детскую площадку", null, null, null)),
                List.of(new ReceptionCard(null, new Citizen("Петрова Анна Сергеевна", "ул. Шахтёрская, 3",
                                "+7 900 000-00-01", null), "Протекает крыша", "HOUSING"),
                        new ReceptionCard(null, new Citizen("Сидоров Пётр", null, null, null), "Яма на дороге",
                                "ROADS")),
                List.of(new WrittenAppeal(null, new Citizen("Кузнецова Мария", "ул. Мира, 5", null,
                        "m@example.ru"), "Просьба о ремонте тротуара", "ROADS")),
                List.of(new Instruction(null, "Проверить освещение на ул. Шахтёрской", "Управление ЖКХ",
                        LocalDate.of(2026, 6, 15))));
    }
}
