package ru.outreach.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topics;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.AppealsEvent.AppealAnswered;
import ru.outreach.events.appeals.AppealsEvent.AppealAssigned;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MinutesCounts;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.events.meetings.MeetingsEvent.MinutesSigned;
import ru.outreach.events.meetings.MeetingsEvent.ProposalEvaluated;
import ru.outreach.events.meetings.ProposalOutcome;
import ru.outreach.reporting.fixture.ReadModelSnapshot;
import ru.outreach.reporting.fixture.TestStore;

/** Versions that come out of order, with gaps, or while another writer changes the same document. */
class VersionOrderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final TestStore store = new TestStore();
    private final TestStore other = new TestStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Projection projection = new Projection(store.template(), registry);

    @AfterEach
    void close() {
        store.close();
        other.close();
    }

    @Test
    void aVersionAfterAGapCountsAtOnceAndTheMissingOneTakesItsPlaceWhenItComes() {
        projection.apply(List.of(envelope(registered(1))));
        projection.apply(List.of(envelope(answered(3))));
        AppealFacts ahead = store.template().findById("A", AppealFacts.class, Kinds.APPEALS);
        assertThat(ahead.answeredOn()).as("the answer counts before the assignment comes").isEqualTo(DAY.plusDays(9));
        assertThat(ahead.department()).isNull();
        assertThat(tail("A")).as("waits for version 2").isNotNull();

        projection.apply(List.of(envelope(assigned(2))));
        AppealFacts filled = store.template().findById("A", AppealFacts.class, Kinds.APPEALS);
        assertThat(List.of(filled.version(), filled.department(), filled.answeredOn()))
                .containsExactly(3L, "Отдел дорог", DAY.plusDays(9));
        assertThat(tail("A")).as("nothing waits any more").isNull();
        assertThat(registry.get("reporting.events.reordered").tag("topic", "appeals.v1").counter().count())
                .isEqualTo(1);

        Projection inOrder = new Projection(other.template(), new SimpleMeterRegistry());
        inOrder.apply(List.of(envelope(registered(1)), envelope(assigned(2)), envelope(answered(3))));
        assertThat(ReadModelSnapshot.of(store.template())).isEqualTo(ReadModelSnapshot.of(other.template()));
    }

    @Test
    void anEventOfTheTailDeliveredAgainChangesNothing() {
        projection.apply(List.of(envelope(registered(1)), envelope(answered(3))));
        var before = ReadModelSnapshot.of(store.template());
        assertThat(projection.apply(List.of(envelope(answered(3)), envelope(registered(1))))).isZero();
        assertThat(ReadModelSnapshot.of(store.template())).isEqualTo(before);
    }

    @Test
    void minutesSkipTheVersionOfTheirIntakeAndTheirLaterEventsCountAnyway() {
        MinutesCounts counts = new MinutesCounts(4, 1, 2, 1, 1, 1);
        projection.apply(List.of(envelope(new MeetingHeld("M", 1, "G", "T", DAY.atTime(18, 0), 25, 2,
                        DAY.plusDays(7))), envelope(new MinutesSigned("M", 1, "G", "T", DAY, DAY.plusDays(1), counts)),
                // version 2 of the minutes is their intake, on meetings.intake.v1
                envelope(new MinutesHandedOver("M", 3, "G", "T", DAY, DAY.plusDays(7), DAY.plusDays(5), false))));
        MeetingFacts meeting = store.template().findById("M", MeetingFacts.class, Kinds.MEETINGS);
        assertThat(meeting.handedOverOn()).isEqualTo(DAY.plusDays(5));
        assertThat(cell("groupMonth", "2026-03|G")).containsEntry("minutesHandedOver", 1L)
                .containsEntry("minutesOnTime", 1L).containsEntry("held", 1L);
    }

    @Test
    void aGapThatNeverFillsKeepsAtMostSixteenEventsWaitingThenGivesUpOnIt() {
        projection.apply(List.of(envelope(new MinutesSigned("M", 1, "G", "T", DAY, DAY.plusDays(1),
                new MinutesCounts(4, 1, 20, 0, 0, 0)))));
        for (int v = 3; v < 3 + Tail.MAX_EVENTS; v++) {
            projection.apply(List.of(envelope(evaluated(v))));
        }
        assertThat(tail("M").getList("events", Document.class)).as("version 2 missing").hasSize(Tail.MAX_EVENTS);
        assertThat(cell("groupMonth", "2026-03|G")).containsEntry("proposalsAccepted", (long) Tail.MAX_EVENTS);

        projection.apply(List.of(envelope(evaluated(3 + Tail.MAX_EVENTS))));
        assertThat(tail("M")).as("given up on version 2: the rest follow in order").isNull();
        assertThat(registry.get("reporting.versions.skipped").tag("topic", "meetings.v1").counter().count())
                .isEqualTo(1);
        assertThat(cell("groupMonth", "2026-03|G")).containsEntry("proposalsAccepted", (long) Tail.MAX_EVENTS + 1);

        projection.apply(List.of(envelope(evaluated(2))));
        assertThat(cell("groupMonth", "2026-03|G")).as("too late: ignored")
                .containsEntry("proposalsAccepted", (long) Tail.MAX_EVENTS + 1);
    }

    private static ProposalEvaluated evaluated(int version) {
        return new ProposalEvaluated("M", version, "G", "T", "P" + version, ProposalOutcome.ACCEPTED, DAY);
    }

    @Test
    void aDocumentChangedByAnotherWriterMeanwhileIsAppliedAgainOverWhatItWrote() {
        projection.apply(List.of(envelope(registered(1))));
        AtomicBoolean interfered = new AtomicBoolean();
        MongoTemplate interfering = new MongoTemplate(store.template().getMongoDatabaseFactory(),
                store.template().getConverter()) {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                if (interfered.compareAndSet(false, true)) {
                    // between this writer's read and its write, another one applies version 2
                    new Projection(store.template(), new SimpleMeterRegistry()).apply(List.of(envelope(assigned(2))));
                }
                return super.bulkOps(mode, collectionName);
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int changed = new Projection(interfering, meters).apply(List.of(envelope(answered(3))));

        assertThat(changed).isEqualTo(1);
        assertThat(meters.get("reporting.events.applied").tag("topic", "appeals.v1").counter().count()).isEqualTo(1);
        Projection sequential = new Projection(other.template(), new SimpleMeterRegistry());
        sequential.apply(List.of(envelope(registered(1)), envelope(assigned(2)), envelope(answered(3))));
        assertThat(ReadModelSnapshot.of(store.template())).isEqualTo(ReadModelSnapshot.of(other.template()));
        assertThat(ReadModelSnapshot.leftovers(store.template())).isEmpty();
    }

    private static AppealRegistered registered(long version) {
        return new AppealRegistered("A", version, AppealState.REGISTERED, "ROADS", "T", AppealChannel.POST, DAY, DAY,
                DAY.plusDays(3), DAY.plusDays(30), DAY.plusDays(7), true, false, false, null, "Дороги");
    }

    private static AppealAssigned assigned(long version) {
        return new AppealAssigned("A", version, AppealState.ASSIGNED, "ROADS", "T", "Отдел дорог", DAY.plusDays(1),
                DAY.plusDays(30));
    }

    private static AppealAnswered answered(long version) {
        return new AppealAnswered("A", version, AppealState.ANSWERED, "ROADS", "T", null, DAY.plusDays(9),
                DAY.plusDays(30), false, false);
    }

    private Document tail(String id) {
        Document doc = store.template().findById(id, Document.class,
                id.startsWith("M") ? Kinds.MEETINGS : Kinds.APPEALS);
        return doc.get("tail", Document.class);
    }

    private java.util.Map<String, Long> cell(String kind, String id) {
        Document doc = store.template().findById(id, Document.class, Kinds.collection(kind));
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        doc.get("c", Document.class).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        return counts;
    }

    private static Envelope envelope(ContractEvent event) {
        return new Envelope(Topics.of(event).name(), EventReader.kindOf(event), event);
    }
}
