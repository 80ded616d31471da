package ru.outreach.meetings.group;

import org.springframework.data.mongodb.core.mapping.Document;

import ru.outreach.events.meetings.MeetingsEvent.GroupChanged;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;
import ru.outreach.kit.outbox.AggregateRoot;

/** An information group (regulation 3.3): a leader, a secretary and members who meet the residents of territories. */
@Document("groups")
public class Group extends AggregateRoot {

    private GroupDetails details;

    private Group() {
    }

    static Group register(String id, GroupDetails details) {
        Group group = new Group();
        group.id = id;
        group.details = details;
        group.record(version -> new GroupRegistered(id, version, details.name(), details.territories(),
                group.memberCount(), null));
        return group;
    }

    void change(GroupDetails changed) {
        if (changed.equals(details)) {
            return;
        }
        details = changed;
        record(version -> new GroupChanged(id, version, changed.name(), changed.territories(), memberCount(),
                null));
    }

    public GroupDetails details() {
        return details;
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
