package ru.outreach.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.bulk.BulkWriteResult;

import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topic;
import ru.outreach.events.Topics;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fact documents as stored: the facts of the record types, plus what the projection keeps beside them: the
 * revision {@code rev} (raised by every write; a write is conditional on the revision read, so of two writers of one
 * document the later one fails and starts again from what the first wrote) and the {@link Tail} of events applied
 * ahead of a missing version (their JSON and the facts before them).
 */
final class FactsDocuments {

    static final Map<String, Class<? extends Facts>> TYPES = Map.of(
            Kinds.GROUPS, GroupFacts.class, Kinds.MEETINGS, MeetingFacts.class,
            Kinds.APPEALS, AppealFacts.class, Kinds.INSTRUCTIONS, InstructionFacts.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int DUPLICATE_KEY = 11000;

    /**
     * A fact document as read or to be written.
     *
     * @param collection the kind of facts ({@link Kinds#FACTS})
     * @param rev        the revision; 0 when the document does not exist, or was written before there were revisions
     */
    record Stored(String collection, Facts facts, long rev, Tail tail) {

        String id() {
            return facts.id();
        }

        List<PendingCell> pending() {
            return facts.pending() == null ? List.of() : facts.pending();
        }
    }

    /** A document whose pending cells of some operations are applied: they go, and the revision goes up. */
    record Settled(String collection, String id, long rev, List<PendingCell> left) {
    }

    private final MongoTemplate mongo;
    private final ReadModelNames names;

    FactsDocuments(MongoTemplate mongo, ReadModelNames names) {
        this.mongo = mongo;
        this.names = names;
    }

    Map<String, Stored> load(String collection, Collection<String> ids) {
        Map<String, Stored> docs = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(query(where("_id").in(ids)), Document.class, names.facts(collection))
                    .forEach(doc -> {
                        Stored stored = read(collection, doc);
                        docs.put(stored.id(), stored);
                    });
        }
        return docs;
    }

    /** The documents that hold pending cells of any of the operations (every pending one when {@code ops} is null). */
    List<Stored> pending(Collection<String> ops) {
        List<Stored> found = new ArrayList<>();
        Criteria criteria = ops == null ? where("pending.0").exists(true) : where("pending.op").in(ops);
        for (String collection : Kinds.FACTS) {
            mongo.find(query(criteria), Document.class, names.facts(collection))
                    .forEach(doc -> found.add(read(collection, doc)));
        }
        return found;
    }

    /**
     * Writes the documents of one collection, each only if it is still at the revision read; returns the ids of those
     * that another writer changed in the meantime (they are not written).
     */
    Set<String> write(String collection, List<Stored> docs) {
        if (docs.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, names.facts(collection));
        for (Stored doc : docs) {
            bulk.replaceOne(query(where("_id").is(doc.id()).andOperator(atRevision(doc))), toDocument(doc),
                    FindAndReplaceOptions.options().upsert());
        }
        Set<String> conflicts = new LinkedHashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(docs.get(error.getIndex()).id());
            });
        }
        return conflicts;
    }

    /** Raises the revision of a document still at the revision read; false when another writer changed it. */
    boolean claim(String collection, String id, long rev) {
        Criteria atRevision = rev == 0 ? where("rev").exists(false) : where("rev").is(rev);
        return mongo.updateFirst(query(where("_id").is(id).andOperator(atRevision)), new Update().set("rev", rev + 1),
                names.facts(collection)).getMatchedCount() == 1;
    }

    /**
     * Takes the applied cells out of the documents still at the revision read and raises it; returns how many were.
     */
    int settle(String collection, List<Settled> docs) {
        if (docs.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, names.facts(collection));
        for (Settled doc : docs) {
            Criteria atRevision = doc.rev() == 0 ? where("rev").exists(false) : where("rev").is(doc.rev());
            bulk.updateOne(query(where("_id").is(doc.id()).andOperator(atRevision)),
                    new Update().set("pending", doc.left().stream().map(this::toDocument).toList())
                            .set("rev", doc.rev() + 1));
        }
        BulkWriteResult result = bulk.execute();
        return result.getMatchedCount();
    }

    private static Criteria atRevision(Stored doc) {
        return doc.rev() == 0 ? where("rev").exists(false) : where("rev").is(doc.rev());
    }

    private Document toDocument(PendingCell cell) {
        Document doc = new Document();
        mongo.getConverter().write(cell, doc);
        doc.remove("_class");
        return doc;
    }

    /** The document to write: the facts, the next revision, the tail when there is one. */
    private Document toDocument(Stored doc) {
        Document document = new Document();
        mongo.getConverter().write(doc.facts(), document);
        document.put("rev", doc.rev() + 1);
        if (!doc.tail().isEmpty()) {
            document.put("tail", toDocument(doc.tail()));
        }
        return document;
    }

    private Document toDocument(Tail tail) {
        Document base = null;
        if (tail.base() != null) {
            base = new Document();
            mongo.getConverter().write(tail.base().withPending(List.of()), base);
        }
        return new Document("base", base).append("events", tail.events().stream()
                .map(event -> new Document("sequence", event.sequence()).append("version", event.version())
                        .append("topic", event.envelope().topic())
                        .append("subjectKind", event.envelope().subjectKind())
                        .append("type", event.envelope().event().type())
                        .append("json", JSON.writeValueAsString(event.envelope().event())))
                .toList());
    }

    private Stored read(String collection, Document doc) {
        Class<? extends Facts> type = TYPES.get(collection);
        Facts facts = mongo.getConverter().read(type, doc);
        Number rev = doc.get("rev", Number.class);
        Document tail = doc.get("tail", Document.class);
        return new Stored(collection, facts, rev == null ? 0 : rev.longValue(),
                tail == null ? Tail.NONE : readTail(type, tail));
    }

    private Tail readTail(Class<? extends Facts> type, Document tail) {
        Document base = tail.get("base", Document.class);
        List<Tail.Event> events = new ArrayList<>();
        for (Document event : tail.getList("events", Document.class)) {
            String topicName = event.getString("topic");
            Topic<?> topic = Topics.ALL.stream().filter(t -> t.name().equals(topicName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown topic in a tail: " + topicName));
            Class<? extends ContractEvent> eventType = topic.typeOf(event.getString("type"))
                    .orElseThrow(() -> new IllegalStateException("Unknown type in a tail: " + event.get("type")));
            ContractEvent read = JSON.readValue(event.getString("json"), eventType);
            events.add(new Tail.Event(event.getString("sequence"), event.get("version", Number.class).longValue(),
                    new Envelope(topicName, event.getString("subjectKind"), read)));
        }
        return new Tail(base == null ? null : mongo.getConverter().read(type, base), List.copyOf(events));
    }
}
