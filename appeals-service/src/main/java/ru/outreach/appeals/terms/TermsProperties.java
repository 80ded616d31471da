package ru.outreach.appeals.terms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The terms of 59-FZ, in calendar days (the law counts calendar days; a region may configure other numbers).
 *
 * @param registrationDays   registration within this many days of receipt (art. 8 p. 2)
 * @param answerDays         answer due this many days after registration (art. 12 p. 1)
 * @param maxExtensionDays   one extension of at most this many days (art. 12 p. 2)
 * @param redirectDays       redirect to the competent body within this many days of registration (art. 8 p. 3)
 * @param instructionDueSoonDays an instruction is "due soon" this many days before its due date
 * @param checkInterval      how often missed terms and instruction deadlines are looked for
 */
@ConfigurationProperties("outreach.terms")
public record TermsProperties(
        @DefaultValue("3") int registrationDays,
        @DefaultValue("30") int answerDays,
        @DefaultValue("30") int maxExtensionDays,
        @DefaultValue("7") int redirectDays,
        @DefaultValue("3") int instructionDueSoonDays,
        @DefaultValue("1h") Duration checkInterval) {

    /** The defaults of the law, for tests of the rules. */
    public static TermsProperties law() {
        return new TermsProperties(3, 30, 30, 7, 3, Duration.ofHours(1));
    }
}
