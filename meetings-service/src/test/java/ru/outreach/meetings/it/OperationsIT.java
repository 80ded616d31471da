package ru.outreach.meetings.it;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.JsonApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpMethod;

import ru.outreach.meetings.calendar.ProductionCalendar;
import tools.jackson.databind.JsonNode;

/** What operations look at: health with Kafka and the store, Prometheus metrics, the OpenAPI document. */
class OperationsIT extends IntegrationTest {

    @Autowired
    HealthEndpoint healthEndpoint;

    @Test
    void healthIsUpWithKafkaAndTheStore() {
        assertThat(healthEndpoint.healthForPath("kafka").getStatus()).isEqualTo(Status.UP);
        assertThat(healthEndpoint.healthForPath("mongo").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void probesAndTheScrapeAnswerOnTheManagementPortWithoutATokenAndSayOnlyUpOrDown() {
        JsonApi.Response health = management().get("/actuator/health");

        assertThat(health.status().value()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().has("components")).as("no parts told: %s", health.body()).isFalse();
        assertThat(health.body().has("details")).isFalse();
        assertThat(management().get("/actuator/health/liveness").text("status")).isEqualTo("UP");
        assertThat(management().get("/actuator/health/readiness").text("status")).isEqualTo("UP");
        assertThat(management().callText("/actuator/prometheus")).contains("outreach_outbox_pending");
        assertThat(api.anonymous().get("/actuator/health").status().value()).as("not on the API port")
                .isNotEqualTo(200);
    }

    @Test
    void metricsCountMeetingsHeldAndLateMinutesAndShowTheOutboxBacklog() {
        double heldBefore = metric("outreach_meetings_held_total");
        double lateBefore = metric("outreach_minutes_handed_over_late_total");
        LocalDateTime heldAt = LocalDateTime.now(CityClock.ZONE).minusDays(40).truncatedTo(ChronoUnit.HOURS);
        String groupId = api.registerGroup("Группа (metrics)", "Северный");
        String meetingId = api.holdMeeting(groupId, "Северный", heldAt);
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        secretary.ok(HttpMethod.PUT, minutes, Map.of());
        secretary.ok(HttpMethod.POST, minutes + "/signature", Map.of("signedOn", heldAt.toLocalDate().toString()));
        String late = ProductionCalendar.federal().workingDaysAfter(heldAt.toLocalDate(), 6).toString();
        api.ok(HttpMethod.POST, minutes + "/hand-over", Map.of("handedOverOn", late));

        assertThat(metric("outreach_meetings_held_total")).isEqualTo(heldBefore + 1);
        assertThat(metric("outreach_minutes_handed_over_late_total")).isEqualTo(lateBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("outreach_outbox_pending") == 0.0);
    }

    @Test
    void theApiIsDocumentedWithOpenApiAndSwaggerUi() {
        Api.Response docs = api.get("/v3/api-docs");

        assertThat(docs.status().value()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames()).contains("/api/groups", "/api/meetings",
                "/api/meetings/{meetingId}/minutes", "/api/quarterly-rule");
        assertThat(api.callText("/swagger-ui/index.html")).contains("Swagger UI");
    }

    @Test
    void requestSchemasListOnlyWhatACallerEnters() {
        JsonNode docs = api.get("/v3/api-docs").body();

        JsonNode handOver = requestSchema(docs, "/api/meetings/{meetingId}/minutes/hand-over");
        JsonNode reschedule = requestSchema(docs, "/api/meetings/{id}/rescheduling");

        assertThat(handOver.path("properties").propertyNames())
                .as("late is computed, the receiver is the token's: neither is entered")
                .containsExactly("handedOverOn");
        assertThat(reschedule.path("properties").propertyNames())
                .containsExactlyInAnyOrder("scheduledAt", "venue", "reason", "rescheduledOn");
        assertThat(requestSchema(docs, "/api/meetings/{meetingId}/minutes/signature").path("properties")
                .propertyNames()).as("the leader signs, the token's secretary enters it").containsExactly("signedOn");
        assertThat(requestSchema(docs, "/api/meetings/{meetingId}/minutes/results-publication").path("properties")
                .propertyNames()).containsExactlyInAnyOrder("publishedOn", "publishedWhere");
    }

    private static JsonNode requestSchema(JsonNode docs, String path) {
        String ref = docs.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString();
        assertThat(ref).as("request schema of " + path).startsWith("#/components/schemas/");
        return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }

    private double metric(String name) {
        String text = management().callText("/actuator/prometheus");
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
