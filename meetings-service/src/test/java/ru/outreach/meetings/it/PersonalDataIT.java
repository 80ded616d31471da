package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.JsonApi;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * Citizens' details in the minutes go only to the group's secretary while the minutes are a draft, and each answer
 * that carries them is audited once; signed minutes, lists and other duties get none and leave no audit record. The
 * personal-data officer alone searches the audit.
 */
class PersonalDataIT extends IntegrationTest {

    private static final Person PD_OFFICER = Person.with("pd-officer-it", "pd-officer");
    private static final Person CONTROLLER = Person.with("controller-pd", "controller");

    @Test
    void theDraftsOwnSecretaryGetsTheCitizensDetailsAndEachAnswerIsAuditedOnce() {
        String groupId = api.registerGroup("Группа (personal data, draft)", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", CityClock.today().minusDays(2).atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        String reader = Api.secretary("Группа (personal data, draft)").username();

        JsonNode recorded = secretary.ok(HttpMethod.PUT, minutes,
                Api.minutesWithTwoCardsAndAnInstruction(CityClock.today().plusDays(20)));
        assertThat(audit(meetingId).path("totalItems").asInt()).isOne();
        JsonNode read = secretary.ok(HttpMethod.GET, minutes, null);
        assertThat(audit(meetingId).path("totalItems").asInt()).as("one record per answer").isEqualTo(2);

        assertThat(recorded.path("personalDataWithheld").asBoolean()).isFalse();
        assertThat(read.path("personalDataWithheld").asBoolean()).isFalse();
        assertThat(read.path("content").path("receptionCards").get(0).path("citizen").path("phone").asString())
                .isEqualTo("+7 900 111-22-33");
        assertThat(read.path("content").path("writtenAppeals").get(0).path("citizen").path("fullName").asString())
                .isEqualTo("Кузнецова Мария Ильинична");
        JsonNode records = audit(meetingId).path("items");
        assertThat(records.valueStream().map(r -> r.path("operation").asString())).containsExactly("read", "record");
        JsonNode last = records.get(0);
        assertThat(last.path("reader").asString()).isEqualTo(reader);
        assertThat(last.path("readerName").asString()).isEqualTo("Секретарь Группа (personal data, draft)");
        assertThat(last.path("groupId").asString()).isEqualTo(groupId);
        assertThat(last.path("at").asString()).isNotBlank();
        assertThat(last.path("fields").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "receptionCards[RC1].citizen.fullName", "receptionCards[RC1].citizen.postalAddress",
                "receptionCards[RC1].citizen.phone", "receptionCards[RC2].citizen.fullName",
                "receptionCards[RC2].citizen.email", "writtenAppeals[WA1].citizen.fullName",
                "writtenAppeals[WA1].citizen.postalAddress");
    }

    @Test
    void listsOtherDutiesAndSignedMinutesGetNoCitizensDetailsAndLeaveNoAuditRecord() {
        String groupId = api.registerGroup("Группа (personal data, withheld)", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", CityClock.today().minusDays(2).atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        secretary.ok(HttpMethod.PUT, minutes, Api.minutesWithTwoCardsAndAnInstruction(CityClock.today()
                .plusDays(20)));
        int audited = audit(meetingId).path("totalItems").asInt();

        JsonNode byController = api.as(CONTROLLER).ok(HttpMethod.GET, minutes, null);
        JsonNode byEveryDuty = api.ok(HttpMethod.GET, minutes, null);
        JsonNode ownList = secretary.ok(HttpMethod.GET, "/api/minutes?groupId=" + groupId, null);
        JsonNode controllersList = api.as(CONTROLLER).ok(HttpMethod.GET, "/api/minutes?groupId=" + groupId, null);
        JsonNode signed = secretary.ok(HttpMethod.POST, minutes + "/signature", Map.of());
        JsonNode readAfterSigning = secretary.ok(HttpMethod.GET, minutes, null);
        JsonNode handedOver = api.as(CONTROLLER).ok(HttpMethod.POST, minutes + "/hand-over", Map.of());

        assertThat(java.util.List.of(byController, byEveryDuty, ownList.path("items").get(0),
                controllersList.path("items").get(0), signed, readAfterSigning, handedOver)).allSatisfy(answer -> {
                    assertThat(answer.path("personalDataWithheld").asBoolean()).as("%s", answer).isTrue();
                    assertThat(answer.path("content").path("receptionCards")).hasSize(2);
                    assertThat(answer.path("content").path("receptionCards").get(0).path("citizen").isNull())
                            .isTrue();
                    assertThat(answer.path("content").path("receptionCards").get(0).path("question").asString())
                            .isEqualTo("Протекает крыша");
                    assertThat(answer.toString()).doesNotContain(Api.PERSONAL_DATA);
                });
        assertThat(audit(meetingId).path("totalItems").asInt()).as("no audit record").isEqualTo(audited);
    }

    @Test
    void thePersonalDataOfficerSearchesTheReadsAndNobodyElseReadsThem() {
        String groupId = api.registerGroup("Группа (personal data, audit)", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", CityClock.today().minusDays(2).atTime(17, 0));
        Api secretary = api.secretaryOf(groupId);
        secretary.ok(HttpMethod.PUT, "/api/meetings/" + meetingId + "/minutes",
                Api.minutesWithTwoCardsAndAnInstruction(CityClock.today().plusDays(20)));
        String reader = Api.secretary("Группа (personal data, audit)").username();
        LocalDate today = CityClock.today();
        JsonApi officer = api.as(PD_OFFICER);
        String search = "/api/audit/personal-data-reads?reader=" + reader;

        assertThat(officer.get(search).body().path("totalItems").asInt()).isOne();
        assertThat(officer.get(search + "&meetingId=" + meetingId + "&from=" + today + "&to=" + today).body()
                .path("totalItems").asInt()).isOne();
        assertThat(officer.get(search + "&from=" + today.plusDays(1)).body().path("totalItems").asInt()).isZero();
        assertThat(officer.get(search + "&to=" + today.minusDays(1)).body().path("totalItems").asInt()).isZero();
        assertThat(officer.get("/api/audit/personal-data-reads?meetingId=no-such").body().path("items")).isEmpty();
        for (Person other : java.util.List.of(Api.secretary("Группа (personal data, audit)"), CONTROLLER,
                Person.with("admin-pd", "administrator"), Person.with("head-pd", "head"))) {
            assertThat(api.as(other).get(search).status().value()).as(other.username()).isEqualTo(403);
        }
    }

    private JsonNode audit(String meetingId) {
        return api.as(PD_OFFICER).ok(HttpMethod.GET, "/api/audit/personal-data-reads?meetingId=" + meetingId, null);
    }
}
