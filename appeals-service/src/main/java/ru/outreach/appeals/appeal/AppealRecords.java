package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealTerm;

import java.time.LocalDate;

/** What an appeal is made of and what it accumulates through its life. */
public final class AppealRecords {

    private AppealRecords() {
    }


    /** The citizen's contact details (personal data, 152-FZ); any of them may be missing. */
    public record Citizen(String fullName, String postalAddress, String phone, String email) {

        boolean hasName() {
            return fullName != null && !fullName.isBlank();
        }

        boolean hasPostalAddress() {
            return postalAddress != null && !postalAddress.isBlank();
        }

        boolean hasEmail() {
            return email != null && !email.isBlank();
        }
    }

    public enum AnswerForm { WRITTEN, ORAL }

    /** @param citizenConsentedToOral 59-FZ art. 13 p. 3: an oral answer at a reception with the citizen's consent */
    public record Answer(String text, LocalDate answeredOn, String answeredBy, String answeredByUsername,
                         AnswerForm form, boolean citizenConsentedToOral, boolean late) {

        /** The same answer without its text (personal data: it is addressed to the citizen). */
        Answer withoutText() {
            return new Answer(null, answeredOn, answeredBy, answeredByUsername, form, citizenConsentedToOral, late);
        }
    }

    public record Assignment(String executorDepartment, LocalDate assignedOn) {
    }

    public record Extension(int days, String reason, LocalDate previousAnswerDueOn, LocalDate answerDueOn,
                           LocalDate decidedOn, LocalDate citizenNotifiedOn) {

        Extension withoutReason() {
            return new Extension(days, null, previousAnswerDueOn, answerDueOn, decidedOn, citizenNotifiedOn);
        }
    }

    public record Redirect(String competentBody, LocalDate redirectedOn, LocalDate citizenNotifiedOn, boolean late) {
    }

    /** Legal grounds for leaving an appeal without an answer (59-FZ art. 11). */
    public enum Ground {
        /** p. 1: no name or no postal address (e-mail for an electronic appeal) to answer to. */
        NO_NAME_OR_ADDRESS,
        /** p. 3: obscene or offensive language, threats. */
        OFFENSIVE_LANGUAGE,
        /** p. 4: the text cannot be read. */
        UNREADABLE,
        /** p. 4.1: the question cannot be made out. */
        QUESTION_UNCLEAR,
        /** p. 5: the same question was answered repeatedly and no new arguments are given. */
        REPEATED_ALREADY_ANSWERED
    }

    public record WithoutAnswer(Ground ground, String note, LocalDate decidedOn) {

        WithoutAnswer withoutNote() {
            return new WithoutAnswer(ground, null, decidedOn);
        }
    }


    public record MissedTerm(AppealTerm term, LocalDate dueOn, LocalDate recordedOn) {
    }

    public record Closing(LocalDate closedOn, String closedBy, String closedByUsername) {
    }
}
