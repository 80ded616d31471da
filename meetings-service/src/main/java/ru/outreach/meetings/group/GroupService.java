package ru.outreach.meetings.group;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.RuleViolationException;

@Service
public class GroupService {

    private final GroupRepository groups;
    private final AggregateStore store;
    private final Clock clock;

    GroupService(GroupRepository groups, AggregateStore store, Clock clock) {
        this.groups = groups;
        this.store = store;
        this.clock = clock;
    }

    Group register(GroupDetails details) {
        requireUniqueName(details.name(), null);
        return store.insert(Group.register(UUID.randomUUID().toString(), details, LocalDate.now(clock)));
    }

    Group change(String id, GroupDetails details) {
        Group group = get(id);
        requireUniqueName(details.name(), id);
        group.change(details, LocalDate.now(clock));
        return store.update(group);
    }

    public Group get(String id) {
        return groups.findById(id).orElseThrow(() -> new NotFoundException("error.group-not-found", id));
    }

    public List<Group> all() {
        return groups.findAll();
    }

    Page<Group> list(String territory, Pageable pageable) {
        return territory == null ? groups.findAll(pageable) : groups.findByDetailsTerritories(territory, pageable);
    }

    private void requireUniqueName(String name, String exceptId) {
        groups.findByDetailsName(name)
                .filter(other -> !other.id().equals(exceptId))
                .ifPresent(other -> {
                    throw new RuleViolationException("name", "error.group-name-taken", name);
                });
    }
}
