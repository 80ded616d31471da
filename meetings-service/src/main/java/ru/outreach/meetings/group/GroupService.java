package ru.outreach.meetings.group;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.security.Actor;
import ru.outreach.kit.security.Duties;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.RuleViolationException;

@Service
public class GroupService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GroupService.class);

    private final GroupRepository groups;
    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;

    GroupService(GroupRepository groups, AggregateStore store, MongoTemplate mongo, Clock clock) {
        this.groups = groups;
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Group names are unique, so a secretary's {@code outreach_group} claim names one group: checked on every
     * registration and change, and kept by a unique index where the store builds one.
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            mongo.indexOps(Group.class).createIndex(new Index().on("details.name", Sort.Direction.ASC).unique()
                    .named("unique_name"));
        } catch (RuntimeException e) {
            log.warn("Unique index on the groups' names not created: {}", e.toString());
        }
    }

    /**
     * Which groups' records {@code actor} sees and works on: every group for the control department, the general
     * department and the administrator; the group named by a secretary's {@code outreach_group} for him.
     */
    public Scope scope(Actor actor) {
        boolean everyGroup = actor.has(Duties.CONTROLLER) || actor.has(Duties.GENERAL_DEPARTMENT)
                || actor.has(Duties.ADMINISTRATOR);
        String own = actor.has(Duties.SECRETARY) && actor.group() != null && !actor.group().isBlank()
                ? groups.findByDetailsName(actor.group().strip()).map(Group::id).orElse(null) : null;
        return new Scope(everyGroup, own);
    }

    /** Registers a group; with an idempotency key, once: a retry answers the group registered first. */
    Group register(GroupDetails details, IdempotencyKey key) {
        return store.create(Group.class, key, id -> {
            requireUniqueName(details.name(), null);
            return Group.register(id, details, LocalDate.now(clock));
        }).aggregate();
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

    /** A group the actor sees; another group is not found. */
    Group get(String id, Scope scope) {
        scope.requireSees(id, "error.group-not-found", id);
        return get(id);
    }

    /** The groups the actor sees, optionally those working a territory. */
    Page<Group> list(String territory, Scope scope, Pageable pageable) {
        if (!scope.everyGroup()) {
            List<Group> own = scope.ownGroupId() == null ? List.of() : groups.findById(scope.ownGroupId())
                    .filter(group -> territory == null || group.works(territory)).stream().toList();
            return new PageImpl<>(pageable.getPageNumber() == 0 ? own : List.of(), pageable, own.size());
        }
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
