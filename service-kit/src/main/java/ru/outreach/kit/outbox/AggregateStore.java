package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;

import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topics;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.support.RuleViolationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an aggregate together with the events it recorded, in one single-document write that also raises the
 * document's {@link PendingFlag}, then asks the relay to publish them. An update applies only if the stored version
 * is still the one the aggregate was read at. A create with an idempotency key keeps the key in the same document
 * ({@code idempotency: {key, caller, fingerprint}}), so the aggregate never exists without its key nor the key
 * without its aggregate.
 */
@Component
public class AggregateStore {

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final Clock clock;

    AggregateStore(MongoTemplate mongo, JsonMapper json, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
    }

    static final String IDEMPOTENCY = "idempotency";

    public <T extends AggregateRoot> T insert(T aggregate) {
        collection(aggregate).insertOne(newDocument(aggregate));
        return stored(aggregate);
    }

    /**
     * Creates an aggregate once per idempotency key. Without a key ({@code null}) {@code factory} makes it under a new
     * random id and it is inserted. With one, the id is the key's ({@link IdempotencyKey#aggregateId}): when a
     * document of that id exists, it is the earlier answer to the same request if its stored key, caller and
     * fingerprint are the key's, and it is returned as it is now, with nothing written; otherwise the key was used for
     * another request (422 naming the header). When none exists, {@code factory} runs (checking what it must) and the
     * aggregate is inserted with its key and its events in one document. A concurrent attempt with the same key that
     * got in first makes the insert fail on the unique {@code _id} (or a check of the factory fail on what it
     * created), and its document is the answer.
     */
    public <T extends AggregateRoot> Creation<T> create(Class<T> type, IdempotencyKey key,
                                                        Function<String, ? extends T> factory) {
        if (key == null) {
            return new Creation<>(insert(factory.apply(UUID.randomUUID().toString())), true);
        }
        String collectionName = mongo.getCollectionName(type);
        String id = key.aggregateId(collectionName);
        T earlier = earlier(type, collectionName, id, key);
        if (earlier != null) {
            return new Creation<>(earlier, false);
        }
        T aggregate;
        try {
            aggregate = factory.apply(id);
        } catch (RuntimeException e) {
            // a check of the factory (a unique name, say) may have failed on the record that a concurrent attempt
            // with the same key has just created: that record is the answer
            T first = earlier(type, collectionName, id, key);
            if (first == null) {
                throw e;
            }
            return new Creation<>(first, false);
        }
        if (!id.equals(aggregate.id())) {
            throw new IllegalStateException("The factory of " + type.getSimpleName() + " must use the id it is given");
        }
        Document document = newDocument(aggregate);
        document.put(IDEMPOTENCY, new Document("key", key.key()).append("caller", key.caller())
                .append("fingerprint", key.fingerprint()));
        try {
            collection(aggregate).insertOne(document);
        } catch (MongoServerException e) {
            T first = ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY
                    ? earlier(type, collectionName, id, key) : null;
            if (first == null) {
                throw e;
            }
            return new Creation<>(first, false);
        }
        return new Creation<>(stored(aggregate), true);
    }

    /**
     * What a create answers: the aggregate, and whether this call created it ({@code false}: an earlier call with
     * the same idempotency key did, and this is that aggregate as it is now).
     */
    public record Creation<T extends AggregateRoot>(T aggregate, boolean created) {
    }

    /** The aggregate an earlier request with this key created, or null; refused when the key was used otherwise. */
    private <T extends AggregateRoot> T earlier(Class<T> type, String collectionName, String id, IdempotencyKey key) {
        Document document = mongo.getCollection(collectionName).find(eq("_id", id)).first();
        if (document == null) {
            return null;
        }
        Document stored = document.get(IDEMPOTENCY, Document.class);
        if (stored == null || !key.key().equals(stored.getString("key"))
                || !key.caller().equals(stored.getString("caller"))
                || !key.fingerprint().equals(stored.getString("fingerprint"))) {
            throw new RuleViolationException(IdempotencyKey.HEADER, "error.idempotency-key-reused", key.key());
        }
        return mongo.getConverter().read(type, document);
    }

    /** The aggregate's document with its events, flagged ({@link PendingFlag}) when it has any. */
    private Document newDocument(AggregateRoot aggregate) {
        Document document = toDocument(aggregate);
        List<Document> outbox = outboxDocuments(aggregate);
        document.put(OutboxMessage.FIELD, outbox);
        if (!outbox.isEmpty()) {
            document.put(PendingFlag.FIELD, true);
        }
        return document;
    }

    public <T extends AggregateRoot> T update(T aggregate) {
        if (aggregate.pendingEvents().isEmpty()) {
            return aggregate;
        }
        Document fields = toDocument(aggregate);
        fields.remove("_id");
        Document cleared = clearedFields(aggregate, fields);
        fields.put(PendingFlag.FIELD, true); // in the same write as the events, so the sweep always finds them
        Document update = new Document("$set", fields)
                .append("$push", new Document(OutboxMessage.FIELD, new Document("$each", outboxDocuments(aggregate))));
        if (!cleared.isEmpty()) {
            update.append("$unset", cleared);
        }
        UpdateResult result = collection(aggregate)
                .updateOne(and(eq("_id", aggregate.id()), eq("version", aggregate.storedVersion())), update);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    "%s %s was changed by someone else".formatted(aggregate.subject(), aggregate.id()));
        }
        return stored(aggregate);
    }

    private <T extends AggregateRoot> T stored(T aggregate) {
        aggregate.markStored();
        relay.publishSoon(mongo.getCollectionName(aggregate.getClass()), aggregate.id());
        return aggregate;
    }

    private Document toDocument(AggregateRoot aggregate) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        return document;
    }

    /** Properties that are null now: the converter leaves them out, so the update removes them explicitly. */
    private Document clearedFields(AggregateRoot aggregate, Document written) {
        Set<String> cleared = new HashSet<>();
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass())
                .doWithProperties((PersistentProperty<?> property) -> {
                    String field = property.getName().equals("id") ? "_id" : fieldName(property);
                    if (!field.equals("_id") && !written.containsKey(field)) {
                        cleared.add(field);
                    }
                });
        Document unset = new Document();
        cleared.forEach(field -> unset.append(field, ""));
        return unset;
    }

    private static String fieldName(PersistentProperty<?> property) {
        return property instanceof org.springframework.data.mongodb.core.mapping.MongoPersistentProperty mongoProperty
                ? mongoProperty.getFieldName() : property.getName();
    }

    private List<Document> outboxDocuments(AggregateRoot aggregate) {
        return aggregate.pendingEvents().stream().map(event -> toMessage(aggregate, event).toDocument()).toList();
    }

    private OutboxMessage toMessage(AggregateRoot aggregate, ContractEvent event) {
        return new OutboxMessage(UUID.randomUUID().toString(), Topics.of(event).name(), event.aggregateId(),
                event.type(), aggregate.subject(), clock.instant(), json.writeValueAsString(event));
    }

    private MongoCollection<Document> collection(AggregateRoot aggregate) {
        return mongo.getCollection(mongo.getCollectionName(aggregate.getClass()));
    }
}
