package ru.outreach.appeals.appeal;

import static ru.outreach.testkit.StepDateRefusals.assertFutureRefused;
import static ru.outreach.testkit.StepDateRefusals.assertStepRefused;

import ru.outreach.appeals.staff.By;

import ru.outreach.events.appeals.AppealState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

import ru.outreach.appeals.appeal.Appeal.Receipt;
import ru.outreach.appeals.appeal.Appeal.Registration;
import ru.outreach.appeals.appeal.AppealRecords.AnswerForm;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.appeals.appeal.AppealRecords.Citizen;
import ru.outreach.appeals.appeal.AppealRecords.Ground;
import ru.outreach.appeals.appeal.AppealRecords.MissedTerm;
import ru.outreach.events.appeals.AppealTerm;
import ru.outreach.appeals.terms.Terms;
import ru.outreach.appeals.terms.TermsProperties;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.appeals.AppealsEvent.AppealAnswered;
import ru.outreach.events.appeals.AppealsEvent.AppealAssigned;
import ru.outreach.events.appeals.AppealsEvent.AppealClosed;
import ru.outreach.events.appeals.AppealsEvent.AppealExtended;
import ru.outreach.events.appeals.AppealsEvent.AppealLeftWithoutAnswer;
import ru.outreach.events.appeals.AppealsEvent.AppealReceived;
import ru.outreach.events.appeals.AppealsEvent.AppealRedirected;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissWithdrawn;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissed;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;

class AppealTest {

    private static final Terms TERMS = new Terms(TermsProperties.law());
    private static final By BY_CLERK = new By("Орлова Наталья", "clerk", "Общий отдел");
    private static final LocalDate FRI_27_FEB = LocalDate.of(2026, 2, 27);
    private static final LocalDate MON_2_MAR = LocalDate.of(2026, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String HOUSING = "Жилищно-коммунальное хозяйство";
    private static final Citizen PETROVA = new Citizen("Петрова Анна Сергеевна", "ул. Шахтёрская, 3, кв. 7",
            "+7 900 111-22-33", null);

    @Test
    void registrationComputesEveryTerm() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);

        assertThat(appeal.state()).isEqualTo(AppealState.REGISTERED);
        assertThat(appeal.registrationDueOn()).isEqualTo(MON_2_MAR);
        assertThat(appeal.answerDueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(appeal.redirectDueOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(appeal.answerRequired()).isTrue();
        assertThat(appeal.missedTerms()).isEmpty();
        assertThat(events(appeal)).singleElement().isInstanceOfSatisfying(AppealRegistered.class, registered -> {
            assertThat(registered.answerDueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(registered.version()).isEqualTo(1);
            assertThat(registered.categoryName()).isEqualTo(HOUSING);
            assertThat(registered.toString()).doesNotContain("Петрова", "Шахтёрская", "111-22-33", "Протекает");
        });
    }

    @Test
    void aLateRegistrationRecordsTheMissedTerm() {
        Appeal appeal = Appeal.register("a-1", BY_CLERK, new Registration(AppealChannel.POST, FRI_27_FEB, MON_2_MAR.plusDays(1),
                PETROVA, "Протекает крыша", "HOUSING", "Северный", false, null, null), null, HOUSING, TERMS, TODAY);

        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.REGISTRATION, MON_2_MAR,
                MON_2_MAR.plusDays(1)));
        assertThat(events(appeal)).hasSize(2).last().isInstanceOf(AppealTermMissed.class);
        assertThat(appeal.answerDueOn()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void registrationBeforeReceiptOrAReceiptAfterTodayIsRefused() {
        assertStepRefused(() -> Appeal.register("a-1", BY_CLERK, new Registration(AppealChannel.POST, MON_2_MAR, FRI_27_FEB,
                PETROVA, "т", "HOUSING", "Северный", false, null, null), null, HOUSING, TERMS, TODAY),
                "registeredOn", "registration", "27.02.2026", "receipt", "02.03.2026");
        assertFutureRefused(() -> Appeal.register("a-1", BY_CLERK, new Registration(AppealChannel.POST, TODAY.plusDays(1),
                TODAY.plusDays(1), PETROVA, "т", "HOUSING", "Северный", false, null, null), null, HOUSING, TERMS,
                TODAY), "receivedOn", "receipt", "02.06.2026", "01.06.2026");
    }

    @Test
    void noAnswerIsRequiredWithoutANameOrAPostalAddress() {
        assertThat(register(AppealChannel.POST, new Citizen(null, "ул. Мира, 5", null, null), false).answerRequired())
                .isFalse();
        assertThat(register(AppealChannel.POST, new Citizen("Иванов", null, "+7 900", "i@example.ru"), false)
                .answerRequired()).isFalse();
        assertThat(register(AppealChannel.ELECTRONIC, new Citizen("Иванов", null, null, "i@example.ru"), false)
                .answerRequired()).isTrue();
    }

    @Test
    void answeredAndClosedWithinTheTerm() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY);
        appeal.answer("Крыша отремонтирована", LocalDate.of(2026, 3, 20), By.named("Козлов А."), AnswerForm.WRITTEN, false,
                TODAY);
        appeal.close(LocalDate.of(2026, 3, 21), By.named("Общий отдел"), TODAY);

        assertThat(appeal.state()).isEqualTo(AppealState.CLOSED);
        assertThat(appeal.answer().late()).isFalse();
        assertThat(events(appeal)).extracting(Object::getClass).containsExactly(AppealRegistered.class,
                AppealAssigned.class, AppealAnswered.class, AppealClosed.class);
        assertThat(appeal.version()).isEqualTo(4);
    }

