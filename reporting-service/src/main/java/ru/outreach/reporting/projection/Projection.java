package ru.outreach.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.appeals.AppealsEvent;
import ru.outreach.events.appeals.InstructionsEvent;
import ru.outreach.events.meetings.MeetingsEvent;
import ru.outreach.events.meetings.MeetingsEvent.MeetingEvent;
import ru.outreach.events.meetings.MeetingsEvent.MinutesEvent;
import ru.outreach.reporting.projection.FactsDocuments.Settled;
import ru.outreach.reporting.projection.FactsDocuments.Stored;

/**
 * Applies events to the read models, a batch at a time, so that a crash at any point leaves nothing lost and nothing
 * counted twice once the batch is delivered again.
 * <p>
 * For each entity touched: its facts are loaded once; each event is applied in its place by version ({@link Tail}: a
 * repeated or older version changes nothing, one that arrives after a later one is put before it); the cells before
 * and after are compared ({@link Facts#cells()}, a pure function). Then three kinds of single-document writes, in
 * this order:
 * <ol>
 * <li>each changed fact document, with its difference pending under the batch's operation id (written only if no
 * other writer changed it since it was read; those that were are applied again in a next attempt);</li>
 * <li>each cell: the sum of the differences of one operation, applied only if the cell has not recorded that
 * operation, which it records in the same write ({@link CellWrites});</li>
 * <li>each fact document: the applied differences taken out (again only at the revision written); then the
 * operation's id is taken out of the cells.</li>
 * </ol>
 * Differences found pending (a crash between the writes, at start-up or in a document the batch touches) are applied
 * in the same way under their own operation ids, together with those of every other document pending with the same
 * id, so a cell gets all of an operation or none of it; before that, the documents are claimed (revision raised), so
 * that of a writer still busy with the operation and one repairing it only one goes on. Only an operation's own
 * writer takes its id out of the cells; ids of repaired operations leave them with
 * {@link #pruneOperations(Duration)}, once no document holds them pending and they are an hour old.
 * <p>
 * A crash, a failed write or a redelivery thus leaves the read models one batch attempt behind at most, and the
 * next attempt (the same records, which the consumer did not commit) or the start-up repair completes it. What it
 * does not cover: a writer stalled for more than an hour between its writes while another one repaired and pruned
 * its operation.
 * <p>
 * The classifier's category names carried by the appeals' events are kept beside, the latest per code
 * ({@link CategoryName}).
 */
@Component
public class Projection {

    /** Attempts of one batch when other writers keep changing its documents. */
    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(Projection.class);
    private static final String LEGACY = "legacy-";

    private final MongoTemplate mongo;
    private final ReadModelNames names;
    private final FactsDocuments facts;
    private final CellWrites cells;
    private final Meters meters;

    @Autowired
    public Projection(MongoTemplate mongo, MeterRegistry registry) {
        this(mongo, ReadModelNames.LIVE, new Meters(registry));
    }

    private Projection(MongoTemplate mongo, ReadModelNames names, Meters meters) {
        this.mongo = mongo;
        this.names = names;
        this.facts = new FactsDocuments(mongo, names);
        this.cells = new CellWrites(mongo, names);
        this.meters = meters;
    }

    /** The same projection into another copy of the read models (a rebuild's), counting in the same meters. */
    public Projection into(ReadModelNames other) {
        return new Projection(mongo, other, meters);
    }

    public ReadModelNames names() {
        return names;
    }

    /** Applies the events in their order; returns how many changed a read model (the rest were stale or repeated). */
    public int apply(List<Envelope> events) {
        if (events.isEmpty()) {
            return 0;
        }
        int changed = 0;
        List<Envelope> todo = events;
        for (int attempt = 1; ; attempt++) {
            Attempt done = attempt(todo);
            changed += done.changed();
            if (done.conflicts().isEmpty()) {
                break;
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrencyFailureException("Other writers kept changing " + done.conflicts() + " during "
                        + ATTEMPTS + " attempts");
            }
            todo = todo.stream().filter(e -> done.conflicts().contains(DocKey.of(e))).toList();
        }
        String categories = names.categories();
        CategoryName.of(events).values().forEach(name -> name.save(mongo, categories));
        return changed;
    }

