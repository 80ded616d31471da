package ru.outreach.meetings.group;

import java.time.LocalDate;

import org.springframework.data.mongodb.core.mapping.Document;

import ru.outreach.events.meetings.MeetingsEvent.GroupChanged;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;
import ru.outreach.kit.outbox.AggregateRoot;
import ru.outreach.kit.support.StepDates;

/** An information group (regulation 3.3): a leader, a secretary and members who meet the residents of territories. */
@Document("groups")
public class Group extends AggregateRoot {

    private GroupDetails details;

    private Group() {
    }

    /** A new group, formed on the day its details give, or today; never after today. */
    static Group register(String id, GroupDetails details, LocalDate today) {
        GroupDetails formed = details.withFormedOn(StepDates.orToday(details.formedOn(), today));
        StepDates.require("formedOn", "formation", formed.formedOn(), null, null, today);
        Group group = new Group();
        group.id = id;
        group.details = formed;
        group.record(version -> new GroupRegistered(id, version, formed.name(), formed.territories(),
                group.memberCount(), formed.formedOn()));
        return group;
    }

    /** Changes the details; a formation day not given stays as it was (unknown for groups that have none). */
    void change(GroupDetails changed, LocalDate today) {
        GroupDetails next = changed.formedOn() == null ? changed.withFormedOn(details.formedOn()) : changed;
        if (next.formedOn() != null && !next.formedOn().equals(details.formedOn())) {
            StepDates.require("formedOn", "formation", next.formedOn(), null, null, today);
        }
        if (next.equals(details)) {
            return;
        }
        details = next;
        record(version -> new GroupChanged(id, version, next.name(), next.territories(), memberCount(),
                next.formedOn()));
    }

    public GroupDetails details() {
        return details;
    }

    /** The day the group was formed; null when unknown (a group registered before the day was kept). */
    public LocalDate formedOn() {
        return details.formedOn();
    }

    public String name() {
        return details.name();
    }

    public boolean works(String territory) {
        return details.territories().contains(territory);
    }

    /** Leader, secretary and members. */
    int memberCount() {
        return details.members().size() + 2;
    }

    @Override
    protected String subject() {
        return "group/" + id;
    }
}
