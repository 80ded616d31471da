package ru.outreach.kit.outbox;

import java.time.Instant;

import org.bson.Document;

/** An event waiting in its aggregate's document to be published: what the Kafka record will hold. */
record OutboxMessage(String eventId, String topic, String key, String type, String subject, Instant time,
                     String payload) {

    static final String FIELD = "outbox";
    static final String EVENT_ID = "eventId";

    Document toDocument() {
        return new Document(EVENT_ID, eventId).append("topic", topic).append("key", key).append("type", type)
                .append("subject", subject).append("time", time.toString()).append("payload", payload);
    }

    static OutboxMessage fromDocument(Document document) {
        return new OutboxMessage(document.getString(EVENT_ID), document.getString("topic"), document.getString("key"),
                document.getString("type"), document.getString("subject"), Instant.parse(document.getString("time")),
                document.getString("payload"));
    }
}
