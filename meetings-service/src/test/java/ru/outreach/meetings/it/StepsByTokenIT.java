package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * Who did a step comes from the token, never from the body: the leader signs (his name from the group's register)
 * and the secretary enters it; the control department's member receives the minutes; the general department's
 * publishes the results. A body that names someone is refused, naming the field.
 */
class StepsByTokenIT extends IntegrationTest {

    private static final Person CONTROLLER = new Person("controller-steps", "Егорова Татьяна",
            java.util.List.of("controller"), null, "Контрольно-организационный сектор");

    @Test
    void eachStepRecordsWhoDidItFromTheToken() {
        String name = "Группа (steps by token)";
        String groupId = api.registerGroup(name, "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", CityClock.today().minusDays(2).atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        String username = Api.secretary(name).username();

        JsonNode meeting = secretary.ok(HttpMethod.GET, "/api/meetings/" + meetingId, null);
        JsonNode recorded = secretary.ok(HttpMethod.PUT, minutes, Map.of());
        JsonNode signed = secretary.ok(HttpMethod.POST, minutes + "/signature", Map.of());
        JsonNode handedOver = api.as(CONTROLLER).ok(HttpMethod.POST, minutes + "/hand-over", Map.of());
        JsonNode published = secretary.ok(HttpMethod.POST, minutes + "/results-publication",
                Map.of("publishedWhere", "официальный сайт"));

        assertThat(meeting.path("plannedBy").path("username").asString()).isEqualTo(username);
        assertThat(meeting.path("venueAgreement").path("enteredBy").path("username").asString()).isEqualTo(username);
        assertThat(meeting.path("announcement").path("enteredBy").path("username").asString()).isEqualTo(username);
        assertThat(meeting.path("holding").path("enteredBy").path("fullName").asString())
                .isEqualTo("Секретарь " + name);
        assertThat(recorded.path("recordedBy").path("username").asString()).isEqualTo(username);
        assertThat(signed.path("signature").path("signedBy").asString()).as("the leader, from the group")
                .isEqualTo("Иванов Иван Иванович");
        assertThat(signed.path("signature").path("enteredBy").path("username").asString()).isEqualTo(username);
        assertThat(handedOver.path("handOver").path("receivedBy").asString()).isEqualTo("Егорова Татьяна");
        assertThat(handedOver.path("handOver").path("receivedByUsername").asString()).isEqualTo("controller-steps");
        assertThat(published.path("resultsPublication").path("publishedBy").path("username").asString())
                .isEqualTo(username);
    }

    @Test
    void aCancellationAndAMoveRecordTheirSecretary() {
        String name = "Группа (steps by token, moved)";
        String groupId = api.registerGroup(name, "Западный");
        String meetingId = api.planMeeting(groupId, "Западный", CityClock.today().plusDays(10).atTime(17, 0));
        Api secretary = api.secretaryOf(groupId);

        JsonNode moved = secretary.ok(HttpMethod.POST, "/api/meetings/" + meetingId + "/rescheduling",
                Map.of("scheduledAt", CityClock.today().plusDays(12).atTime(17, 0).toString(), "reason", "ремонт"));
        JsonNode cancelled = secretary.ok(HttpMethod.POST, "/api/meetings/" + meetingId + "/cancellation",
                Map.of("reason", "паводок"));

        assertThat(moved.path("reschedules").get(0).path("enteredBy").path("username").asString())
                .isEqualTo(Api.secretary(name).username());
        assertThat(cancelled.path("cancellation").path("enteredBy").path("username").asString())
                .isEqualTo(Api.secretary(name).username());
    }

    @Test
    void aBodyThatNamesWhoDidTheStepIsRefusedNamingTheField() {
        String groupId = api.registerGroup("Группа (steps by token, named)", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", CityClock.today().minusDays(2).atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        secretary.ok(HttpMethod.PUT, minutes, Map.of());

        Api.Response signedBySomeoneElse = secretary.post(minutes + "/signature", Map.of("signedBy", "Петров П.П."));
        Api.Response enteredBySomeoneElse = secretary.post(minutes + "/signature",
                Map.of("enteredBy", Map.of("username", "secretary2")));
        secretary.ok(HttpMethod.POST, minutes + "/signature", Map.of());
        Api.Response receivedBySomeoneElse = api.as(CONTROLLER).post(minutes + "/hand-over",
                Map.of("receivedBy", "КОС"));
        Api.Response publishedBySomeoneElse = secretary.post(minutes + "/results-publication",
                Map.of("publishedWhere", "сайт", "publishedBy", Map.of("username", "clerk2")));

        assertThat(signedBySomeoneElse.status().value()).isEqualTo(400);
        assertThat(signedBySomeoneElse.fields()).containsExactly("signedBy");
        assertThat(enteredBySomeoneElse.fields()).containsExactly("enteredBy");
        assertThat(receivedBySomeoneElse.status().value()).isEqualTo(400);
        assertThat(receivedBySomeoneElse.fields()).containsExactly("receivedBy");
        assertThat(publishedBySomeoneElse.fields()).containsExactly("publishedBy");
        assertThat(api.get(minutes).body().path("status").asString()).isEqualTo("SIGNED");
    }
}