    @Test
    void aLateAnswerRecordsTheMissedTerm() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY);

        appeal.answer("Ответ", LocalDate.of(2026, 4, 2), By.named("Козлов А."), AnswerForm.WRITTEN, false, TODAY);

        assertThat(appeal.answer().late()).isTrue();
        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.ANSWER, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 2)));
    }

    @Test
    void anOralAnswerOnlyAtAReceptionWithConsent() {
        Appeal letter = register(AppealChannel.POST, PETROVA, false);
        letter.assign("Управление ЖКХ", MON_2_MAR, TODAY);
        Appeal card = register(AppealChannel.PERSONAL_RECEPTION, PETROVA, false);
        card.assign("Управление ЖКХ", MON_2_MAR, TODAY);

        assertThatThrownBy(() -> letter.answer("Устно", MON_2_MAR, By.named("Козлов"), AnswerForm.ORAL, true, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("form"));
        assertThatThrownBy(() -> card.answer("Устно", MON_2_MAR, By.named("Козлов"), AnswerForm.ORAL, false, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("citizenConsentedToOral"));
        card.answer("Устно разъяснено", MON_2_MAR, By.named("Козлов"), AnswerForm.ORAL, true, TODAY);
        assertThat(card.answer().citizenConsentedToOral()).isTrue();
        assertThat(events(card).getLast()).isInstanceOfSatisfying(AppealAnswered.class,
                answered -> assertThat(answered.oral()).isTrue());
    }

    @Test
    void oneExtensionOfAtMostThirtyDaysWithTheCitizenNotified() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY);

        assertThatThrownBy(() -> appeal.extend(31, "Нужна экспертиза", LocalDate.of(2026, 3, 25),
                LocalDate.of(2026, 3, 25), TERMS, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("days"));
        assertThatThrownBy(() -> appeal.extend(30, "Поздно", LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2),
                TERMS, TODAY)).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("decidedOn"));
        appeal.extend(30, "Нужна экспертиза", LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 26), TERMS, TODAY);

        assertThat(appeal.answerDueOn()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(appeal.extension().previousAnswerDueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(appeal.extension().citizenNotifiedOn()).isEqualTo(LocalDate.of(2026, 3, 26));
        assertThat(events(appeal).getLast()).isInstanceOf(AppealExtended.class);
        assertThatThrownBy(() -> appeal.extend(5, "Ещё раз", LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 20),
                TERMS, TODAY)).isInstanceOf(StateConflictException.class)
                .hasMessage("error.appeal-already-extended");
    }

    @Test
    void aRedirectAfterSevenDaysIsRecordedAsLate() {
        Appeal onTime = register(AppealChannel.POST, PETROVA, false);
        Appeal late = register(AppealChannel.POST, PETROVA, false);

        onTime.redirect("Прокуратура города", LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9), TODAY);
        late.redirect("Прокуратура города", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), TODAY);

        assertThat(onTime.state()).isEqualTo(AppealState.REDIRECTED);
        assertThat(onTime.missedTerms()).isEmpty();
        assertThat(late.redirect().late()).isTrue();
        assertThat(late.missedTerms()).extracting(MissedTerm::term).containsExactly(AppealTerm.REDIRECT);
        assertThat(events(late)).extracting(Object::getClass).containsExactly(AppealRegistered.class,
                AppealRedirected.class, AppealTermMissed.class);
    }

    @Test
    void aRedirectNeedsTheCitizenNotifiedWhenThereIsAnAddress() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);

        assertThatThrownBy(() -> appeal.redirect("Прокуратура", MON_2_MAR, null, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("citizenNotifiedOn"));
    }

    @Test
    void anAnonymousAppealIsLeftWithoutAnswerButOneReportingACrimeIsForwarded() {
        Citizen anonymous = new Citizen(null, null, null, null);
        Appeal plain = register(AppealChannel.POST, anonymous, false);
        Appeal crime = register(AppealChannel.POST, anonymous, true);

        plain.leaveWithoutAnswer(Ground.NO_NAME_OR_ADDRESS, null, MON_2_MAR, TODAY);
        assertThatThrownBy(() -> crime.leaveWithoutAnswer(Ground.NO_NAME_OR_ADDRESS, null, MON_2_MAR, TODAY))
                .isInstanceOf(StateConflictException.class).hasMessage("error.crime-report-must-be-forwarded");
        crime.redirect("ОМВД России по городу", MON_2_MAR, null, TODAY);

        assertThat(plain.state()).isEqualTo(AppealState.LEFT_WITHOUT_ANSWER);
        assertThat(events(plain).getLast()).isInstanceOfSatisfying(AppealLeftWithoutAnswer.class,
                left -> assertThat(left.ground()).isEqualTo("NO_NAME_OR_ADDRESS"));
        assertThat(crime.state()).isEqualTo(AppealState.REDIRECTED);
    }

    @Test
    void anAppealWithNameAndAddressCannotBeLeftForLackOfThem() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);

        assertThatThrownBy(() -> appeal.leaveWithoutAnswer(Ground.NO_NAME_OR_ADDRESS, null, MON_2_MAR, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("ground"));
        appeal.leaveWithoutAnswer(Ground.OFFENSIVE_LANGUAGE, "нецензурная брань", MON_2_MAR, TODAY);
        assertThat(appeal.withoutAnswer().ground()).isEqualTo(Ground.OFFENSIVE_LANGUAGE);
    }

    @Test
    void invalidTransitionsAreRefused() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);

        assertThatThrownBy(() -> appeal.answer("т", MON_2_MAR, By.named("к"), AnswerForm.WRITTEN, false, TODAY))
                .isInstanceOf(StateConflictException.class).hasMessage("error.appeal-transition");
        assertThatThrownBy(() -> appeal.close(MON_2_MAR, By.named("о"), TODAY)).isInstanceOf(StateConflictException.class);
        appeal.redirect("Прокуратура", MON_2_MAR, MON_2_MAR, TODAY);
        assertThatThrownBy(() -> appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThat(events(appeal)).hasSize(2);
    }

    @Test
    void anAnswerBeforeRegistrationOrInTheFutureIsRefused() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY);

        assertThatThrownBy(() -> appeal.answer("т", FRI_27_FEB, By.named("к"), AnswerForm.WRITTEN, false, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("answeredOn"));
        assertThatThrownBy(() -> appeal.answer("т", TODAY.plusDays(1), By.named("к"), AnswerForm.WRITTEN, false, TODAY))
                .isInstanceOf(RuleViolationException.class).hasMessage("error.step-date-in-future");
    }

    @Test
    void theAnswerTermIsRecordedMissedOnceWhenItPassesUnanswered() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);

        assertThat(appeal.checkTerms(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(appeal.isOverdue(LocalDate.of(2026, 4, 2))).isTrue();
        assertThat(appeal.checkTerms(LocalDate.of(2026, 4, 2))).isTrue();
        assertThat(appeal.checkTerms(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.ANSWER, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 2)));
    }

    @Test
    void anAnswerEnteredLaterFromPaperWithinTheTermWithdrawsTheMissTheCheckRecorded() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY);
        appeal.checkTerms(LocalDate.of(2026, 4, 2));

        appeal.answer("Ответ", LocalDate.of(2026, 3, 30), By.named("к"), AnswerForm.WRITTEN, false, TODAY);

        assertThat(appeal.missedTerms()).isEmpty();
        assertThat(events(appeal)).filteredOn(AppealTermMissWithdrawn.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AppealTermMissWithdrawn.class, withdrawn -> {
                    assertThat(withdrawn.term()).isEqualTo(AppealTerm.ANSWER);
                    assertThat(withdrawn.dueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
                    assertThat(withdrawn.stepOn()).isEqualTo(LocalDate.of(2026, 3, 30));
                });
    }

    @Test
    void aLateAnswerOrAnExtensionDecidedAfterTheTermKeepsTheMiss() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY);
        appeal.checkTerms(LocalDate.of(2026, 4, 2));

        appeal.answer("Ответ", LocalDate.of(2026, 4, 3), By.named("к"), AnswerForm.WRITTEN, false, TODAY);

        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.ANSWER, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 2)));
        assertThat(events(appeal)).noneMatch(AppealTermMissWithdrawn.class::isInstance);
    }

    @Test
    void anExtensionEnteredLaterFromPaperWithinTheTermWithdrawsTheMissOfTheOldDueDay() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.checkTerms(LocalDate.of(2026, 4, 2));

        appeal.extend(30, "Выезд на место", LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 25), TERMS, TODAY);

        assertThat(appeal.missedTerms()).isEmpty();
        assertThat(appeal.answerDueOn()).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    void theSameCitizenIsRecognisedDespiteSpellingOfCaseAndSpaces() {
        String key = CitizenKey.of(PETROVA);

        assertThat(CitizenKey.of(new Citizen("петрова  анна сергеевна", "Ул. Шахтерская 3 кв 7", null, null)))
                .isEqualTo(key);
        assertThat(CitizenKey.of(new Citizen("Петрова Анна Сергеевна", "ул. Мира, 5", null, null))).isNotEqualTo(key);
        assertThat(CitizenKey.of(new Citizen(null, "ул. Мира, 5", null, null))).isNull();
    }

    @Test
    void aRepeatedAppealIsMarked() {
        Appeal appeal = Appeal.register("a-2", BY_CLERK, new Registration(AppealChannel.POST, FRI_27_FEB, MON_2_MAR, PETROVA,
                "Опять протекает", "HOUSING", "Северный", false, null, null), "a-1", HOUSING, TERMS, TODAY);

        assertThat(appeal.repeated()).isTrue();
        assertThat(appeal.previousAppealId()).isEqualTo("a-1");
        assertThat(events(appeal).getFirst()).isInstanceOfSatisfying(AppealRegistered.class,
                registered -> assertThat(registered.repeated()).isTrue());
    }

    // --- the registration queue: appeals taken at a meeting ---

    @Test
    void anAppealTakenAtAMeetingIsReceivedOnTheMeetingDayAndWaitsForRegistration() {
        Appeal appeal = receive();

        assertThat(appeal.state()).isEqualTo(AppealState.RECEIVED);
        assertThat(appeal.receivedOn()).isEqualTo(FRI_27_FEB);
        assertThat(appeal.registrationDueOn()).isEqualTo(MON_2_MAR);
        assertThat(appeal.registeredOn()).isNull();
        assertThat(appeal.answerDueOn()).isNull();
        assertThat(appeal.isOverdue(TODAY)).as("no answer term before registration").isFalse();
        assertThat(appeal.isRegistrationOverdue(MON_2_MAR)).isFalse();
        assertThat(appeal.isRegistrationOverdue(MON_2_MAR.plusDays(1))).isTrue();
        assertThat(events(appeal)).singleElement().isInstanceOfSatisfying(AppealReceived.class, received -> {
            assertThat(received.state()).isEqualTo(AppealState.RECEIVED);
            assertThat(received.channel()).isEqualTo(AppealChannel.PERSONAL_RECEPTION);
            assertThat(received.receivedOn()).isEqualTo(FRI_27_FEB);
            assertThat(received.registrationDueOn()).isEqualTo(MON_2_MAR);
            assertThat(received.sourceMeetingId()).isEqualTo("m-1");
            assertThat(received.categoryName()).isEqualTo(HOUSING);
            assertThat(received.version()).isEqualTo(1);
            assertThat(received.toString()).doesNotContain("Петрова", "Шахтёрская", "111-22-33", "Протекает");
        });
    }

    @Test
    void registeringAReceivedAppealRunsTheTermsFromTheDayOfRegistration() {
        Appeal appeal = receive();

        appeal.registerReceived(MON_2_MAR, By.named("Общий отдел, Сидорова"), null, HOUSING, TERMS, TODAY);

        assertThat(appeal.state()).isEqualTo(AppealState.REGISTERED);
        assertThat(appeal.registeredOn()).isEqualTo(MON_2_MAR);
        assertThat(appeal.registeredBy()).isEqualTo("Общий отдел, Сидорова");
        assertThat(appeal.answerDueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(appeal.redirectDueOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(appeal.missedTerms()).as("registered on the last day of the term").isEmpty();
        assertThat(appeal.isRegistrationOverdue(TODAY)).isFalse();
        assertThat(events(appeal)).extracting(Object::getClass).containsExactly(AppealReceived.class,
                AppealRegistered.class);
        assertThat(events(appeal).getLast()).isInstanceOfSatisfying(AppealRegistered.class, registered -> {
            assertThat(registered.receivedOn()).isEqualTo(FRI_27_FEB);
            assertThat(registered.registeredOn()).isEqualTo(MON_2_MAR);
            assertThat(registered.registrationDueOn()).isEqualTo(MON_2_MAR);
            assertThat(registered.answerDueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(registered.sourceMeetingId()).isEqualTo("m-1");
            assertThat(registered.categoryName()).isEqualTo(HOUSING);
            assertThat(registered.version()).isEqualTo(2);
            assertThat(registered.toString()).doesNotContain("Сидорова", "Петрова");
        });
    }

    @Test
    void aReceivedAppealIsNotRegisteredBeforeItsReceiptNorAfterToday() {
        Appeal appeal = receive();

        assertStepRefused(() -> appeal.registerReceived(FRI_27_FEB.minusDays(1), null, null, HOUSING, TERMS, TODAY),
                "registeredOn", "registration", "26.02.2026", "receipt", "27.02.2026");
        assertFutureRefused(() -> appeal.registerReceived(TODAY.plusDays(1), null, null, HOUSING, TERMS, TODAY),
                "registeredOn", "registration", "02.06.2026", "01.06.2026");
        assertThat(appeal.state()).isEqualTo(AppealState.RECEIVED);
        assertThat(events(appeal)).hasSize(1);
    }

    @Test
    void aLateRegistrationOfAReceivedAppealRecordsTheMissedTerm() {
        Appeal appeal = receive();

        appeal.registerReceived(MON_2_MAR.plusDays(2), null, "a-0", HOUSING, TERMS, TODAY);

        assertThat(appeal.repeated()).isTrue();
        assertThat(appeal.answerDueOn()).isEqualTo(MON_2_MAR.plusDays(32));
        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.REGISTRATION, MON_2_MAR,
                MON_2_MAR.plusDays(2)));
        assertThat(events(appeal)).extracting(Object::getClass).containsExactly(AppealReceived.class,
                AppealRegistered.class, AppealTermMissed.class);
    }

    @Test
    void theCheckRecordsNothingForAnAppealInTheRegistrationQueueItOnlyShowsItOverdue() {
        Appeal appeal = receive();

        assertThat(appeal.checkTerms(MON_2_MAR)).isFalse();
        assertThat(appeal.checkTerms(MON_2_MAR.plusDays(1))).isFalse();
        assertThat(appeal.checkTerms(TODAY)).isFalse();

        assertThat(appeal.isRegistrationOverdue(TODAY)).isTrue();
        assertThat(appeal.missedTerms()).isEmpty();
        assertThat(events(appeal)).extracting(Object::getClass).containsExactly(AppealReceived.class);
    }

    @Test
    void aLateRegistrationAfterTheChecksRecordsTheMissedTermExactlyOnce() {
        Appeal appeal = receive();
        appeal.checkTerms(MON_2_MAR.plusDays(1));
        appeal.checkTerms(MON_2_MAR.plusDays(2));

        appeal.registerReceived(MON_2_MAR.plusDays(3), null, null, HOUSING, TERMS, TODAY);

        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.REGISTRATION, MON_2_MAR,
                MON_2_MAR.plusDays(3)));
        assertThat(events(appeal)).filteredOn(AppealTermMissed.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AppealTermMissed.class, missed -> {
                    assertThat(missed.term()).isEqualTo(AppealTerm.REGISTRATION);
                    assertThat(missed.dueOn()).isEqualTo(MON_2_MAR);
                    assertThat(missed.recordedOn()).isEqualTo(MON_2_MAR.plusDays(3));
                });
        assertThat(appeal.checkTerms(MON_2_MAR.plusDays(4))).as("registered: no registration term to miss")
                .isFalse();
        assertThat(appeal.missedTerms()).hasSize(1);
    }

    @Test
    void aPaperRegistrationWithinTheTermEnteredAfterItPassedRecordsNoMissedTerm() {
        Appeal appeal = receive();
        assertThat(appeal.checkTerms(TODAY)).as("the term passed in real time").isFalse();

        appeal.registerReceived(MON_2_MAR, By.named("Общий отдел"), null, HOUSING, TERMS, TODAY);

        assertThat(appeal.registeredOn()).isEqualTo(MON_2_MAR);
        assertThat(appeal.isRegistrationOverdue(TODAY)).isFalse();
        assertThat(appeal.missedTerms()).isEmpty();
        assertThat(events(appeal)).extracting(Object::getClass).containsExactly(AppealReceived.class,
                AppealRegistered.class);
    }

    @Test
    void noStepButRegistrationIsTakenOnAReceivedAppeal() {
        Appeal appeal = receive();

        assertThatThrownBy(() -> appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY))
                .isInstanceOf(StateConflictException.class).hasMessage("error.appeal-transition");
        assertThatThrownBy(() -> appeal.extend(10, "r", MON_2_MAR, MON_2_MAR, TERMS, TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> appeal.redirect("Прокуратура", MON_2_MAR, MON_2_MAR, TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> appeal.leaveWithoutAnswer(Ground.UNREADABLE, null, MON_2_MAR, TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> appeal.answer("т", MON_2_MAR, By.named("к"), AnswerForm.WRITTEN, false, TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> appeal.close(MON_2_MAR, By.named("о"), TODAY)).isInstanceOf(StateConflictException.class);
        assertThat(events(appeal)).hasSize(1);

        appeal.registerReceived(MON_2_MAR, null, null, HOUSING, TERMS, TODAY);
        assertThatThrownBy(() -> appeal.registerReceived(MON_2_MAR, null, null, HOUSING, TERMS, TODAY))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.args())
                        .extracting(arg -> ((MessageSourceResolvable) arg).getCodes()[0])
                        .containsExactly("appeal.action.register", "appeal.state.REGISTERED"));
    }

    // --- every step on the day it happened, within its bounds ---

    @Test
    void eachStepOfAnAppealIsNotBeforeTheStepItFollows() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        LocalDate assigned = LocalDate.of(2026, 3, 5);

        assertStepRefused(() -> appeal.assign("Управление ЖКХ", FRI_27_FEB, TODAY), "assignedOn", "assignment",
                "27.02.2026", "registration", "02.03.2026");
        assertFutureRefused(() -> appeal.assign("Управление ЖКХ", TODAY.plusDays(1), TODAY), "assignedOn",
                "assignment", "02.06.2026", "01.06.2026");
        assertStepRefused(() -> appeal.extend(10, "r", FRI_27_FEB, MON_2_MAR, TERMS, TODAY), "decidedOn",
                "extension", "27.02.2026", "registration", "02.03.2026");
        assertStepRefused(() -> appeal.extend(10, "r", assigned, MON_2_MAR, TERMS, TODAY), "citizenNotifiedOn",
                "extension-notice", "02.03.2026", "extension", "05.03.2026");
        assertStepRefused(() -> appeal.redirect("Прокуратура", FRI_27_FEB, MON_2_MAR, TODAY), "redirectedOn",
                "redirect", "27.02.2026", "registration", "02.03.2026");
        assertStepRefused(() -> appeal.redirect("Прокуратура", MON_2_MAR, FRI_27_FEB, TODAY), "citizenNotifiedOn",
                "redirect-notice", "27.02.2026", "registration", "02.03.2026");
        assertStepRefused(() -> appeal.leaveWithoutAnswer(Ground.UNREADABLE, null, FRI_27_FEB, TODAY), "decidedOn",
                "without-answer", "27.02.2026", "registration", "02.03.2026");
        assertThat(events(appeal)).hasSize(1);

        appeal.assign("Управление ЖКХ", assigned, TODAY);
        assertStepRefused(() -> appeal.answer("т", MON_2_MAR, By.named("к"), AnswerForm.WRITTEN, false, TODAY), "answeredOn",
                "answer", "02.03.2026", "assignment", "05.03.2026");
        appeal.answer("Ответ", LocalDate.of(2026, 3, 20), By.named("Козлов"), AnswerForm.WRITTEN, false, TODAY);
        assertStepRefused(() -> appeal.close(LocalDate.of(2026, 3, 19), By.named("о"), TODAY), "closedOn", "closing",
                "19.03.2026", "answer", "20.03.2026");
        assertFutureRefused(() -> appeal.close(TODAY.plusDays(1), By.named("о"), TODAY), "closedOn", "closing",
                "02.06.2026", "01.06.2026");
        appeal.close(LocalDate.of(2026, 3, 20), By.named("о"), TODAY);
        assertThat(appeal.closing().closedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void anExtensionDecidedAfterTheAnswerTermNamesBothDates() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);

        assertThatThrownBy(() -> appeal.extend(10, "r", LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2), TERMS,
                TODAY)).isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("decidedOn");
                    assertThat(e.code()).isEqualTo("error.extension-after-term");
                    assertThat(e.args()).containsExactly("02.04.2026", "01.04.2026");
                });
    }



    @Test
    void theRetentionRunsFromTheAnswerOrTheLastStepAndErasureKeepsWhatReportsNeed() {
        Appeal answered = register(AppealChannel.POST, PETROVA, false);
        answered.assign("Управление ЖКХ", MON_2_MAR, TODAY);
        answered.answer("Ответ Петровой", LocalDate.of(2026, 3, 20), BY_CLERK, AnswerForm.WRITTEN, false, TODAY);
        answered.close(LocalDate.of(2026, 3, 25), BY_CLERK, TODAY);
        assertThat(answered.retentionFrom()).as("the answer, not the closing").isEqualTo(LocalDate.of(2026, 3, 20));
        Appeal redirected = register(AppealChannel.POST, PETROVA, false);
        redirected.redirect("Прокуратура", MON_2_MAR.plusDays(3), MON_2_MAR.plusDays(4), TODAY);
        assertThat(redirected.retentionFrom()).as("the last step").isEqualTo(MON_2_MAR.plusDays(4));
        long version = answered.version();

        List<String> fields = answered.erasePersonalData(TODAY);

        assertThat(fields).containsExactly("citizen.fullName", "citizen.postalAddress", "citizen.phone", "text",
                "answer.text");
        assertThat(answered.citizen().fullName()).isNull();
        assertThat(answered.citizenKey()).isNull();
        assertThat(answered.text()).isNull();
        assertThat(answered.answer().text()).isNull();
        assertThat(answered.answer().answeredOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(answered.category()).isEqualTo("HOUSING");
        assertThat(answered.erasedOn()).isEqualTo(TODAY);
        assertThat(answered.personalDataFields()).isEmpty();
        assertThat(answered.version()).as("no event").isEqualTo(version);
        assertThat(answered.erasePersonalData(TODAY.plusDays(1))).as("once").isEmpty();
        assertThat(answered.erasedOn()).isEqualTo(TODAY);
    }

    private static Appeal receive() {
        return Appeal.receive("m-1:RC1", new Receipt(AppealChannel.PERSONAL_RECEPTION, FRI_27_FEB, PETROVA,
                "Протекает крыша", "HOUSING", "Северный", "m-1", "RC1"), HOUSING, TERMS);
    }

    private static Appeal register(AppealChannel channel, Citizen citizen, boolean crime) {
        return Appeal.register("a-1", BY_CLERK, new Registration(channel, FRI_27_FEB, MON_2_MAR, citizen, "Протекает крыша",
                "HOUSING", "Северный", crime, null, null), null, HOUSING, TERMS, TODAY);
    }

    private static List<ContractEvent> events(Appeal appeal) {
        return appeal.pendingEvents();
    }
}
