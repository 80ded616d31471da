package ru.outreach.appeals.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TermsTest {

    private final Terms law = new Terms(TermsProperties.law());

    @Test
    void theAnswerIsDueThirtyCalendarDaysAfterRegistration() {
        LocalDate received = LocalDate.of(2026, 2, 27);
        LocalDate registered = LocalDate.of(2026, 3, 2);

        assertThat(received.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(registered.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(law.answerDue(registered)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(law.answerDue(registered).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    }

    @Test
    void registrationIsDueThreeDaysAfterReceipt() {
        assertThat(law.registrationDue(LocalDate.of(2026, 2, 27))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(law.registrationDue(LocalDate.of(2026, 12, 30))).isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void aRedirectIsDueSevenDaysAfterRegistration() {
        assertThat(law.redirectDue(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void anExtensionReachesAtMostThirtyDaysBeyondTheTerm() {
        assertThat(law.maxExtensionDays()).isEqualTo(30);
        assertThat(law.latestExtendedDue(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    void anInstructionIsDueSoonThreeDaysBefore() {
        assertThat(law.dueSoonFrom(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 3, 7));
    }

    @Test
    void theNumbersAreConfigurable() {
        Terms regional = new Terms(new TermsProperties(1, 15, 10, 5, 2, Duration.ofMinutes(5)));

        assertThat(regional.registrationDue(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(regional.answerDue(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThat(regional.redirectDue(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(regional.maxExtensionDays()).isEqualTo(10);
        assertThat(regional.dueSoonFrom(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 3, 8));
    }
}
