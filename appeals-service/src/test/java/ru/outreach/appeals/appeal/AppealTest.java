package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

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
import ru.outreach.events.appeals.AppealsEvent.AppealRedirected;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissed;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;

class AppealTest {

    private static final Terms TERMS = new Terms(TermsProperties.law());
    private static final LocalDate FRI_27_FEB = LocalDate.of(2026, 2, 27);
    private static final LocalDate MON_2_MAR = LocalDate.of(2026, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
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
            assertThat(registered.toString()).doesNotContain("Петрова", "Шахтёрская", "111-22-33", "Протекает");
        });
    }

    @Test
    void aLateRegistrationRecordsTheMissedTerm() {
        Appeal appeal = Appeal.register("a-1", new Registration(AppealChannel.POST, FRI_27_FEB, MON_2_MAR.plusDays(1),
                PETROVA, "Протекает крыша", "HOUSING", "Северный", false, null, null), null, TERMS);

        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.REGISTRATION, MON_2_MAR,
                MON_2_MAR.plusDays(1)));
        assertThat(events(appeal)).hasSize(2).last().isInstanceOf(AppealTermMissed.class);
        assertThat(appeal.answerDueOn()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void registrationBeforeReceiptIsRefused() {
        assertThatThrownBy(() -> Appeal.register("a-1", new Registration(AppealChannel.POST, MON_2_MAR, FRI_27_FEB,
                PETROVA, "т", "HOUSING", "Северный", false, null, null), null, TERMS))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("receivedOn"));
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
        appeal.answer("Крыша отремонтирована", LocalDate.of(2026, 3, 20), "Козлов А.", AnswerForm.WRITTEN, false,
                TODAY);
        appeal.close(LocalDate.of(2026, 3, 21), "Общий отдел", TODAY);

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

        appeal.answer("Ответ", LocalDate.of(2026, 4, 2), "Козлов А.", AnswerForm.WRITTEN, false, TODAY);

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

        assertThatThrownBy(() -> letter.answer("Устно", MON_2_MAR, "Козлов", AnswerForm.ORAL, true, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("form"));
        assertThatThrownBy(() -> card.answer("Устно", MON_2_MAR, "Козлов", AnswerForm.ORAL, false, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("citizenConsentedToOral"));
        card.answer("Устно разъяснено", MON_2_MAR, "Козлов", AnswerForm.ORAL, true, TODAY);
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

        assertThatThrownBy(() -> appeal.answer("т", MON_2_MAR, "к", AnswerForm.WRITTEN, false, TODAY))
                .isInstanceOf(StateConflictException.class).hasMessage("error.appeal-transition");
        assertThatThrownBy(() -> appeal.close(MON_2_MAR, "о", TODAY)).isInstanceOf(StateConflictException.class);
        appeal.redirect("Прокуратура", MON_2_MAR, MON_2_MAR, TODAY);
        assertThatThrownBy(() -> appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThat(events(appeal)).hasSize(2);
    }

    @Test
    void anAnswerBeforeRegistrationOrInTheFutureIsRefused() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);
        appeal.assign("Управление ЖКХ", MON_2_MAR, TODAY);

        assertThatThrownBy(() -> appeal.answer("т", FRI_27_FEB, "к", AnswerForm.WRITTEN, false, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("answeredOn"));
        assertThatThrownBy(() -> appeal.answer("т", TODAY.plusDays(1), "к", AnswerForm.WRITTEN, false, TODAY))
                .isInstanceOf(RuleViolationException.class).hasMessage("error.date-in-future");
    }

    @Test
    void theAnswerTermIsRecordedMissedOnceWhenItPassesUnanswered() {
        Appeal appeal = register(AppealChannel.POST, PETROVA, false);

        assertThat(appeal.checkAnswerTerm(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(appeal.isOverdue(LocalDate.of(2026, 4, 2))).isTrue();
        assertThat(appeal.checkAnswerTerm(LocalDate.of(2026, 4, 2))).isTrue();
        assertThat(appeal.checkAnswerTerm(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(appeal.missedTerms()).containsExactly(new MissedTerm(AppealTerm.ANSWER, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 2)));
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
        Appeal appeal = Appeal.register("a-2", new Registration(AppealChannel.POST, FRI_27_FEB, MON_2_MAR, PETROVA,
                "Опять протекает", "HOUSING", "Северный", false, null, null), "a-1", TERMS);

        assertThat(appeal.repeated()).isTrue();
        assertThat(appeal.previousAppealId()).isEqualTo("a-1");
        assertThat(events(appeal).getFirst()).isInstanceOfSatisfying(AppealRegistered.class,
                registered -> assertThat(registered.repeated()).isTrue());
    }

    private static Appeal register(AppealChannel channel, Citizen citizen, boolean crime) {
        return Appeal.register("a-1", new Registration(channel, FRI_27_FEB, MON_2_MAR, citizen, "Протекает крыша",
                "HOUSING", "Северный", crime, null, null), null, TERMS);
    }

    private static List<ContractEvent> events(Appeal appeal) {
        return appeal.pendingEvents();
    }
}
