package ru.outreach.reporting.rebuild;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.outreach.reporting.report.RebuildProgress;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one running rebuild, as a document in the store that every instance of the service reads: its owner, whether it
 * replays or swaps, its progress, and a heartbeat. While an instance's rebuild holds it, the live consumers of every
 * instance stay stopped. One whose heartbeat is older than {@link #STALE} was left by an instance that died: it no
 * longer stops anyone, and the next rebuild takes it over.
 */
@Component
class RebuildLease {

    static final String COLLECTION = "readModelRebuild";
    static final Duration STALE = Duration.ofMinutes(2);
    private static final String ID = "lease";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param state   {@code RUNNING} while the topics are replayed, {@code SWAPPING} once the copy is complete
     * @param present the live collections to replace by the rebuild's copy (set when swapping)
     * @param absent  the live collections that the rebuild's copy does not have (dropped when swapping)
     * @param progressJson the rebuild's progress as JSON (topic names have dots, which keys of a document cannot)
     */
    record Lease(@Id String id, String owner, String state, Instant heartbeatAt, List<String> present,
                 List<String> absent, String progressJson) {

        RebuildProgress progress() {
            return progressJson == null ? null : JSON.readValue(progressJson, RebuildProgress.class);
        }

        boolean fresh(Instant now) {
            return heartbeatAt != null && heartbeatAt.isAfter(now.minus(STALE));
        }

        boolean swapping() {
            return "SWAPPING".equals(state);
        }
    }

    private final MongoTemplate mongo;

    RebuildLease(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Lease> read() {
        return Optional.ofNullable(mongo.findById(ID, Lease.class, COLLECTION));
    }

    /** Takes the lease if there is none, or only a stale one that does not swap; false when another holds it. */
    boolean acquire(String owner, RebuildProgress progress, Instant now) {
        Lease lease = new Lease(ID, owner, "RUNNING", now, List.of(), List.of(), JSON.writeValueAsString(progress));
        try {
            mongo.insert(lease, COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            return mongo.updateFirst(query(where("_id").is(ID).and("state").is("RUNNING")
                            .and("heartbeatAt").lt(now.minus(STALE))),
                    new Update().set("owner", owner).set("heartbeatAt", now)
                            .set("progressJson", JSON.writeValueAsString(progress)),
                    COLLECTION).getMatchedCount() == 1;
        }
    }

    /** Records the owner's progress and that it lives; false when it no longer holds the lease. */
    boolean beat(String owner, RebuildProgress progress, Instant now) {
        return mongo.updateFirst(query(where("_id").is(ID).and("owner").is(owner)),
                new Update().set("heartbeatAt", now).set("progressJson", JSON.writeValueAsString(progress)),
                COLLECTION).getMatchedCount() == 1;
    }

    /**
     * Records what the swap is to do before it starts, so that an instance can finish it after a crash; false when
     * the owner no longer holds the lease.
     */
    boolean swapping(String owner, List<String> present, List<String> absent, Instant now) {
        return mongo.updateFirst(query(where("_id").is(ID).and("owner").is(owner)),
                new Update().set("state", "SWAPPING").set("present", present).set("absent", absent)
                        .set("heartbeatAt", now), COLLECTION).getMatchedCount() == 1;
    }

    void release(String owner) {
        mongo.remove(query(where("_id").is(ID).and("owner").is(owner)), COLLECTION);
    }

    /** Removes the lease whoever holds it: after its swap was finished, or when it was stale. */
    void remove(Lease lease) {
        mongo.remove(query(where("_id").is(ID).and("owner").is(lease.owner())), COLLECTION);
    }
}
