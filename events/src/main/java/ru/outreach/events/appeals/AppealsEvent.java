package ru.outreach.events.appeals;

import java.time.LocalDate;

import ru.outreach.events.ContractEvent;

/**
 * State changes of citizens' appeals (59-FZ), published on {@code appeals.v1}; the key is the appeal id. No personal
 * data: neither the citizen's name, address and contacts nor the text of the appeal or of the answer.
 */
public sealed interface AppealsEvent extends ContractEvent {

    String appealId();

    /** The appeal's state after the change. */
    AppealState state();

    /** Code of the classifier, e.g. {@code ROADS}. */
    String category();

    String territory();

    default String aggregateId() { return appealId(); }

    /**
     * An appeal taken at an outreach meeting (a reception card or a written appeal) was received on the meeting day
     * and waits in the general department's registration queue (regulation 3.8.4–3.8.5).
     *
     * @param categoryName the classifier's name of the category
     */
    record AppealReceived(String appealId, long version, AppealState state, String category, String territory,
                          AppealChannel channel, LocalDate receivedOn, LocalDate registrationDueOn,
                          String sourceMeetingId, String categoryName) implements AppealsEvent {
    }

    /**
     * @param answerRequired  false for an appeal without a name or postal address (59-FZ art. 11 p. 1)
     * @param repeated        the same citizen asked in the same category within a year
     * @param sourceMeetingId the outreach meeting whose minutes carried it, or null
     * @param categoryName    the classifier's name of the category
     */
    record AppealRegistered(String appealId, long version, AppealState state, String category, String territory,
                            AppealChannel channel, LocalDate receivedOn, LocalDate registeredOn,
                            LocalDate registrationDueOn, LocalDate answerDueOn, LocalDate redirectDueOn,
                            boolean answerRequired, boolean reportsCrime, boolean repeated, String sourceMeetingId,
                            String categoryName) implements AppealsEvent {
    }

    record AppealAssigned(String appealId, long version, AppealState state, String category, String territory,
                          String executorDepartment, LocalDate assignedOn, LocalDate answerDueOn)
            implements AppealsEvent {
    }

    /** @param oral an oral answer at a personal reception, with the citizen's consent */
    record AppealAnswered(String appealId, long version, AppealState state, String category, String territory,
                          String executorDepartment, LocalDate answeredOn, LocalDate answerDueOn, boolean oral,
                          boolean late) implements AppealsEvent {
    }

    record AppealExtended(String appealId, long version, AppealState state, String category, String territory,
                          LocalDate previousAnswerDueOn, LocalDate answerDueOn, LocalDate extendedOn,
                          LocalDate citizenNotifiedOn) implements AppealsEvent {
    }

    /** Sent to the competent body (an organisation, not a person). */
    record AppealRedirected(String appealId, long version, AppealState state, String category, String territory,
                            String competentBody, LocalDate redirectedOn, LocalDate redirectDueOn,
                            LocalDate citizenNotifiedOn, boolean late) implements AppealsEvent {
    }

    /** @param ground the legal ground, e.g. {@code NO_NAME_OR_ADDRESS} */
    record AppealLeftWithoutAnswer(String appealId, long version, AppealState state, String category, String territory,
                                   String ground, LocalDate decidedOn) implements AppealsEvent {
    }

    record AppealClosed(String appealId, long version, AppealState state, String category, String territory,
                        LocalDate closedOn) implements AppealsEvent {
    }

    /**
     * A missed term recorded earlier turned out not to be missed: the step it demands was entered later, dated on or
     * before the due day (a clerk entering paper records after the deadline check had run).
     */
    record AppealTermMissWithdrawn(String appealId, long version, AppealState state, String category,
                                   String territory, AppealTerm term, LocalDate dueOn, LocalDate stepOn)
            implements AppealsEvent {
    }

    /** A legal term passed without the step it demands. */
    record AppealTermMissed(String appealId, long version, AppealState state, String category, String territory,
                            AppealTerm term, LocalDate dueOn, LocalDate recordedOn) implements AppealsEvent {
    }
}
