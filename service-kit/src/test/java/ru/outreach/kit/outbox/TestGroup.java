package ru.outreach.kit.outbox;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.mongodb.core.mapping.Document;

import ru.outreach.events.meetings.MeetingsEvent.GroupChanged;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;

/** A small aggregate for the store's tests: a name, one event per change. */
@Document("test_groups")
class TestGroup extends AggregateRoot {

    private String name;

    private TestGroup() {
    }

    static TestGroup register(String id, String name) {
        TestGroup group = new TestGroup();
        group.id = id;
        group.name = name;
        group.record(version -> new GroupRegistered(id, version, name, List.of("Западный"), 3,
                LocalDate.of(2026, 1, 12)));
        return group;
    }

    void rename(String next) {
        name = next;
        record(version -> new GroupChanged(id, version, next, List.of("Западный"), 3, LocalDate.of(2026, 1, 12)));
    }

    String name() {
        return name;
    }

    @Override
    protected String subject() {
        return "group/" + id;
    }
}
