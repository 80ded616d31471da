package ru.outreach.appeals.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.outreach.events.Topics;
import ru.outreach.kit.kafka.ContractEventReader;
import ru.outreach.events.meetings.MeetingIntakeEvent;
import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;

/**
 * Reads {@code meetings.intake.v1}: the record class comes from the {@code ce_type} header, the body is its JSON.
 * A record that cannot be read is not retried; it goes to the dead-letter topic.
 */
@Component
class IntakeListener {

    private final IntakeService intake;

    IntakeListener(IntakeService intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "meetings-intake", topics = "meetings.intake.v1", groupId = "${spring.kafka.consumer.group-id:appeals-service}")
    void on(ConsumerRecord<String, String> record) {
        MeetingIntakeEvent event = ContractEventReader.read(Topics.MEETINGS_INTAKE, record);
        if (event instanceof MeetingIntakeReleased released) {
            intake.accept(released);
        }
    }
}
