package ru.outreach.reporting.projection;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;

import ru.outreach.events.meetings.MeetingsEvent;
import ru.outreach.events.meetings.MeetingsEvent.GroupChanged;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;

/**
 * An information group's name, territories and the day it was formed (subject {@code group/ID}); contributes to no
 * cell.
 *
 * @param formedOn null when no event told it (events before the field existed): then every quarter counts
 */
public record GroupFacts(@Id String id, long version, String name, List<String> territories, int memberCount,
                         LocalDate formedOn, List<PendingCell> pending) implements Facts {

    static GroupFacts empty(String id) {
        return new GroupFacts(id, 0, null, List.of(), 0, null, List.of());
    }

    GroupFacts apply(MeetingsEvent event) {
        if (event.version() <= version) {
            return this;
        }
        return switch (event) {
            case GroupRegistered e -> new GroupFacts(id, e.version(), e.name(), e.territories(), e.memberCount(),
                    e.formedOn() != null ? e.formedOn() : formedOn, pending);
            case GroupChanged e -> new GroupFacts(id, e.version(), e.name(), e.territories(), e.memberCount(),
                    e.formedOn() != null ? e.formedOn() : formedOn, pending);
            default -> this;
        };
    }

    @Override
    public GroupFacts withPending(List<PendingCell> pending) {
        return new GroupFacts(id, version, name, territories, memberCount, formedOn, pending);
    }

    @Override
    public Cells cells() {
        return new Cells();
    }
}
