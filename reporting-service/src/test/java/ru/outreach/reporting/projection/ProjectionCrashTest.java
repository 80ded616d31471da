package ru.outreach.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.Topics;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MeetingPlanned;
import ru.outreach.events.meetings.MeetingsEvent.MinutesCounts;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.events.meetings.MeetingsEvent.MinutesRecorded;
import ru.outreach.events.meetings.MeetingsEvent.MinutesSigned;
import ru.outreach.events.meetings.MeetingsEvent.ProposalEvaluated;
import ru.outreach.events.meetings.ProposalOutcome;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.fixture.ReadModelSnapshot;
import ru.outreach.reporting.fixture.TestStore;
import ru.outreach.reporting.projection.CrashingMongoTemplate.Crash;

/**
 * The projection killed at every point between its writes, then started again over the same store (the start-up
 * repair, then the batch delivered again, since its offsets were not committed), ends with the very read models of a
 * projection that never crashed: nothing lost, nothing counted twice, nothing left pending.
 */
class ProjectionCrashTest {

    /** Groups, meetings, minutes (one with a version that never comes), appeals, instructions, in batches of 6. */
    private static final List<List<Envelope>> BATCHES = batches();

    private final TestStore store = new TestStore();
    private final MongoTemplate mongo = store.template();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCrashAfterAnyWriteLosesNothingAndCountsNothingTwice() {
        Map<String, Object> expected = neverCrashed();
        int crashes = 0;
        for (int batch = 0; batch < BATCHES.size(); batch++) {
            int writes = writesOf(batch);
            for (int allowed = 0; allowed < writes; allowed++) {
                applyBefore(batch);
                crash(batch, allowed);
                boolean repairFirst = allowed % 2 == 0;
                if (repairFirst) {
                    restart(batch, -1);
                } else {
                    retryWithMore(batch);
                }
                String point = "crash in batch " + batch + " after " + allowed + " of " + writes + " writes, "
                        + (repairFirst ? "start-up repair" : "retried with the next batch");
                assertThat(ReadModelSnapshot.of(mongo)).as(point).isEqualTo(expected);
                assertThat(ReadModelSnapshot.leftovers(mongo)).as(point).isEmpty();
                crashes++;
            }
        }
        assertThat(crashes).as("crash points tried").isGreaterThan(100);
    }

    @Test
    void aSecondCrashWhileRepairingTheFirstLosesNothingEither() {
        Map<String, Object> expected = neverCrashed();
        int batch = 4;
        int writes = writesOf(batch);
        for (int first = 0; first < writes; first += 2) {
            int restartWrites = restartWrites(batch, first);
            for (int second = 0; second < restartWrites; second++) {
                applyBefore(batch);
                crash(batch, first);
                int allowed = second;
                assertThatThrownBy(() -> restart(batch, allowed)).isInstanceOf(Crash.class);
                restart(batch, -1);
                String point = "crashes in batch " + batch + " after " + first + " writes, then after " + second
                        + " writes of the restart";
                assertThat(ReadModelSnapshot.of(mongo)).as(point).isEqualTo(expected);
                assertThat(ReadModelSnapshot.leftovers(mongo)).as(point).isEmpty();
            }
        }
    }

    @Test
    void versionsOutOfOrderGiveWhatTheyGiveInOrder() {
        try (TestStore inOrder = new TestStore(); TestStore shuffled = new TestStore()) {
            Projection ordered = new Projection(inOrder.template(), new SimpleMeterRegistry());
            List<Envelope> events = withoutRepeatedVersions(events());
            List<Envelope> sorted = new ArrayList<>(events);
            sorted.sort(java.util.Comparator.comparing((Envelope e) -> Projection.collectionOf(e.event()))
                    .thenComparing(e -> e.event().aggregateId())
                    .thenComparing(e -> Versions.sequenceOf(e.event()))
                    .thenComparingLong(e -> e.event().version()));
            ordered.apply(sorted);
            Projection reordered = new Projection(shuffled.template(), new SimpleMeterRegistry());
            List<Envelope> reversed = new ArrayList<>(events);
            Collections.reverse(reversed);
            reversed.forEach(e -> reordered.apply(List.of(e)));
            assertThat(ReadModelSnapshot.of(shuffled.template())).isEqualTo(ReadModelSnapshot.of(inOrder.template()));
        }
    }

