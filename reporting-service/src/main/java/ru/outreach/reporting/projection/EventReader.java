package ru.outreach.reporting.projection;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ru.outreach.events.CloudEventHeaders;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topic;
import ru.outreach.events.Topics;
import ru.outreach.events.meetings.MeetingsEvent;
import ru.outreach.kit.kafka.ContractEventReader;

/**
 * Reads a record of the three topics: the record class from {@code ce_type}, the body as its JSON (unknown fields are
 * skipped: the contract only adds fields), the subject kind from {@code ce_subject} (derived from the type when the
 * header is missing).
 */
public final class EventReader {

    private static final Map<String, Topic<?>> TOPICS = Map.of(
            Topics.MEETINGS.name(), Topics.MEETINGS,
            Topics.APPEALS.name(), Topics.APPEALS,
            Topics.INSTRUCTIONS.name(), Topics.INSTRUCTIONS);

    public static Envelope read(ConsumerRecord<String, String> record) {
        Topic<?> topic = TOPICS.get(record.topic());
        if (topic == null) {
            throw new UnreadableEventException("Not a topic of the read models: " + record.topic(), null);
        }
        ContractEvent event = ContractEventReader.read(topic, record);
        if (event.aggregateId() == null) {
            throw new UnreadableEventException("No aggregate id in " + event.type(), null);
        }
        return new Envelope(topic.name(), subjectKind(ContractEventReader.header(record, CloudEventHeaders.SUBJECT), event), event);
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
            case MeetingsEvent.MinutesEvent e -> "minutes";
            case MeetingsEvent e -> "meeting";
            case ru.outreach.events.appeals.AppealsEvent e -> "appeal";
            case ru.outreach.events.appeals.InstructionsEvent e -> "instruction";
            default -> "unknown";
        };
    }

    private EventReader() {
    }
}
