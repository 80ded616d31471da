package ru.outreach.reporting.projection;

import java.util.List;

import org.springframework.data.annotation.Id;

import ru.outreach.events.meetings.MeetingsEvent;
import ru.outreach.events.meetings.MeetingsEvent.GroupChanged;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;

/** An information group's name and territories (subject {@code group/ID}); contributes to no cell. */
public record GroupFacts(@Id String id, long version, String name, List<String> territories, int memberCount,
                         List<PendingCell> pending) implements Facts {

    static GroupFacts empty(String id) {
        return new GroupFacts(id, 0, null, List.of(), 0, List.of());
    }

    GroupFacts apply(MeetingsEvent event) {
        if (event.version() <= version) {
            return this;
        }
        return switch (event) {
            case GroupRegistered e -> new GroupFacts(id, e.version(), e.name(), e.territories(), e.memberCount(), pending);
            case GroupChanged e -> new GroupFacts(id, e.version(), e.name(), e.territories(), e.memberCount(), pending);
            default -> this;
        };
    }

    @Override
    public GroupFacts withPending(List<PendingCell> pending) {
        return new GroupFacts(id, version, name, territories, memberCount, pending);
    }

    @Override
    public Cells cells() {
        return new Cells();
    }
}
