package ru.outreach.meetings.group;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads groups; writes go through the aggregate store so that their events are kept with them. */
public interface GroupRepository extends MongoRepository<Group, String> {

    Page<Group> findByDetailsTerritories(String territory, Pageable pageable);

    Optional<Group> findByDetailsName(String name);
}
