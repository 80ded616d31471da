package ru.outreach.meetings.minutes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import ru.outreach.meetings.group.Person;

/**
 * What the printed protocol of a meeting shows: the signed minutes with their meeting and group, as the reader may
 * see them (the cards' and written appeals' {@code citizen} is null where the details are withheld).
 *
 * @param administration    the administration's name for the heading; null for none
 * @param number            the protocol's number: the meeting's place among the group's meetings held in its year
 * @param groupName         the information group's name
 * @param heldAt            when the meeting was held
 * @param territory         the territory it was held for
 * @param venue             where it was held: name and address
 * @param leader            the group's leader who signed the minutes (his position when the register still names him)
 * @param signedOn          the day the leader signed the minutes
 * @param secretary         the group's secretary, as the register names him
 * @param members           the other members of the group, as the register names them
 * @param officialsPresent  the officials and invited participants present
 * @param residentsAttended how many residents came
 * @param content           the minutes' content, with or without the citizens' details
 * @param categories        a category code to the name that prints
 */
record Protocol(String administration, int number, String groupName, LocalDateTime heldAt, String territory,
                String venue, Person leader, LocalDate signedOn, Person secretary, List<Person> members,
                List<String> officialsPresent, int residentsAttended, MinutesContent content,
                UnaryOperator<String> categories) {

    Protocol {
        members = List.copyOf(members);
        officialsPresent = List.copyOf(officialsPresent);
    }

    LocalDate heldOn() {
        return heldAt.toLocalDate();
    }

    /** Whether the citizens' details were left out of this print. */
    boolean personalDataWithheld() {
        return content.receptionCards().stream().anyMatch(card -> card.citizen() == null)
                || content.writtenAppeals().stream().anyMatch(appeal -> appeal.citizen() == null);
    }
}
