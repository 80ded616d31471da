package ru.outreach.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.appeals.AppealsEvent;
import ru.outreach.events.appeals.InstructionsEvent;
import ru.outreach.events.meetings.MeetingsEvent;
import ru.outreach.events.meetings.MeetingsEvent.MeetingEvent;
import ru.outreach.events.meetings.MeetingsEvent.MinutesEvent;

/**
 * Applies events to the read models, a batch at a time. For each entity touched: its facts are loaded once, the
 * events newer than its version are applied in order (a redelivered or older version changes nothing), the cell
 * contribution before and after is compared ({@link Facts#cells()}, a pure function), and the sum of the differences
 * is applied with {@code $inc} upserts. Order of writes: the new facts together with their pending difference (one
 * document each), then the cells, then the pending difference is cleared; a document found with a pending difference
 * has it applied again (at least once: a crash between the last two writes can count one event's difference twice
 * until the next rebuild; none is lost). The classifier's category names carried by the appeals' events are kept
 * beside, the latest per code ({@link CategoryName}).
 */
@Component
public class Projection {

    private static final Map<String, Class<? extends Facts>> TYPES = Map.of(
            Kinds.GROUPS, GroupFacts.class, Kinds.MEETINGS, MeetingFacts.class,
            Kinds.APPEALS, AppealFacts.class, Kinds.INSTRUCTIONS, InstructionFacts.class);

    private final MongoTemplate mongo;
    private final MeterRegistry registry;
    private final Map<String, Counter> applied = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignored = new ConcurrentHashMap<>();

    public Projection(MongoTemplate mongo, MeterRegistry registry) {
        this.mongo = mongo;
        this.registry = registry;
    }

    /** Applies the events in their order; returns how many changed a read model (the rest were stale or repeated). */
    public int apply(List<Envelope> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, Facts>> loaded = load(events);
        Map<String, Map<String, Facts>> working = new LinkedHashMap<>();
        loaded.forEach((collection, docs) -> working.put(collection, new LinkedHashMap<>(docs)));
        Cells delta = new Cells();
        Map<String, Set<String>> repaired = new LinkedHashMap<>();
        loaded.forEach((collection, docs) -> docs.values().stream()
                .filter(doc -> doc.pending() != null && !doc.pending().isEmpty())
                .forEach(doc -> {
                    delta.addAll(Cells.fromPending(doc.pending()));
                    repaired.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(doc.id());
                }));
        int changed = 0;
        for (Envelope envelope : events) {
            String collection = collectionOf(envelope.event());
            String id = envelope.event().aggregateId();
            Facts before = working.get(collection).get(id);
            Facts after = applyTo(before, envelope);
            if (after == before) {
                count(ignored, "reporting.events.ignored", envelope.topic());
                continue;
            }
            working.get(collection).put(id, after);
            count(applied, "reporting.events.applied", envelope.topic());
            changed++;
        }
        Map<String, List<Facts>> writes = new LinkedHashMap<>();
        working.forEach((collection, docs) -> docs.forEach((id, doc) -> {
            Facts old = loaded.get(collection).get(id);
            if (old == doc) {
                return;
            }
            Cells diff = Cells.diff(old == null ? new Cells() : old.cells(), doc.cells());
            delta.addAll(diff);
            writes.computeIfAbsent(collection, c -> new ArrayList<>()).add(doc.withPending(diff.toPending()));
        }));
        writes.forEach(this::writeFacts);
        writeCells(delta);
        Map<String, Set<String>> toClear = new LinkedHashMap<>(repaired);
        writes.forEach((collection, docs) -> docs.stream().filter(doc -> !doc.pending().isEmpty())
                .forEach(doc -> toClear.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(doc.id())));
        toClear.forEach(this::clearPending);
        CategoryName.of(events).values().forEach(name -> name.save(mongo));
        return changed;
    }

    /** Adds counts to the cells with {@code $inc} upserts: for bulk loads that compute the cells from facts. */
    public void addToCells(Cells delta) {
        writeCells(delta);
    }

