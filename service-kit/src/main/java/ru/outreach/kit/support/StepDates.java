package ru.outreach.kit.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The date a step of an aggregate happened on, as a clerk enters it from paper records: never after today, never
 * before the step it follows. A refusal names both dates and what they are, e.g. "Дата ответа 22.11.2026 раньше даты
 * регистрации 29.11.2026". Steps are message codes: {@code step.<step>} ("Дата ответа") and {@code step.<step>.of}
 * ("даты ответа") in the service's {@code messages.properties}.
 */
public final class StepDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The day of a step, or today when none was given. */
    public static LocalDate orToday(LocalDate day, LocalDate today) {
        return day == null ? today : day;
    }

    /**
     * Refuses a day after today, or before the day of the step it follows.
     *
     * @param field    the request field that holds the day, e.g. {@code answeredOn}
     * @param step     the step's code, e.g. {@code answer}
     * @param previous the step it follows, e.g. {@code registration}; null when there is none
     * @param earliest the day of that step; null when it has none
     */
    public static void require(String field, String step, LocalDate day, String previous, LocalDate earliest,
                               LocalDate today) {
        if (day.isAfter(today)) {
            throw new RuleViolationException(field, "error.step-date-in-future", label(step), format(day),
                    format(today));
        }
        if (earliest != null && day.isBefore(earliest)) {
            throw new RuleViolationException(field, "error.step-date-before", label(step), format(day),
                    labelOf(previous), format(earliest));
        }
    }

    /** A day as the services' users read it: 29.11.2026. */
    public static String format(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private static DefaultMessageSourceResolvable label(String step) {
        return new DefaultMessageSourceResolvable(new String[] {"step." + step}, step);
    }

    private static DefaultMessageSourceResolvable labelOf(String step) {
        return new DefaultMessageSourceResolvable(new String[] {"step." + step + ".of"}, step);
    }

    private StepDates() {
    }
}
