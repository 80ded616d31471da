package ru.outreach.appeals.terms;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Computes every term of an appeal from the days it was received and registered. */
@Component
public class Terms {

    private final TermsProperties properties;

    public Terms(TermsProperties properties) {
        this.properties = properties;
    }

    public LocalDate registrationDue(LocalDate receivedOn) {
        return receivedOn.plusDays(properties.registrationDays());
    }

    public LocalDate answerDue(LocalDate registeredOn) {
        return registeredOn.plusDays(properties.answerDays());
    }

    public LocalDate redirectDue(LocalDate registeredOn) {
        return registeredOn.plusDays(properties.redirectDays());
    }

    public int maxExtensionDays() {
        return properties.maxExtensionDays();
    }

    /** The latest due date an extension may set. */
    public LocalDate latestExtendedDue(LocalDate answerDueOn) {
        return answerDueOn.plusDays(properties.maxExtensionDays());
    }

    /** The first day on which an instruction due {@code dueOn} is "due soon". */
    public LocalDate dueSoonFrom(LocalDate dueOn) {
        return dueOn.minusDays(properties.instructionDueSoonDays());
    }

    public int instructionDueSoonDays() {
        return properties.instructionDueSoonDays();
    }
}
