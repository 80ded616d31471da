package ru.outreach.reporting.projection;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import ru.outreach.events.CloudEventHeaders;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topic;
import ru.outreach.events.Topics;
import ru.outreach.events.meetings.MeetingsEvent;
import ru.outreach.events.meetings.MeetingsEvent.MeetingResultsPublished;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.events.meetings.MeetingsEvent.MinutesRecorded;
import ru.outreach.events.meetings.MeetingsEvent.MinutesSigned;
import ru.outreach.events.meetings.MeetingsEvent.ProposalEvaluated;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of the three topics: the record class from {@code ce_type}, the body as its JSON (unknown fields are
 * skipped: the contract only adds fields), the subject kind from {@code ce_subject} (derived from the type when the
 * header is missing).
 */
public final class EventReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<String, Topic<?>> TOPICS = Map.of(
            Topics.MEETINGS.name(), Topics.MEETINGS,
            Topics.APPEALS.name(), Topics.APPEALS,
            Topics.INSTRUCTIONS.name(), Topics.INSTRUCTIONS);
    private static final Set<Class<?>> MINUTES_EVENTS = Set.of(MinutesRecorded.class, MinutesSigned.class,
            MinutesHandedOver.class, ProposalEvaluated.class, MeetingResultsPublished.class);

    public static Envelope read(ConsumerRecord<String, String> record) {
        Topic<?> topic = TOPICS.get(record.topic());
        if (topic == null) {
            throw new UnreadableEventException("Not a topic of the read models: " + record.topic(), null);
        }
        String type = header(record, CloudEventHeaders.TYPE);
        Class<? extends ContractEvent> eventClass = topic.typeOf(type == null ? "" : type)
                .orElseThrow(() -> new UnreadableEventException("Unknown ce_type " + type + " on " + topic.name(),
                        null));
        if (record.value() == null) {
            throw new UnreadableEventException("Empty body of " + type, null);
        }
        ContractEvent event;
        try {
            event = JSON.readValue(record.value(), eventClass);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Body is not the JSON of " + type + ": " + e.getOriginalMessage(), e);
        }
        if (event.aggregateId() == null) {
            throw new UnreadableEventException("No aggregate id in " + type, null);
        }
        return new Envelope(topic.name(), subjectKind(header(record, CloudEventHeaders.SUBJECT), event), event);
    }

    /** {@code minutes} of {@code minutes/M-1}; without a header, from the event's type. */
    static String subjectKind(String subject, ContractEvent event) {
        if (subject != null && subject.indexOf('/') > 0) {
            return subject.substring(0, subject.indexOf('/'));
        }
        return kindOf(event);
    }

    public static String kindOf(ContractEvent event) {
        return switch (event) {
            case MeetingsEvent.GroupRegistered e -> "group";
            case MeetingsEvent.GroupChanged e -> "group";
            case MeetingsEvent e -> MINUTES_EVENTS.contains(e.getClass()) ? "minutes" : "meeting";
            case ru.outreach.events.appeals.AppealsEvent e -> "appeal";
            case ru.outreach.events.appeals.InstructionsEvent e -> "instruction";
            default -> "unknown";
        };
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private EventReader() {
    }
}
