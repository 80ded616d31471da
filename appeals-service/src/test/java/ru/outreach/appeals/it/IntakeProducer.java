package ru.outreach.appeals.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.outreach.events.CloudEventHeaders;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topics;
import ru.outreach.events.meetings.MeetingIntakeEvent.Citizen;
import ru.outreach.events.meetings.MeetingIntakeEvent.InstructionOrder;
import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;
import ru.outreach.events.meetings.MeetingIntakeEvent.ReceptionCard;
import ru.outreach.events.meetings.MeetingIntakeEvent.WrittenAppeal;
import tools.jackson.databind.json.JsonMapper;

/** Puts records onto {@code meetings.intake.v1} the way the meetings service's relay does: CloudEvents headers, JSON. */
public final class IntakeProducer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    public IntakeProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    /** A meeting's intake: one reception card, one written appeal, one instruction per due date given. */
    public static MeetingIntakeReleased minutes(String meetingId, String territory, LocalDate heldOn,
                                                LocalDate... instructionsDue) {
        List<InstructionOrder> orders = new java.util.ArrayList<>();
        for (int i = 0; i < instructionsDue.length; i++) {
            orders.add(new InstructionOrder("I" + (i + 1), "Проверить освещение ул. Шахтёрской (" + (i + 1) + ")",
                    "Управление ЖКХ", instructionsDue[i]));
        }
        return new MeetingIntakeReleased(meetingId, 3, "g-1", territory, heldOn,
                List.of(new ReceptionCard("RC1", new Citizen("Петрова Анна Сергеевна", "ул. Шахтёрская, 3, кв. 7",
                        "+7 900 111-22-33", null), "Протекает крыша", "HOUSING")),
                List.of(new WrittenAppeal("WA1", new Citizen("Кузнецова Мария Ильинична", "ул. Мира, 5", null, null),
                        "Ремонт тротуара", "Тротуары во дворах")),
                orders);
    }

    public RecordMetadata send(ContractEvent event) {
        return send(event.aggregateId(), event.type(), JSON.writeValueAsString(event));
    }

    public RecordMetadata send(String key, String type, String body) {
        return await(producer.send(record(key, type, body)));
    }

    /** Sends without waiting for the broker; {@link #flush()} waits for all. */
    public void sendAsync(ContractEvent event) {
        producer.send(record(event.aggregateId(), event.type(), JSON.writeValueAsString(event)));
    }

    public void flush() {
        producer.flush();
    }

    private static ProducerRecord<String, String> record(String key, String type, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MEETINGS_INTAKE.name(), key, body);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        if (type != null) {
            header(record, CloudEventHeaders.TYPE, type);
        }
        header(record, CloudEventHeaders.SOURCE, "/meetings-service");
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.SUBJECT, "minutes/" + key);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