    /** Applies the differences left pending by a crash (called at start-up). */
    public int repairPending() {
        int repaired = 0;
        for (String collection : Kinds.FACTS) {
            List<? extends Facts> docs = mongo.find(query(where("pending.0").exists(true)), TYPES.get(collection),
                    collection);
            if (docs.isEmpty()) {
                continue;
            }
            Cells delta = new Cells();
            docs.forEach(doc -> delta.addAll(Cells.fromPending(doc.pending())));
            writeCells(delta);
            clearPending(collection, docs.stream().map(Facts::id).collect(java.util.stream.Collectors.toSet()));
            repaired += docs.size();
        }
        return repaired;
    }

    /** Drops every read model and creates the indexes again. */
    public void clear() {
        Kinds.FACTS.forEach(mongo::dropCollection);
        Kinds.CELLS.forEach(kind -> mongo.dropCollection(Kinds.collection(kind)));
        mongo.dropCollection(Kinds.CATEGORIES);
        createIndexes();
    }

    public void createIndexes() {
        Kinds.CELLS.forEach(kind -> mongo.indexOps(Kinds.collection(kind))
                .createIndex(new Index("p", Sort.Direction.ASC)));
        mongo.indexOps(Kinds.MEETINGS).createIndex(new Index("groupId", Sort.Direction.ASC));
        mongo.indexOps(Kinds.MEETINGS).createIndex(new Index("minutesDueOn", Sort.Direction.ASC));
        // the lists behind the figures: a period of the facts by the day it applies to
        mongo.indexOps(Kinds.MEETINGS).createIndex(new Index("heldOn", Sort.Direction.ASC));
        mongo.indexOps(Kinds.MEETINGS).createIndex(new Index("scheduledAt", Sort.Direction.ASC));
        mongo.indexOps(Kinds.APPEALS).createIndex(new Index("receivedOn", Sort.Direction.ASC));
        mongo.indexOps(Kinds.APPEALS).createIndex(new Index("assignedOn", Sort.Direction.ASC));
        mongo.indexOps(Kinds.INSTRUCTIONS).createIndex(new Index("issuedOn", Sort.Direction.ASC));
        mongo.indexOps(Kinds.INSTRUCTIONS).createIndex(new Index("dueOn", Sort.Direction.ASC));
    }

    private Map<String, Map<String, Facts>> load(List<Envelope> events) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Kinds.FACTS.forEach(collection -> ids.put(collection, new LinkedHashSet<>()));
        events.forEach(e -> ids.get(collectionOf(e.event())).add(e.event().aggregateId()));
        Map<String, Map<String, Facts>> loaded = new LinkedHashMap<>();
        ids.forEach((collection, keys) -> {
            Map<String, Facts> docs = new LinkedHashMap<>();
            if (!keys.isEmpty()) {
                mongo.find(query(where("_id").in(keys)), TYPES.get(collection), collection)
                        .forEach(doc -> docs.put(doc.id(), doc));
            }
            loaded.put(collection, docs);
        });
        return loaded;
    }

    private void writeFacts(String collection, List<Facts> docs) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TYPES.get(collection), collection);
        docs.forEach(doc -> bulk.replaceOne(query(where("_id").is(doc.id())), doc,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    private void writeCells(Cells delta) {
        Map<String, BulkOperations> bulks = new LinkedHashMap<>();
        delta.asMap().forEach((key, counts) -> {
            Update update = new Update().setOnInsert("p", key.period()).setOnInsert("d", key.dims());
            counts.forEach((counter, n) -> update.inc("c." + counter, n));
            bulks.computeIfAbsent(key.kind(), kind -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED,
                    Kinds.collection(kind))).upsert(query(where("_id").is(key.id())), update);
        });
        bulks.values().forEach(BulkOperations::execute);
    }

    private void clearPending(String collection, Set<String> ids) {
        mongo.updateMulti(query(where("_id").in(ids)), new Update().set("pending", List.of()), collection);
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

    private void count(Map<String, Counter> counters, String name, String topic) {
        counters.computeIfAbsent(topic, t -> Counter.builder(name).tag("topic", t)
                .description(name.endsWith("applied") ? "Events applied to the read models"
                        : "Events ignored: a version already applied (redelivery, replay) or older")
                .register(registry)).increment();
    }
}