    /** Adds counts to the cells with {@code $inc} upserts: for bulk loads that compute the cells from facts. */
    public void addToCells(Cells delta) {
        cells.add(delta);
    }

    /** Applies the differences left pending by a crash (called at start-up); returns the documents that had some. */
    public int repairPending() {
        List<Stored> pending = facts.pending(null).stream().map(Projection::withLegacyOps).toList();
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, List<Stored>> holders = new LinkedHashMap<>();
        pending.forEach(doc -> doc.pending().stream().map(PendingCell::op).distinct().forEach(op ->
                holders.computeIfAbsent(op, o -> new ArrayList<>()).add(doc)));
        settle(holders, List.of(), List.of());
        log.info("Applied the differences pending in {} fact documents", pending.size());
        return pending.size();
    }

    /**
     * Takes out of the cells the operation ids that no fact document holds pending any more and that are older than
     * {@code age} (so no writer is still busy with them); returns how many went.
     */
    public int pruneOperations(Duration age) {
        Instant before = Instant.now().minus(age);
        return cells.prune(ops -> {
            Set<String> old = new LinkedHashSet<>();
            ops.stream().filter(op -> startedBefore(op, before)).forEach(old::add);
            if (!old.isEmpty()) {
                facts.pending(old).forEach(doc -> doc.pending().forEach(cell -> old.remove(cell.op())));
            }
            return old;
        });
    }

    /** Drops every collection of this copy of the read models and creates the indexes again. */
    public void clear() {
        ReadModelNames.liveCollections().stream().map(names::of).filter(mongo::collectionExists)
                .forEach(mongo::dropCollection);
        createIndexes();
    }

    public void createIndexes() {
        Kinds.CELLS.forEach(kind -> mongo.indexOps(names.cells(kind))
                .createIndex(new Index("p", Sort.Direction.ASC)));
        Kinds.FACTS.forEach(collection -> mongo.indexOps(names.facts(collection))
                .createIndex(new Index("pending.op", Sort.Direction.ASC)));
        mongo.indexOps(names.facts(Kinds.MEETINGS)).createIndex(new Index("groupId", Sort.Direction.ASC));
        mongo.indexOps(names.facts(Kinds.MEETINGS)).createIndex(new Index("minutesDueOn", Sort.Direction.ASC));
        // the lists behind the figures: a period of the facts by the day it applies to
        mongo.indexOps(names.facts(Kinds.MEETINGS)).createIndex(new Index("heldOn", Sort.Direction.ASC));
        mongo.indexOps(names.facts(Kinds.MEETINGS)).createIndex(new Index("scheduledAt", Sort.Direction.ASC));
        mongo.indexOps(names.facts(Kinds.APPEALS)).createIndex(new Index("receivedOn", Sort.Direction.ASC));
        mongo.indexOps(names.facts(Kinds.APPEALS)).createIndex(new Index("assignedOn", Sort.Direction.ASC));
        mongo.indexOps(names.facts(Kinds.INSTRUCTIONS)).createIndex(new Index("issuedOn", Sort.Direction.ASC));
        mongo.indexOps(names.facts(Kinds.INSTRUCTIONS)).createIndex(new Index("dueOn", Sort.Direction.ASC));
    }

    /** A fact document: its collection and id. */
    private record DocKey(String collection, String id) {

        static DocKey of(Envelope envelope) {
            return new DocKey(collectionOf(envelope.event()), envelope.event().aggregateId());
        }

        static DocKey of(Stored doc) {
            return new DocKey(doc.collection(), doc.id());
        }
    }

    private record Attempt(int changed, Set<DocKey> conflicts) {
    }

    private record Working(Facts facts, Tail tail) {
    }

