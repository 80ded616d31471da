package ru.outreach.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.events.CloudEventHeaders;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import tools.jackson.databind.json.JsonMapper;

/** Which record the listener blames, so that only what cannot be processed goes to the dead-letter topic. */
class ProjectionListenerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<List<String>> applied = new ArrayList<>();

    @Test
    void aStoreThatIsAwayFailsTheBatchFromItsFirstRecordAndIsRetriedWithoutEnd() {
        ProjectionListener listener = new ProjectionListener(projection(null, true));
        assertThatThrownBy(() -> listener.on(List.of(record("A1"), record("A2"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isZero();
                    BackOff backOff = StoreFailures.backOff(null, e);
                    assertThat(backOff).as("unbounded retries, no dead letter").isNotNull();
                    BackOffExecution execution = backOff.start();
                    for (int i = 0; i < 1000; i++) {
                        assertThat(execution.nextBackOff()).isNotEqualTo(BackOffExecution.STOP)
                                .isLessThanOrEqualTo(StoreFailures.MAX_PAUSE.toMillis());
                    }
                });
        assertThat(StoreFailures.backOff(null, new IllegalStateException("bug"))).as("the kit's bounded retries")
                .isNull();
    }

    @Test
    void aBatchThatFailsOtherwiseIsAppliedOneByOneAndOnlyTheFailingRecordIsBlamed() {
        ProjectionListener listener = new ProjectionListener(projection("A3", false));
        assertThatThrownBy(() -> listener.on(List.of(record("A1"), record("A2"), record("A3"), record("A4"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(2));
        assertThat(applied).containsExactly(List.of("A1", "A2", "A3", "A4"), List.of("A1"), List.of("A2"),
                List.of("A3"));
    }

    @Test
    void anUnreadableRecordFailsAloneAfterTheRecordsBeforeItAreApplied() {
        ProjectionListener listener = new ProjectionListener(projection(null, false));
        ConsumerRecord<String, String> unreadable = new ConsumerRecord<>("appeals.v1", 0, 1, "X", "{not json");
        unreadable.headers().add(CloudEventHeaders.TYPE, "ru.outreach.AppealRegistered".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> listener.on(List.of(record("A1"), unreadable, record("A2"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(applied).containsExactly(List.of("A1"));
    }

    /** A projection that records what it is given and fails on one appeal, or always as if the store were away. */
    private Projection projection(String failOn, boolean storeAway) {
        return new Projection(mock(MongoTemplate.class), new SimpleMeterRegistry()) {
            @Override
            public int apply(List<Envelope> events) {
                applied.add(events.stream().map(e -> e.event().aggregateId()).toList());
                if (storeAway) {
                    throw new DataAccessResourceFailureException("Timed out while waiting for a server");
                }
                if (events.stream().anyMatch(e -> e.event().aggregateId().equals(failOn))) {
                    throw new IllegalStateException("A bug met " + failOn);
                }
                return events.size();
            }
        };
    }

    private static ConsumerRecord<String, String> record(String id) {
        LocalDate day = LocalDate.of(2026, 3, 2);
        AppealRegistered event = new AppealRegistered(id, 1, AppealState.REGISTERED, "ROADS", "T", AppealChannel.POST,
                day, day, day, day.plusDays(30), day.plusDays(7), true, false, false, null, null);
        ConsumerRecord<String, String> record = new ConsumerRecord<>("appeals.v1", 0, 0, id,
                JSON.writeValueAsString(event));
        record.headers().add(CloudEventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
