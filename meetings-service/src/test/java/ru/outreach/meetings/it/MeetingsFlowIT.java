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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

import ru.outreach.meetings.calendar.ProductionCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A secretary's whole flow over HTTP, and what a consumer then reads from both topics of the real broker. */
class MeetingsFlowIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aMeetingWithItsMinutesIsPublishedOnBothTopics() {
        LocalDateTime heldAt = LocalDateTime.now(CityClock.ZONE).minusDays(30)
                .withHour(17).truncatedTo(ChronoUnit.HOURS);
        String groupId = api.registerGroup("Группа № 1 (flow)", "Соколово-Кундрючий", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", heldAt);
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        LocalDate due = ProductionCalendar.federal().workingDaysAfter(heldAt.toLocalDate(), 5);
        Api secretary = api.secretaryOf(groupId);

        secretary.ok(HttpMethod.PUT, minutes,
                Api.minutesWithTwoCardsAndAnInstruction(heldAt.toLocalDate().plusDays(20)));
        secretary.ok(HttpMethod.POST, minutes + "/signature",
                Map.of("signedOn", heldAt.toLocalDate().plusDays(1).toString()));
        JsonNode handedOver = api.ok(HttpMethod.POST, minutes + "/hand-over",
                Map.of("handedOverOn", due.plusDays(1).toString()));
        secretary.ok(HttpMethod.POST, minutes + "/proposals/P1/evaluation", Map.of("outcome", "ACCEPTED"));
        secretary.ok(HttpMethod.POST, minutes + "/results-publication",
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
        LocalDate formedOn = CityClock.today().minusYears(1);
        String groupId = api.registerGroup("Группа № 2 (events)", formedOn, "Центральный");
        JsonNode changed = api.ok(HttpMethod.PUT, "/api/groups/" + groupId, Map.of("name", "Группа № 2 (events)",
                "leader", Map.of("fullName", "Орлов Олег Олегович"), "secretary", Map.of("fullName", "Белова Вера"),
                "territories", List.of("Центральный", "Северный")));

        assertThat(changed.path("details").path("formedOn").asString()).as("kept when not given")
                .isEqualTo(formedOn.toString());
        try (TopicReader meetings = reader("meetings.v1")) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> meetings.recordsWithKey(groupId), found -> found.size() == 2);
            assertThat(records).extracting(TopicReader::type).containsExactly("GroupRegistered", "GroupChanged");
            assertThat(json(records.get(1)).path("territories")).hasSize(2);
            assertThat(records).extracting(record -> json(record).path("formedOn").asString())
                    .containsExactly(formedOn.toString(), formedOn.toString());
            assertThat(records).allSatisfy(record -> assertThat(record.value()).doesNotContain("Орлов", "Иванов"));
        }
    }

    @Test
    void aGroupsFormationDayCanBeCorrectedButNotIntoTheFuture() {
        LocalDate today = CityClock.today();
        String groupId = api.registerGroup("Группа № 5 (formation)", "Центральный");
        Map<String, Object> corrected = new HashMap<>(Api.group("Группа № 5 (formation)", "Центральный"));
        corrected.put("formedOn", today.minusMonths(3).toString());
        Map<String, Object> future = new HashMap<>(corrected);
        future.put("formedOn", today.plusDays(1).toString());

        JsonNode changed = api.ok(HttpMethod.PUT, "/api/groups/" + groupId, corrected);
        Api.Response refused = api.put("/api/groups/" + groupId, future);

        assertThat(changed.path("details").path("formedOn").asString()).isEqualTo(today.minusMonths(3).toString());
        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.fields()).containsExactly("formedOn");
        assertThat(refused.text("detail")).isEqualTo("Дата создания группы " + DAY.format(today.plusDays(1))
                + " ещё не наступила: сегодня " + DAY.format(today) + ".");
        assertThat(api.get("/api/groups/" + groupId).body().path("details").path("formedOn").asString())
                .isEqualTo(today.minusMonths(3).toString());
    }

    /**
     * A clerk enters a meeting of 40 days ago from its paper records, step by step in order: every answer and every
     * event carries the day of the paper, and the hand-over is on time as it was on the day.
     */
    @Test
    void aPastMeetingEnteredFromPaperKeepsTheDaysOfItsSteps() {
        LocalDate today = CityClock.today();
        LocalDate day = today.minusDays(40);
        LocalDateTime heldAt = day.atTime(17, 30);
        LocalDate agreedOn = day.minusDays(12);
        LocalDate announcedOn = day.minusDays(8);
        LocalDate signedOn = day.plusDays(1);
        LocalDate publishedOn = day.plusDays(2);
        LocalDate handedOverOn = day.plusDays(3);
        LocalDate evaluatedOn = day.plusDays(4);
        LocalDate due = ProductionCalendar.federal().workingDaysAfter(day, 5);
        String groupId = api.registerGroup("Группа № 4 (paper)", today.minusYears(1), "Западный");
        Api secretary = api.secretaryOf(groupId);

        String meetingId = api.planMeeting(groupId, "Западный", heldAt);
        String meeting = "/api/meetings/" + meetingId;
        String minutes = meeting + "/minutes";
        JsonNode agreed = secretary.ok(HttpMethod.POST, meeting + "/venue-agreement",
                Map.of("agreedOn", agreedOn.toString(), "agreedWith", "директор школы"));
        JsonNode announced = secretary.ok(HttpMethod.POST, meeting + "/announcement", Map.of("announcedOn",
                announcedOn.toString(), "channels", List.of("OFFICIAL_SITE", "NOTICE_BOARD")));
        JsonNode held = secretary.ok(HttpMethod.POST, meeting + "/holding",
                Map.of("heldAt", heldAt.toString(), "residentsAttended", 25));
        secretary.ok(HttpMethod.PUT, minutes, Api.minutesWithTwoCardsAndAnInstruction(day.plusDays(20)));
        JsonNode signed = secretary.ok(HttpMethod.POST, minutes + "/signature",
                Map.of("signedOn", signedOn.toString()));
        JsonNode handedOver = api.ok(HttpMethod.POST, minutes + "/hand-over",
                Map.of("handedOverOn", handedOverOn.toString()));
        JsonNode evaluated = secretary.ok(HttpMethod.POST, minutes + "/proposals/P1/evaluation",
                Map.of("outcome", "ACCEPTED", "evaluatedOn", evaluatedOn.toString()));
        JsonNode published = secretary.ok(HttpMethod.POST, minutes + "/results-publication",
                Map.of("publishedOn", publishedOn.toString(), "publishedWhere", "официальный сайт"));

        assertThat(agreed.path("venueAgreement").path("agreedOn").asString()).isEqualTo(agreedOn.toString());
        assertThat(announced.path("announcement").path("announcedOn").asString()).isEqualTo(announcedOn.toString());
        assertThat(held.path("holding").path("heldAt").asString()).startsWith(heldAt.toString());
        assertThat(held.path("minutesDueOn").asString()).isEqualTo(due.toString());
        assertThat(signed.path("signature").path("signedOn").asString()).isEqualTo(signedOn.toString());
        assertThat(handedOver.path("handOver").path("handedOverOn").asString()).isEqualTo(handedOverOn.toString());
        assertThat(handedOver.path("handOver").path("late").asBoolean()).as("on time, as on the day").isFalse();
        assertThat(evaluated.path("content").path("proposals").get(0).path("evaluatedOn").asString())
                .isEqualTo(evaluatedOn.toString());
        assertThat(published.path("resultsPublication").path("publishedOn").asString())
                .isEqualTo(publishedOn.toString());
        assertThat(published.path("overdue").asBoolean()).isFalse();

        try (TopicReader topic = reader("meetings.v1")) {
            List<ConsumerRecord<String, String>> facts = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.recordsWithKey(meetingId), records -> records.size() == 9);
            assertThat(facts).extracting(TopicReader::type).containsExactly("MeetingPlanned", "MeetingVenueAgreed",
                    "MeetingAnnounced", "MeetingHeld", "MinutesRecorded", "MinutesSigned", "MinutesHandedOver",
                    "ProposalEvaluated", "MeetingResultsPublished");
            assertThat(json(facts.get(1)).path("agreedOn").asString()).isEqualTo(agreedOn.toString());
            assertThat(json(facts.get(2)).path("announcedOn").asString()).isEqualTo(announcedOn.toString());
            assertThat(json(facts.get(3)).path("heldAt").asString()).startsWith(heldAt.toString());
            assertThat(json(facts.get(3)).path("minutesDueOn").asString()).isEqualTo(due.toString());
            assertThat(json(facts.get(5)).path("signedOn").asString()).isEqualTo(signedOn.toString());
            assertThat(json(facts.get(5)).path("heldOn").asString()).isEqualTo(day.toString());
            assertThat(json(facts.get(6)).path("handedOverOn").asString()).isEqualTo(handedOverOn.toString());
            assertThat(json(facts.get(6)).path("late").asBoolean()).isFalse();
            assertThat(json(facts.get(7)).path("evaluatedOn").asString()).isEqualTo(evaluatedOn.toString());
            assertThat(json(facts.get(8)).path("publishedOn").asString()).isEqualTo(publishedOn.toString());
        }
    }

    @Test
    void aStepDatedBeforeTheStepItFollowsIsUnprocessableNamingBothDates() {
        LocalDate day = CityClock.today().minusDays(40);
        String groupId = api.registerGroup("Группа № 6 (out of order)", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", day.atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        secretary.ok(HttpMethod.PUT, minutes, Api.minutesWithTwoCardsAndAnInstruction(day.plusDays(20)));
        Map<String, String> signedTheDayBefore = Map.of("signedOn", day.minusDays(1).toString());

        Api.Response russian = secretary.post(minutes + "/signature", signedTheDayBefore);
        Api.Response english = secretary.call(HttpMethod.POST, minutes + "/signature", signedTheDayBefore, "en");

        assertThat(russian.status().value()).isEqualTo(422);
        assertThat(russian.fields()).containsExactly("signedOn");
        assertThat(russian.text("detail")).contains("раньше даты").isEqualTo("Дата подписания "
                + DAY.format(day.minusDays(1)) + " раньше даты проведения встречи " + DAY.format(day) + ".");
        assertThat(english.text("detail")).isEqualTo("The signing date " + DAY.format(day.minusDays(1))
                + " is before the meeting date " + DAY.format(day) + ".");
        assertThat(api.get(minutes).body().path("status").asString()).isEqualTo("DRAFT");

        String planned = api.planMeeting(groupId, "Западный", day.plusDays(50).atTime(17, 0));
        secretary.ok(HttpMethod.POST, "/api/meetings/" + planned + "/venue-agreement",
                Map.of("agreedOn", day.toString()));
        Api.Response early = secretary.post("/api/meetings/" + planned + "/announcement",
                Map.of("announcedOn", day.minusDays(2).toString(), "channels", List.of("OFFICIAL_SITE")));
        assertThat(early.status().value()).isEqualTo(422);
        assertThat(early.fields()).containsExactly("announcedOn");
        assertThat(early.text("detail")).isEqualTo("Дата информирования населения " + DAY.format(day.minusDays(2))
                + " раньше даты согласования места " + DAY.format(day) + ".");
        assertThat(api.get("/api/meetings/" + planned).body().path("status").asString()).isEqualTo("VENUE_AGREED");
    }

    @Test
    void aMoveAndACancellationKeepTheirDaysOnTheAnswerInTheStoreAndOnTheTopic() {
        LocalDate today = CityClock.today();
        String groupId = api.registerGroup("Группа № 7 (moved, cancelled)", "Западный");
        String meetingId = api.planMeeting(groupId, "Западный", today.plusDays(10).atTime(17, 0));
        String meeting = "/api/meetings/" + meetingId;
        Api secretary = api.secretaryOf(groupId);
        secretary.ok(HttpMethod.POST, meeting + "/venue-agreement",
                Map.of("agreedOn", today.minusDays(9).toString()));

        JsonNode moved = secretary.ok(HttpMethod.POST, meeting + "/rescheduling", Map.of("scheduledAt",
                today.plusDays(17).atTime(17, 0).toString(), "reason", "ремонт зала",
                "rescheduledOn", today.minusDays(7).toString()));
        Api.Response cancelledTooEarly = secretary.post(meeting + "/cancellation",
                Map.of("reason", "паводок", "cancelledOn", today.minusDays(8).toString()));
        JsonNode cancelled = secretary.ok(HttpMethod.POST, meeting + "/cancellation",
                Map.of("reason", "паводок", "cancelledOn", today.minusDays(5).toString()));

        assertThat(moved.path("reschedules").get(0).path("rescheduledOn").asString())
                .isEqualTo(today.minusDays(7).toString());
        assertThat(mongo.getCollection("meetings").find(new Document("_id", meetingId)).first()
                .getList("reschedules", Document.class).getFirst().get("decidedOn"))
                .as("stored under its earlier name, so meetings moved before the rename read back").isNotNull();
        assertThat(cancelledTooEarly.status().value()).isEqualTo(422);
        assertThat(cancelledTooEarly.text("detail")).isEqualTo("Дата отмены встречи " + DAY.format(today.minusDays(8))
                + " раньше даты переноса встречи " + DAY.format(today.minusDays(7)) + ".");
        assertThat(cancelled.path("cancellation").path("cancelledOn").asString())
                .isEqualTo(today.minusDays(5).toString());
        assertThat(api.get(meeting).body().path("reschedules").get(0).path("rescheduledOn").asString())
                .isEqualTo(today.minusDays(7).toString());
        try (TopicReader topic = reader("meetings.v1")) {
            List<ConsumerRecord<String, String>> facts = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.recordsWithKey(meetingId), records -> records.size() == 4);
            assertThat(facts).extracting(TopicReader::type).containsExactly("MeetingPlanned", "MeetingVenueAgreed",
                    "MeetingRescheduled", "MeetingCancelled");
            assertThat(json(facts.get(3)).path("cancelledOn").asString()).isEqualTo(today.minusDays(5).toString());
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
