package ru.outreach.kit.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import ru.outreach.events.CloudEventHeaders;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topic;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a contract event from a Kafka record: the record class comes from the {@code ce_type} header, the body is its
 * JSON. Unknown fields are skipped, since the contract only adds fields; what cannot be read is an
 * {@link UnreadableRecordException}, which the dead-letter handling does not retry.
 */
public final class ContractEventReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ContractEventReader() {
    }

    public static <E extends ContractEvent> E read(Topic<E> topic, ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        Class<? extends E> eventClass = topic.typeOf(type == null ? "" : type)
                .orElseThrow(() -> new UnreadableRecordException("Unknown ce_type " + type + " on " + topic.name(),
                        null));
        if (record.value() == null) {
            throw new UnreadableRecordException("Empty body of " + type, null);
        }
        try {
            return JSON.readValue(record.value(), eventClass);
        } catch (JacksonException e) {
            throw new UnreadableRecordException("Body is not the JSON of " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A header's text, or null when the record has no such header. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
