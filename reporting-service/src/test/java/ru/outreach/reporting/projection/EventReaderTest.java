package ru.outreach.reporting.projection;

import ru.outreach.kit.kafka.UnreadableRecordException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;

class EventReaderTest {

    @Test
    void readsTheTypeFromTheHeaderAndTheSubjectKind() {
        ConsumerRecord<String, String> record = record("meetings.v1", "ru.outreach.MinutesHandedOver",
                "minutes/M1", """
                {"meetingId":"M1","version":3,"groupId":"G","territory":"T","heldOn":"2026-02-10",
                 "dueOn":"2026-02-17","handedOverOn":"2026-02-16","late":false,"addedLater":1}""");
        Envelope envelope = EventReader.read(record);
        assertThat(envelope.event()).isInstanceOf(MinutesHandedOver.class);
        assertThat(envelope.subjectKind()).isEqualTo("minutes");
        assertThat(envelope.topic()).isEqualTo("meetings.v1");
    }

    @Test
    void withoutASubjectTheKindComesFromTheType() {
        Envelope envelope = EventReader.read(record("meetings.v1", "ru.outreach.ProposalEvaluated", null,
                "{\"meetingId\":\"M1\",\"version\":4,\"proposalId\":\"P\",\"outcome\":\"ACCEPTED\"}"));
        assertThat(envelope.subjectKind()).isEqualTo("minutes");
        Envelope held = EventReader.read(record("meetings.v1", "ru.outreach.MeetingHeld", null,
                "{\"meetingId\":\"M1\",\"version\":2,\"heldAt\":\"2026-02-10T18:00:00\",\"residentsAttended\":3,\"officialsPresent\":1}"));
        assertThat(held.subjectKind()).isEqualTo("meeting");
    }

    @Test
    void poisonIsUnreadable() {
        assertThatThrownBy(() -> EventReader.read(record("appeals.v1", "ru.outreach.Nonsense", null, "{}")))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("Unknown ce_type");
        assertThatThrownBy(() -> EventReader.read(record("appeals.v1", "ru.outreach.AppealClosed", null, "{oops")))
                .isInstanceOf(UnreadableRecordException.class);
        assertThatThrownBy(() -> EventReader.read(record("appeals.v1", "ru.outreach.AppealClosed", null,
                "{\"version\":1}"))).isInstanceOf(UnreadableRecordException.class).hasMessageContaining("aggregate id");
    }

    private static ConsumerRecord<String, String> record(String topic, String type, String subject, String body) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, "k", body);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        if (subject != null) {
            record.headers().add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
