package ru.outreach.meetings.it;

import ru.outreach.testkit.CityClock;

import ru.outreach.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.outreach.testkit.TopicReader.header;
import static ru.outreach.testkit.TopicReader.type;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import ru.outreach.meetings.calendar.ProductionCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A secretary's whole flow over HTTP, and what a consumer then reads from both topics of the real broker. */
class MeetingsFlowIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMeetingWithItsMinutesIsPublishedOnBothTopics() {
        LocalDateTime heldAt = LocalDateTime.now(ZoneId.of("Europe/Moscow")).minusDays(30)
                .withHour(17).truncatedTo(ChronoUnit.HOURS);
        String groupId = api.registerGroup("Группа № 1 (flow)", "Соколово-Кундрючий", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", heldAt);
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        LocalDate due = ProductionCalendar.federal().workingDaysAfter(heldAt.toLocalDate(), 5);

        api.ok(HttpMethod.PUT, minutes, Api.minutesWithTwoCardsAndAnInstruction(heldAt.toLocalDate().plusDays(20)));
        api.ok(HttpMethod.POST, minutes + "/signature",
                Map.of("signedBy", "Иванов И.И.", "signedOn", heldAt.toLocalDate().plusDays(1).toString()));
        JsonNode handedOver = api.ok(HttpMethod.POST, minutes + "/hand-over",
                Map.of("handedOverOn", due.plusDays(1).toString(), "receivedBy", "КОС"));
        api.ok(HttpMethod.POST, minutes + "/proposals/P1/evaluation", Map.of("outcome", "ACCEPTED"));
        api.ok(HttpMethod.POST, minutes + "/results-publication",
                Map.of("publishedOn", CityClock.today().toString(), "publishedWhere", "официальный сайт"));

        assertThat(handedOver.path("dueOn").asString()).isEqualTo(due.toString());
        assertThat(handedOver.path("handOver").path("late").asBoolean()).isTrue();
        assertThat(handedOver.path("content").path("receptionCards").get(1).path("id").asString()).isEqualTo("RC2");

        try (TopicReader meetings = reader("meetings.v1"); TopicReader intake = reader("meetings.intake.v1")) {
            List<ConsumerRecord<String, String>> facts = await().atMost(Duration.ofSeconds(30))
                    .until(() -> meetings.recordsWithKey(meetingId), records -> records.size() == 9);
            assertThat(facts).extracting(TopicReader::type).containsExactly("MeetingPlanned", "MeetingVenueAgreed",
                    "MeetingAnnounced", "MeetingHeld", "MinutesRecorded", "MinutesSigned", "MinutesHandedOver",
                    "ProposalEvaluated", "MeetingResultsPublished");
            assertThat(facts.subList(0, 4)).extracting(r -> json(r).path("version").asLong())
                    .containsExactly(1L, 2L, 3L, 4L);
            assertThat(facts.subList(0, 4)).allMatch(r -> header(r, "ce_subject").equals("meeting/" + meetingId));
            assertThat(facts.subList(4, 9)).allMatch(r -> header(r, "ce_subject").equals("minutes/" + meetingId));
            assertThat(facts).allSatisfy(record -> {
                assertThat(header(record, "ce_id")).isNotBlank();
                assertThat(header(record, "ce_source")).isEqualTo("/meetings-service");
                assertThat(header(record, "ce_time")).isNotBlank();
                assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(json(record).path("territory").asString()).isEqualTo("Западный");
            });
            JsonNode handOverEvent = json(facts.get(6));
            assertThat(handOverEvent.path("late").asBoolean()).isTrue();
            assertThat(handOverEvent.path("dueOn").asString()).isEqualTo(due.toString());
            assertThat(json(facts.get(5)).path("counts").path("receptionCards").asInt()).isEqualTo(2);

            List<ConsumerRecord<String, String>> handedOn = await().atMost(Duration.ofSeconds(30))
                    .until(() -> intake.recordsWithKey(meetingId), records -> !records.isEmpty());
            assertThat(handedOn).singleElement().satisfies(record -> {
                assertThat(type(record)).isEqualTo("MeetingIntakeReleased");
                JsonNode body = json(record);
                assertThat(body.path("territory").asString()).isEqualTo("Западный");
                assertThat(body.path("receptionCards")).hasSize(2);
                assertThat(body.path("receptionCards").get(0).path("citizen").path("fullName").asString())
                        .isEqualTo("Петрова Анна Сергеевна");
                assertThat(body.path("writtenAppeals")).hasSize(1);
                assertThat(body.path("instructions").get(0).path("executorDepartment").asString())
                        .isEqualTo("Управление ЖКХ");
            });

            List<String> everyFact = meetings.matching(record -> true).stream().map(ConsumerRecord::value).toList();
            assertThat(everyFact).isNotEmpty().allSatisfy(value ->
                    assertThat(value).doesNotContain(Api.PERSONAL_DATA));
        }
    }

    @Test
    void groupEventsAreKeyedByTheGroupAndCarryNoNamesOfPeople() {
        String groupId = api.registerGroup("Группа № 2 (events)", "Центральный");
        api.ok(HttpMethod.PUT, "/api/groups/" + groupId, Map.of("name", "Группа № 2 (events)",
                "leader", Map.of("fullName", "Орлов Олег Олегович"), "secretary", Map.of("fullName", "Белова Вера"),
                "territories", List.of("Центральный", "Северный")));

        try (TopicReader meetings = reader("meetings.v1")) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> meetings.recordsWithKey(groupId), found -> found.size() == 2);
            assertThat(records).extracting(TopicReader::type).containsExactly("GroupRegistered", "GroupChanged");
            assertThat(json(records.get(1)).path("territories")).hasSize(2);
            assertThat(records).allSatisfy(record -> assertThat(record.value()).doesNotContain("Орлов", "Иванов"));
        }
    }

    @Test
    void theMeetingListFiltersByGroupTerritoryStatusAndPeriod() {
        String groupId = api.registerGroup("Группа № 3 (list)", "Южный", "Восточный");
        LocalDateTime march = LocalDateTime.of(2026, 3, 10, 17, 0);
        String held = api.holdMeeting(groupId, "Южный", march);
        String planned = api.planMeeting(groupId, "Восточный", LocalDateTime.of(2026, 6, 10, 17, 0));

        String base = "/api/meetings?groupId=" + groupId;
        assertThat(ids(api.get(base).body())).containsExactlyInAnyOrder(held, planned);
        assertThat(ids(api.get(base + "&territory=Южный").body())).containsExactly(held);
        assertThat(ids(api.get(base + "&status=PLANNED").body())).containsExactly(planned);
        assertThat(ids(api.get(base + "&from=2026-03-01&to=2026-03-31").body())).containsExactly(held);
        JsonNode page = api.get(base + "&size=1&page=1").body();
        assertThat(page.path("totalItems").asInt()).isEqualTo(2);
        assertThat(page.path("items")).hasSize(1);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }
}
