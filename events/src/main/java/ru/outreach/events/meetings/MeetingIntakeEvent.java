package ru.outreach.events.meetings;

import java.time.LocalDate;
import java.util.List;

import ru.outreach.events.ContractEvent;

/**
 * What signed minutes hand on to the appeals service, on {@code meetings.intake.v1}. Holds citizens' personal data
 * (152-FZ): only the appeals service reads this topic. Item ids are stable, so a consumer can derive its own ids
 * from them and create nothing twice.
 */
public sealed interface MeetingIntakeEvent extends ContractEvent {

    record MeetingIntakeReleased(String meetingId, long version, String groupId, String territory, LocalDate heldOn,
                                 List<ReceptionCard> receptionCards, List<WrittenAppeal> writtenAppeals,
                                 List<InstructionOrder> instructions) implements MeetingIntakeEvent {
        public String aggregateId() { return meetingId; }
    }

    /** Contact details of a citizen; any part may be missing. */
    record Citizen(String fullName, String postalAddress, String phone, String email) {
    }

    /** An oral appeal at the personal reception, written onto a card. */
    record ReceptionCard(String itemId, Citizen citizen, String question, String category) {
    }

    record WrittenAppeal(String itemId, Citizen citizen, String summary, String category) {
    }

    /** An instruction of the group leader from the minutes. */
    record InstructionOrder(String itemId, String text, String executorDepartment, LocalDate dueOn) {
    }
}