    private Attempt attempt(List<Envelope> events) {
        String op = newOperationId();
        Map<DocKey, Stored> loaded = load(events);
        Map<DocKey, Working> working = new LinkedHashMap<>();
        loaded.forEach((key, doc) -> working.put(key, new Working(doc.facts(), doc.tail())));
        Map<DocKey, List<Meters.Seen>> seen = new LinkedHashMap<>();
        for (Envelope envelope : events) {
            DocKey key = DocKey.of(envelope);
            Working before = working.getOrDefault(key, new Working(null, Tail.NONE));
            Tail.Step step = before.tail().apply(before.facts(), envelope);
            seen.computeIfAbsent(key, k -> new ArrayList<>()).add(new Meters.Seen(envelope.topic(), step.outcome(),
                    step.skipped()));
            working.put(key, new Working(step.facts(), step.tail()));
        }
        Map<String, List<Stored>> writes = new LinkedHashMap<>();
        Map<DocKey, Cells> differences = new LinkedHashMap<>();
        working.forEach((key, after) -> {
            Stored before = loaded.get(key);
            if (after.facts() == null
                    || before != null && after.facts() == before.facts() && after.tail() == before.tail()) {
                return;
            }
            Cells difference = Cells.diff(before == null ? new Cells() : before.facts().cells(),
                    after.facts().cells());
            List<PendingCell> pending = new ArrayList<>(before == null ? List.of() : before.pending());
            pending.addAll(difference.toPending(op));
            differences.put(key, difference);
            writes.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(new Stored(key.collection(),
                    after.facts().withPending(List.copyOf(pending)), before == null ? 0 : before.rev(),
                    after.tail()));
        });
        Set<DocKey> conflicts = new LinkedHashSet<>();
        writes.forEach((collection, docs) -> facts.write(collection, docs)
                .forEach(id -> conflicts.add(new DocKey(collection, id))));

        Cells fresh = new Cells();
        List<Stored> written = new ArrayList<>();
        writes.forEach((collection, docs) -> docs.stream()
                .filter(doc -> !conflicts.contains(new DocKey(collection, doc.id())))
                .forEach(doc -> {
                    fresh.addAll(differences.get(new DocKey(collection, doc.id())));
                    written.add(new Stored(collection, doc.facts(), doc.rev() + 1, doc.tail()));
                }));
        Set<String> repairs = new LinkedHashSet<>();
        loaded.values().forEach(doc -> doc.pending().forEach(cell -> repairs.add(cell.op())));
        repairs.remove(op);
        Map<String, List<Stored>> holders = holders(repairs, loaded, written);
        boolean settled = settle(holders, fresh.isEmpty() ? List.of() : List.of(new CellWrites.Op(op, fresh)),
                written);
        if (!settled) {
            log.debug("Another writer took over documents of operation {}: its id stays in the cells", op);
        }

        int changed = 0;
        for (Map.Entry<DocKey, List<Meters.Seen>> entry : seen.entrySet()) {
            if (!conflicts.contains(entry.getKey())) {
                changed += meters.count(entry.getKey().collection(), entry.getKey().id(), entry.getValue());
            }
        }
        return new Attempt(changed, conflicts);
    }

    /**
     * The documents that hold each operation pending now (read after this batch's own writes, so a document that
     * another writer settled meanwhile is left out); documents of before there were ids count as their own.
     */
    private Map<String, List<Stored>> holders(Set<String> ops, Map<DocKey, Stored> loaded, List<Stored> written) {
        Map<String, List<Stored>> holders = new LinkedHashMap<>();
        if (ops.isEmpty()) {
            return holders;
        }
        facts.pending(ops).forEach(doc -> doc.pending().stream().map(PendingCell::op).filter(ops::contains)
                .distinct().forEach(op -> holders.computeIfAbsent(op, o -> new ArrayList<>()).add(doc)));
        Set<DocKey> rewritten = new LinkedHashSet<>();
        written.forEach(doc -> rewritten.add(new DocKey(doc.collection(), doc.id())));
        loaded.forEach((key, doc) -> {
            if (!rewritten.contains(key)) {
                doc.pending().stream().map(PendingCell::op).filter(op -> op.startsWith(LEGACY)).distinct()
                        .forEach(op -> holders.computeIfAbsent(op, o -> new ArrayList<>()).add(doc));
            }
        });
        return holders;
    }

