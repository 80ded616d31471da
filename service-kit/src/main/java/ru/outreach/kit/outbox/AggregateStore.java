package ru.outreach.kit.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;

import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an aggregate together with the events it recorded, in one single-document write, then asks the relay to
 * publish them. An update applies only if the stored version is still the one the aggregate was read at.
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

    public <T extends AggregateRoot> T insert(T aggregate) {
        Document document = toDocument(aggregate);
        document.put(OutboxMessage.FIELD, outboxDocuments(aggregate));
        collection(aggregate).insertOne(document);
        return stored(aggregate);
    }

    public <T extends AggregateRoot> T update(T aggregate) {
        if (aggregate.pendingEvents().isEmpty()) {
            return aggregate;
        }
        Document fields = toDocument(aggregate);
        fields.remove("_id");
        Document update = new Document("$set", fields)
                .append("$push", new Document(OutboxMessage.FIELD, new Document("$each", outboxDocuments(aggregate))));
        Document cleared = clearedFields(aggregate, fields);
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
