package ru.outreach.meetings.minutes;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.outreach.kit.security.Actor;
import ru.outreach.meetings.group.GroupDetails;
import ru.outreach.meetings.group.GroupService;
import ru.outreach.meetings.group.Person;
import ru.outreach.meetings.group.Scope;
import ru.outreach.meetings.meeting.Meeting;
import ru.outreach.meetings.meeting.MeetingService;
import ru.outreach.meetings.meeting.Venue;

/**
 * The printed protocol of signed minutes (issue 9): whoever reads the minutes may print them once they are signed;
 * the citizens' details print for the group's own secretary alone, audited (see {@link MinutesAnswers#printing}).
 */
@Component
class ProtocolPrints {

    /** A protocol to download: the PDF and its file names, ASCII and Russian. */
    record Printed(byte[] pdf, String asciiName, String russianName) {
    }

    private final MinutesService minutes;
    private final MinutesAnswers answers;
    private final MeetingService meetings;
    private final GroupService groups;
    private final ProtocolProperties properties;

    ProtocolPrints(MinutesService minutes, MinutesAnswers answers, MeetingService meetings, GroupService groups,
                   ProtocolProperties properties) {
        this.minutes = minutes;
        this.answers = answers;
        this.meetings = meetings;
        this.groups = groups;
        this.properties = properties;
    }

    /** The protocol of the minutes of {@code meetingId} as {@code actor} may read it; a draft is refused (409). */
    Printed protocol(String meetingId, Actor actor, Scope scope) {
        Minutes signed = minutes.visible(meetingId, scope);
        signed.requirePrintable();
        Meeting meeting = meetings.get(meetingId);
        GroupDetails group = groups.get(signed.groupId()).details();
        MinutesContent content = answers.printing(signed, actor, scope);
        String leaderName = signed.signature().signedBy();
        // the register's leader may have changed since the signature: his position prints only if he signed
        Person leader = group.leader().fullName().equals(leaderName) ? group.leader() : new Person(leaderName, null);
        Protocol protocol = new Protocol(properties.administration(), number(meeting), group.name(),
                meeting.heldAt(), signed.territory(), venue(meeting.venue()), leader, signed.signature().signedOn(),
                group.secretary(), group.members(), meeting.officialsPresent(), meeting.residentsAttended(), content,
                properties::category);
        LocalDate day = meeting.heldOn();
        return new Printed(ProtocolPdf.render(protocol), "protokol-" + day + ".pdf",
                "Протокол № " + protocol.number() + " от " + ProtocolPdf.DATE.format(day) + ".pdf");
    }

    /**
     * The protocol's number: the meeting's place among its group's meetings held in the same calendar year, by the
     * time they were held. A meeting entered later with an earlier time moves the numbers after it.
     */
    private int number(Meeting meeting) {
        LocalDate day = meeting.heldOn();
        List<Meeting> held = meetings.inPeriod(meeting.groupId(), day.with(TemporalAdjusters.firstDayOfYear()),
                        day.with(TemporalAdjusters.lastDayOfYear())).stream()
                .filter(Meeting::isHeld)
                .sorted(Comparator.comparing(Meeting::heldAt).thenComparing(Meeting::id))
                .toList();
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).id().equals(meeting.id())) {
                return i + 1;
            }
        }
        return held.size() + 1;
    }

    private static String venue(Venue venue) {
        if (venue == null) {
            return "";
        }
        return venue.address() == null || venue.address().isBlank() ? venue.name()
                : venue.name() + ", " + venue.address();
    }
}