    /** The events without a second one of the same version (the scenario's repeated ones differ in content). */
    private static List<Envelope> withoutRepeatedVersions(List<Envelope> events) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return new ArrayList<>(events.stream().filter(e -> seen.add(Projection.collectionOf(e.event()) + "/"
                + e.event().aggregateId() + "/" + Versions.sequenceOf(e.event()) + "/" + e.event().version()))
                .toList());
    }

    /** The read models after every batch, applied by a projection that never crashed. */
    private Map<String, Object> neverCrashed() {
        applyBefore(BATCHES.size());
        assertThat(ReadModelSnapshot.leftovers(mongo)).isEmpty();
        return ReadModelSnapshot.of(mongo);
    }

    /** The single-document writes of a batch after the ones before it. */
    private int writesOf(int batch) {
        applyBefore(batch);
        CrashingMongoTemplate counting = new CrashingMongoTemplate(mongo, -1);
        new Projection(counting, new SimpleMeterRegistry()).apply(BATCHES.get(batch));
        return counting.writes();
    }

    /** The single-document writes of the restart after a crash, up to the batch delivered again. */
    private int restartWrites(int batch, int allowed) {
        applyBefore(batch);
        crash(batch, allowed);
        CrashingMongoTemplate counting = new CrashingMongoTemplate(mongo, -1);
        Projection projection = new Projection(counting, new SimpleMeterRegistry());
        projection.repairPending();
        projection.apply(BATCHES.get(batch));
        return counting.writes();
    }

    /** An empty store with the batches before {@code batch} applied. */
    private void applyBefore(int batch) {
        mongo.getDb().drop();
        Projection projection = new Projection(mongo, new SimpleMeterRegistry());
        projection.createIndexes();
        BATCHES.subList(0, batch).forEach(projection::apply);
    }

    private void crash(int batch, int allowed) {
        CrashingMongoTemplate dying = new CrashingMongoTemplate(mongo, allowed);
        assertThatThrownBy(() -> new Projection(dying, new SimpleMeterRegistry()).apply(BATCHES.get(batch)))
                .isInstanceOf(Crash.class);
    }

    /**
     * A new process over the same store: the start-up repair, the batch that crashed delivered again, the rest; then
     * the operation ids left in the cells pruned (as the periodic sweep does once no writer can be busy with them).
     */
    /**
     * No start-up repair: the failed batch comes again together with the next one (a retry that polls more), so the
     * documents left pending change again before their differences are applied.
     */
    private void retryWithMore(int batch) {
        Projection projection = new Projection(mongo, new SimpleMeterRegistry());
        List<Envelope> more = new ArrayList<>(BATCHES.get(batch));
        if (batch + 1 < BATCHES.size()) {
            more.addAll(BATCHES.get(batch + 1));
        }
        projection.apply(more);
        BATCHES.subList(Math.min(batch + 2, BATCHES.size()), BATCHES.size()).forEach(projection::apply);
        projection.pruneOperations(Duration.ZERO);
    }

    private void restart(int batch, int allowed) {
        restart(mongo, batch, allowed);
    }

    /**
     * A new process over the same store: the start-up repair and the batch that crashed delivered again (these may
     * crash again after {@code allowed} writes), then the rest; then the operation ids left in the cells pruned (as
     * the periodic sweep does once no writer can be busy with them).
     */
    private static void restart(MongoTemplate store, int batch, int allowed) {
        MongoTemplate mongo = allowed < 0 ? store : new CrashingMongoTemplate(store, allowed);
        Projection projection = new Projection(mongo, new SimpleMeterRegistry());
        projection.repairPending();
        projection.apply(BATCHES.get(batch));
        Projection healthy = new Projection(store, new SimpleMeterRegistry());
        BATCHES.subList(batch + 1, BATCHES.size()).forEach(healthy::apply);
        healthy.pruneOperations(Duration.ZERO);
    }

    private static List<List<Envelope>> batches() {
        List<Envelope> events = events();
        List<List<Envelope>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 6) {
            batches.add(List.copyOf(events.subList(i, Math.min(events.size(), i + 6))));
        }
        batches.add(List.copyOf(events.subList(20, 32)));
        return List.copyOf(batches);
    }

    /**
     * The scenario's events (with its repeated and older versions) with versions out of order: I1's extension
     * after its report, A2's extension after its answer, M1's second evaluation after the third; and a meeting whose
     * minutes skip the version their intake took, a gap that never fills.
     */
    static List<Envelope> events() {
        List<Envelope> events = new ArrayList<>(Scenario.events("", 0));
        swap(events, version("I1", 2), version("I1", 4));
        swap(events, version("A2", 3), version("A2", 4));
        swap(events, version("M1", 5).and(e -> e.event() instanceof ProposalEvaluated),
                version("M1", 6).and(e -> e.event() instanceof ProposalEvaluated));
        String m7 = "M7";
        add(events, new MeetingPlanned(m7, 1, "G2", "Южный", "Клуб", "CLUB",
                LocalDate.of(2026, 4, 2).atTime(18, 0), List.of()));
        add(events, new MinutesRecorded(m7, 1, "G2", "Южный", new MinutesCounts(3, 1, 2, 1, 0, 1)));
        add(events, new MeetingHeld(m7, 2, "G2", "Южный", LocalDate.of(2026, 4, 2).atTime(18, 0), 14, 2,
                LocalDate.of(2026, 4, 9)));
        add(events, new MinutesSigned(m7, 2, "G2", "Южный", LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3),
                new MinutesCounts(3, 1, 2, 1, 0, 1)));
        add(events, new MinutesHandedOver(m7, 4, "G2", "Южный", LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 9),
                LocalDate.of(2026, 4, 8), false));
        add(events, new ProposalEvaluated(m7, 5, "G2", "Южный", "P1", ProposalOutcome.ACCEPTED,
                LocalDate.of(2026, 4, 20)));
        return events;
    }

    private static Predicate<Envelope> version(String id, long version) {
        return e -> e.event().aggregateId().equals(id) && e.event().version() == version;
    }

    private static void swap(List<Envelope> events, Predicate<Envelope> a, Predicate<Envelope> b) {
        int i = indexOf(events, a);
        int j = indexOf(events, b);
        Collections.swap(events, i, j);
    }

    private static int indexOf(List<Envelope> events, Predicate<Envelope> which) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("No such event");
    }

    private static void add(List<Envelope> events, ContractEvent event) {
        events.add(new Envelope(Topics.of(event).name(), EventReader.kindOf(event), event));
    }
}