    /**
     * Applies the batch's own operation and those pending in their holders, then takes them out of the documents;
     * the batch's own id leaves the cells too when every document of it was settled. An operation found pending is
     * applied only once this writer holds each of its documents: the ones it just wrote, the others claimed by raising
     * their revision. A writer that claims after another one settled fails its claim and leaves the operation alone,
     * and one that settles after another one claimed fails its settle and keeps the operation's id in the cells; so
     * an id leaves the cells only when nobody can apply the operation again. Returns whether all were settled.
     */
    private boolean settle(Map<String, List<Stored>> holders, List<CellWrites.Op> own, List<Stored> written) {
        Map<DocKey, Long> held = new LinkedHashMap<>();
        Map<DocKey, Stored> toSettle = new LinkedHashMap<>();
        written.forEach(doc -> {
            held.put(DocKey.of(doc), doc.rev());
            if (!doc.pending().isEmpty()) {
                toSettle.put(DocKey.of(doc), doc);
            }
        });
        List<CellWrites.Op> ops = new ArrayList<>(own);
        Set<String> done = new LinkedHashSet<>();
        own.forEach(o -> done.add(o.id()));
        Map<DocKey, Boolean> claims = new LinkedHashMap<>();
        holders.forEach((op, docs) -> {
            if (!docs.stream().allMatch(doc -> claim(doc, held, claims))) {
                log.debug("Operation {} is in another writer's hands", op);
                return;
            }
            Cells sum = new Cells();
            docs.forEach(doc -> {
                sum.addAll(Cells.fromPending(doc.pending().stream().filter(cell -> cell.op().equals(op)).toList()));
                toSettle.put(DocKey.of(doc), doc);
            });
            ops.add(new CellWrites.Op(op, sum));
            done.add(op);
        });
        if (ops.isEmpty()) {
            return true;
        }
        Map<String, Set<String>> touched = cells.apply(ops);
        Map<String, List<Settled>> byCollection = new LinkedHashMap<>();
        toSettle.forEach((key, doc) -> byCollection.computeIfAbsent(key.collection(), c -> new ArrayList<>())
                .add(new Settled(key.collection(), key.id(), held.get(key),
                        doc.pending().stream().filter(cell -> !done.contains(cell.op())).toList())));
        int matched = 0;
        for (Map.Entry<String, List<Settled>> entry : byCollection.entrySet()) {
            matched += facts.settle(entry.getKey(), entry.getValue());
        }
        boolean all = matched == toSettle.size();
        if (all) {
            cells.forget(touched, own.stream().map(CellWrites.Op::id).toList());
        }
        return all;
    }

    /** Whether this writer holds the document as read: written by it at that revision, or claimed now. */
    private boolean claim(Stored doc, Map<DocKey, Long> held, Map<DocKey, Boolean> claims) {
        DocKey key = DocKey.of(doc);
        Long rev = held.get(key);
        if (rev != null && rev == doc.rev()) {
            return true;
        }
        return claims.computeIfAbsent(key, k -> {
            boolean claimed = facts.claim(k.collection(), k.id(), doc.rev());
            if (claimed) {
                held.put(k, doc.rev() + 1);
            }
            return claimed;
        });
    }

