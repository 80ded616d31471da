package ru.outreach.reporting.projection;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.events.appeals.AppealsEvent.AppealAnswered;
import ru.outreach.events.appeals.AppealsEvent.AppealReceived;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.appeals.InstructionState;
import ru.outreach.events.appeals.InstructionsEvent.InstructionAccepted;
import ru.outreach.events.appeals.InstructionsEvent.InstructionIssued;
import ru.outreach.events.meetings.MeetingsEvent.GroupChanged;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.fixture.TestStore;

/** Idempotence and order of the projection: the same cells whatever the batching, redelivery or replay. */
class ProjectionTest {

    private final TestStore store = new TestStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Projection projection = new Projection(store.template(), registry);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void oneBatchOrOneByOneGiveTheSameCells() {
        List<Envelope> events = Scenario.events("", 0);
        projection.apply(events);
        Map<String, Object> together = snapshot();
        projection.clear();
        events.forEach(e -> projection.apply(List.of(e)));
        Map<String, Object> oneByOne = snapshot();
        assertThat(oneByOne.entrySet()).as("one by one")
                .containsExactlyInAnyOrderElementsOf(together.entrySet());
    }

    @Test
    void aReplayOfEverythingChangesNothing() {
        List<Envelope> events = Scenario.events("", 0);
        int applied = projection.apply(events);
        Map<String, Object> once = snapshot();
        assertThat(projection.apply(events)).isZero();
        assertThat(snapshot()).isEqualTo(once);
        assertThat(applied).as("all but the duplicate and the older version").isEqualTo(events.size() - 2);
        assertThat(registry.get("reporting.events.ignored").tag("topic", "meetings.v1").counter().count())
                .isEqualTo(2 + 28);
        assertThat(store.template().findAll(CategoryName.class, Kinds.CATEGORIES))
                .extracting(CategoryName::code, CategoryName::name).as("a replay keeps the latest names")
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ROADS", "Дороги"),
                        org.assertj.core.groups.Tuple.tuple("HOUSING", "Жилищно-коммунальное хозяйство"));
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothing() {
        AppealRegistered registered = new AppealRegistered("A", 1, AppealState.REGISTERED, "ROADS", "T", AppealChannel.POST,
                LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 13),
                LocalDate.of(2026, 2, 9), LocalDate.of(2026, 1, 17), true, false, false, null, null);
        AppealAnswered answered = new AppealAnswered("A", 2, AppealState.ANSWERED, "ROADS", "T", null,
                LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 9), false, false);
        projection.apply(List.of(envelope(registered), envelope(answered)));
        Map<String, Object> after = snapshot();
        projection.apply(List.of(envelope(registered)));
        assertThat(snapshot()).isEqualTo(after);
        Map<String, Long> total = cell("appealYear", "2026|total");
        assertThat(total).containsEntry("appeals", 1L).containsEntry("answered", 1L);
        assertThat(total.getOrDefault("openAtEnd", 0L)).isZero();
    }

    @Test
    void anAppealCountsInTheYearAndMonthItWasReceived() {
        AppealReceived received = new AppealReceived("R", 1, AppealState.RECEIVED, "HOUSING", "T",
                AppealChannel.MEETING, LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 12), "M", "ЖКХ");
        projection.apply(List.of(envelope(received)));
        AppealFacts waiting = store.template().findById("R", AppealFacts.class, Kinds.APPEALS);
        assertThat(waiting.state()).isEqualTo(AppealState.RECEIVED);
        assertThat(List.of(waiting.channel(), waiting.receivedOn(), waiting.category(), waiting.territory()))
                .containsExactly(AppealChannel.MEETING, LocalDate.of(2025, 12, 30), "HOUSING", "T");
        assertThat(cell("appealYear", "2025|month|12")).as("counted while it waits for registration")
                .containsEntry("appeals", 1L).containsEntry("openAtEnd", 1L);

        AppealRegistered registered = new AppealRegistered("R", 2, AppealState.REGISTERED, "HOUSING", "T",
                AppealChannel.MEETING, LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 12),
                LocalDate.of(2026, 1, 12), LocalDate.of(2026, 2, 11), LocalDate.of(2026, 1, 19), true, false, false,
                "M", "Жилищно-коммунальное хозяйство");
        AppealAnswered answered = new AppealAnswered("R", 3, AppealState.ANSWERED, "HOUSING", "T", "Отдел ЖКХ",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 11), false, false);
        projection.apply(List.of(envelope(registered), envelope(answered)));
        assertThat(cell("appealYear", "2025|month|12")).as("days to answer from the registration, 12 Jan")
                .containsEntry("appeals", 1L).containsEntry("answered", 1L).containsEntry("daysToAnswer", 20L);
        assertThat(cell("appealYear", "2025|total")).containsEntry("appeals", 1L);
        assertThat(store.template().findById("2026|total", Document.class, Kinds.collection("appealYear")))
                .as("registered in 2026 but received in 2025").isNull();
        AppealFacts facts = store.template().findById("R", AppealFacts.class, Kinds.APPEALS);
        assertThat(List.of(facts.receivedOn(), facts.registeredOn()))
                .containsExactly(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 12));
        assertThat(store.template().findById("HOUSING", CategoryName.class, Kinds.CATEGORIES).name())
                .as("the registration's name, the later day").isEqualTo("Жилищно-коммунальное хозяйство");
    }

    @Test
    void theLatestCategoryNameByDayWinsWhateverTheOrderOfArrival() {
        AppealRegistered newer = new AppealRegistered("N", 1, AppealState.REGISTERED, "ROADS", "T", AppealChannel.POST,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 8), true, false, false, null, "Дороги");
        AppealRegistered older = new AppealRegistered("O", 1, AppealState.REGISTERED, "ROADS", "T", AppealChannel.POST,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 8), true, false, false, null, "Дороги и тротуары");
        AppealRegistered unnamed = new AppealRegistered("U", 1, AppealState.REGISTERED, "ROADS", "T",
                AppealChannel.POST, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4),
                LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 8), true, false, false, null, null);
        projection.apply(List.of(envelope(newer)));
        projection.apply(List.of(envelope(older), envelope(unnamed)));
        assertThat(store.template().findById("ROADS", CategoryName.class, Kinds.CATEGORIES))
                .extracting(CategoryName::name, CategoryName::since)
                .containsExactly("Дороги", LocalDate.of(2026, 3, 1));
        projection.clear();
        assertThat(store.template().findAll(CategoryName.class, Kinds.CATEGORIES)).as("a rebuild drops them").isEmpty();
        projection.apply(List.of(envelope(older), envelope(newer)));
        assertThat(store.template().findById("ROADS", CategoryName.class, Kinds.CATEGORIES).name())
                .isEqualTo("Дороги");
    }

    @Test
    void minutesNotHandedOverWaitByTheirDueDayThenMoveToTheMonthWhenHandedOver() {
        MeetingHeld held = new MeetingHeld("M", 1, "G", "T", LocalDateTime.of(2026, 7, 19, 18, 0), 12, 2,
                LocalDate.of(2026, 7, 24));
        projection.apply(List.of(envelope(held)));
        assertThat(cell("groupDay", "2026-07-24|G")).containsEntry("minutesPending", 1L);
        assertThat(cell("groupMonth", "2026-07|G")).containsEntry("held", 1L).doesNotContainKey("minutesHandedOver")
                .doesNotContainKey("minutesDue");
        MinutesHandedOver handedOver = new MinutesHandedOver("M", 1, "G", "T", LocalDate.of(2026, 7, 19),
                LocalDate.of(2026, 7, 24), LocalDate.of(2026, 7, 23), false);
        projection.apply(List.of(envelope(handedOver)));
        assertThat(cell("groupDay", "2026-07-24|G").getOrDefault("minutesPending", 0L)).isZero();
        assertThat(cell("groupMonth", "2026-07|G")).containsEntry("minutesHandedOver", 1L)
                .containsEntry("minutesOnTime", 1L);
    }

    @Test
    void aGroupChangedWithoutTheDayOfFormingKeepsIt() {
        projection.apply(List.of(envelope(new GroupRegistered("G", 1, "Центр", List.of("T"), 5,
                LocalDate.of(2026, 5, 4)))));
        projection.apply(List.of(envelope(new GroupChanged("G", 2, "Центр", List.of("T"), 6, null))));
        GroupFacts group = store.template().findById("G", GroupFacts.class, Kinds.GROUPS);
        assertThat(List.of(group.memberCount(), group.formedOn())).containsExactly(6, LocalDate.of(2026, 5, 4));
    }

    @Test
    void anInstructionKeepsItsTerritoryThroughLaterEventsAndReplays() {
        InstructionIssued issued = new InstructionIssued("I", 1, InstructionState.ISSUED, "Отдел дорог", List.of(),
                InstructionSource.MEETING, "M", "Южный", LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 5));
        InstructionAccepted accepted = new InstructionAccepted("I", 2, InstructionState.ACCEPTED, "Отдел дорог",
                LocalDate.of(2026, 3, 6), LocalDate.of(2026, 4, 5));
        projection.apply(List.of(envelope(issued), envelope(accepted)));
        projection.apply(List.of(envelope(issued)));
        InstructionFacts facts = store.template().findById("I", InstructionFacts.class, Kinds.INSTRUCTIONS);
        assertThat(List.of(facts.territory(), facts.state(), facts.version()))
                .as("an older version replayed changes nothing").containsExactly("Южный", InstructionState.ACCEPTED,
                        2L);
    }

    @Test
    void aPendingDifferenceLeftByACrashIsAppliedOnce() {
        projection.apply(Scenario.events("", 0));
        Map<String, Object> expected = snapshot();
        // as if the process died after writing the facts with their pending difference, before the cells:
        // take the appeal A1's contribution out of the cells and leave it pending
        AppealFacts a1 = store.template().findById("A1", AppealFacts.class, Kinds.APPEALS);
        Cells contribution = a1.cells();
        contribution.asMap().forEach((key, counts) -> {
            Update undo = new Update();
            counts.forEach((counter, n) -> undo.inc("c." + counter, -n));
            store.template().updateFirst(query(where("_id").is(key.id())), undo, Kinds.collection(key.kind()));
        });
        store.template().save(a1.withPending(contribution.toPending(null)), Kinds.APPEALS);
        assertThat(snapshot()).isNotEqualTo(expected);
        assertThat(projection.repairPending()).isEqualTo(1);
        assertThat(snapshot()).isEqualTo(expected);
        assertThat(projection.repairPending()).isZero();
    }

    @Test
    void cellsDiffDropsZeros() {
        CellKey key = CellKey.of("k", "2026", "x");
        Cells before = new Cells().add(key, "a", 1).add(key, "b", 2);
        Cells after = new Cells().add(key, "a", 1).add(key, "b", 3).add(CellKey.of("k", "2026", "y"), "a", 1);
        Cells diff = Cells.diff(before, after);
        assertThat(diff.asMap()).hasSize(2);
        assertThat(diff.get(key, "b")).isEqualTo(1);
        assertThat(diff.asMap().get(key)).doesNotContainKey("a");
        assertThat(Cells.diff(after, after).isEmpty()).isTrue();
    }

    private static Envelope envelope(ru.outreach.events.ContractEvent event) {
        return new Envelope(ru.outreach.events.Topics.of(event).name(), EventReader.kindOf(event), event);
    }

    private Map<String, Long> cell(String kind, String id) {
        Document doc = store.template().findById(id, Document.class, Kinds.collection(kind));
        Map<String, Long> counts = new TreeMap<>();
        doc.get("c", Document.class).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        return counts;
    }

    /** Every non-zero counter of every cell, and every fact document without its pending list. */
    private Map<String, Object> snapshot() {
        Map<String, Object> all = new TreeMap<>();
        for (String kind : Kinds.CELLS) {
            for (Document doc : store.template().findAll(Document.class, Kinds.collection(kind))) {
                Document c = doc.get("c", Document.class);
                c.forEach((counter, n) -> {
                    if (((Number) n).longValue() != 0) {
                        all.put(kind + "/" + doc.get("_id") + "/" + counter, ((Number) n).longValue());
                    }
                });
            }
        }
        for (String collection : Kinds.FACTS) {
            for (Document doc : store.template().findAll(Document.class, collection)) {
                doc.remove("pending");
                doc.remove("rev");
                doc.remove("_class");
                all.put(collection + "/" + doc.get("_id"), new TreeMap<>(doc).toString());
            }
        }
        return all;
    }
}
