package ru.outreach.appeals.intake;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.outreach.events.CloudEventHeaders;
import ru.outreach.events.Topics;
import ru.outreach.events.meetings.MeetingIntakeEvent;
import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code meetings.intake.v1}: the record class comes from the {@code ce_type} header, the body is its JSON.
 * A record that cannot be read is not retried; it goes to the dead-letter topic.
 */
@Component
class IntakeListener {

    /** Unknown fields are skipped: the contract only adds fields. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final IntakeService intake;

    IntakeListener(IntakeService intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "meetings-intake", topics = "meetings.intake.v1", groupId = "${spring.kafka.consumer.group-id:appeals-service}")
    void on(ConsumerRecord<String, String> record) {
        MeetingIntakeEvent event = read(record);
        if (event instanceof MeetingIntakeReleased released) {
            intake.accept(released);
        }
    }

    static MeetingIntakeEvent read(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        Class<? extends MeetingIntakeEvent> eventClass = Topics.MEETINGS_INTAKE.typeOf(type == null ? "" : type)
                .orElseThrow(() -> new UnreadableIntakeException("Unknown ce_type " + type, null));
        if (record.value() == null) {
            throw new UnreadableIntakeException("Empty body of " + type, null);
        }
        try {
            return JSON.readValue(record.value(), eventClass);
        } catch (JacksonException e) {
            throw new UnreadableIntakeException("Body is not the JSON of " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