    private Map<DocKey, Stored> load(List<Envelope> events) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        events.forEach(e -> ids.computeIfAbsent(collectionOf(e.event()), c -> new LinkedHashSet<>())
                .add(e.event().aggregateId()));
        Map<DocKey, Stored> loaded = new LinkedHashMap<>();
        ids.forEach((collection, keys) -> facts.load(collection, keys)
                .forEach((id, doc) -> loaded.put(new DocKey(collection, id), withLegacyOps(doc))));
        return loaded;
    }

    /** Pending cells written before there were operation ids get one of their document's own. */
    private static Stored withLegacyOps(Stored doc) {
        if (doc.pending().stream().allMatch(cell -> cell.op() != null)) {
            return doc;
        }
        String op = LEGACY + doc.collection() + "/" + doc.id();
        List<PendingCell> pending = doc.pending().stream().map(cell -> cell.op() != null ? cell
                : new PendingCell(cell.kind(), cell.period(), cell.dims(), cell.counts(), op)).toList();
        return new Stored(doc.collection(), doc.facts().withPending(pending), doc.rev(), doc.tail());
    }

    /** A new operation id: the time it started (for pruning) and a random part. */
    static String newOperationId() {
        return System.currentTimeMillis() + "-" + UUID.randomUUID();
    }

    static boolean startedBefore(String op, Instant instant) {
        int dash = op.indexOf('-');
        try {
            return dash <= 0 || Long.parseLong(op.substring(0, dash)) < instant.toEpochMilli();
        } catch (NumberFormatException legacy) {
            return true;
        }
    }

    static String collectionOf(ContractEvent event) {
        return switch (event) {
            case MeetingsEvent.GroupRegistered e -> Kinds.GROUPS;
            case MeetingsEvent.GroupChanged e -> Kinds.GROUPS;
            case MeetingsEvent e -> Kinds.MEETINGS;
            case AppealsEvent e -> Kinds.APPEALS;
            case InstructionsEvent e -> Kinds.INSTRUCTIONS;
            default -> throw new UnreadableEventException("No read model for " + event.type(), null);
        };
    }

    /** The facts after an event newer than their version (the facts are null when there are none yet). */
    static Facts applyTo(Facts before, Envelope envelope) {
        ContractEvent event = envelope.event();
        String id = event.aggregateId();
        return switch (event) {
            case MeetingEvent e -> {
                MeetingFacts facts = before == null ? MeetingFacts.empty(id) : (MeetingFacts) before;
                MeetingFacts after = facts.applyMeeting(e);
                yield after == facts ? before : after;
            }
            case MinutesEvent e -> {
                MeetingFacts facts = before == null ? MeetingFacts.empty(id) : (MeetingFacts) before;
                MeetingFacts after = facts.applyMinutes(e);
                yield after == facts ? before : after;
            }
            case MeetingsEvent e -> {
                GroupFacts facts = before == null ? GroupFacts.empty(id) : (GroupFacts) before;
                GroupFacts after = facts.apply(e);
                yield after == facts ? before : after;
            }
            case AppealsEvent e -> {
                AppealFacts facts = before == null ? AppealFacts.empty(id) : (AppealFacts) before;
                AppealFacts after = facts.apply(e);
                yield after == facts ? before : after;
            }
            case InstructionsEvent e -> {
                InstructionFacts facts = before == null ? InstructionFacts.empty(id) : (InstructionFacts) before;
                InstructionFacts after = facts.apply(e);
                yield after == facts ? before : after;
            }
            default -> before;
        };
    }

    /** The projection's counters, shared by the live copy and a rebuild's. */
    static final class Meters {

        /** What an event did, as counted once its document is written. */
        record Seen(String topic, Tail.Outcome outcome, List<Tail.Event> skipped) {
        }

        private final MeterRegistry registry;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        Meters(MeterRegistry registry) {
            this.registry = registry;
        }

        /** Counts the events of one document; returns how many changed it. */
        int count(String collection, String id, Collection<Seen> events) {
            int changed = 0;
            for (Seen event : events) {
                switch (event.outcome()) {
                    case IGNORED -> count("reporting.events.ignored", event.topic(),
                            "Events ignored: a version already applied (redelivery, replay) or older");
                    case APPLIED -> count("reporting.events.applied", event.topic(), "Events applied to the read models");
                    case REORDERED -> {
                        count("reporting.events.applied", event.topic(), "Events applied to the read models");
                        count("reporting.events.reordered", event.topic(),
                                "Events that came after a later version of their aggregate, put in their place");
                    }
                }
                if (event.outcome() != Tail.Outcome.IGNORED) {
                    changed++;
                }
                for (Tail.Event skipped : event.skipped()) {
                    count("reporting.versions.skipped", skipped.envelope().topic(), "Missing versions given up on:"
                            + " a later version was folded over the gap to keep the waiting events bounded");
                    log.warn("{} {}: a version before {} {} is still missing after {} later events; folded over"
                                    + " the gap (should the missing version come, it is ignored)", collection, id,
                            skipped.sequence(), skipped.version(), Tail.MAX_EVENTS);
                }
            }
            return changed;
        }

        private void count(String name, String topic, String description) {
            counters.computeIfAbsent(name + "|" + topic, k -> Counter.builder(name).tag("topic", topic)
                    .description(description).register(registry)).increment();
        }
    }
}
