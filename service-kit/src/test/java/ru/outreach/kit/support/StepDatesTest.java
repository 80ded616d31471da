package ru.outreach.kit.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class StepDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private final StaticMessageSource messages = new StaticMessageSource();

    StepDatesTest() {
        messages.addMessage("error.step-date-before", Locale.ROOT, "{0} {1} раньше {2} {3}.");
        messages.addMessage("error.step-date-in-future", Locale.ROOT, "{0} {1} ещё не наступила: сегодня {2}.");
        messages.addMessage("step.answer", Locale.ROOT, "Дата ответа");
        messages.addMessage("step.registration.of", Locale.ROOT, "даты регистрации");
    }

    @Test
    void aDayBeforeTheStepItFollowsNamesBothDatesAndWhatTheyAre() {
        RuleViolationException refusal = catchThrowableOfType(RuleViolationException.class,
                () -> StepDates.require("answeredOn", "answer", LocalDate.of(2026, 11, 22), "registration", TODAY,
                        TODAY));

        assertThat(refusal.field()).isEqualTo("answeredOn");
        assertThat(messages.getMessage(refusal.code(), refusal.args(), Locale.ROOT))
                .isEqualTo("Дата ответа 22.11.2026 раньше даты регистрации 29.11.2026.");
    }

    @Test
    void aDayAfterTodayIsRefusedAndTodayAndTheStepsDayAreAccepted() {
        RuleViolationException refusal = catchThrowableOfType(RuleViolationException.class,
                () -> StepDates.require("answeredOn", "answer", TODAY.plusDays(1), "registration", TODAY, TODAY));

        assertThat(messages.getMessage(refusal.code(), refusal.args(), Locale.ROOT))
                .isEqualTo("Дата ответа 30.11.2026 ещё не наступила: сегодня 29.11.2026.");
        assertThatCode(() -> StepDates.require("answeredOn", "answer", TODAY, "registration", TODAY, TODAY))
                .doesNotThrowAnyException();
        assertThat(StepDates.orToday(null, TODAY)).isEqualTo(TODAY);
    }
}
