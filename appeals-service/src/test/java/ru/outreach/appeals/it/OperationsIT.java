package ru.outreach.appeals.it;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.JsonApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/** What operations look at: health, Prometheus metrics (with consumer lag), the OpenAPI document. */
class OperationsIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();

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
    void metricsShowOpenAppealsOverdueInstructionsMissedTermsBacklogDeadLettersAndConsumerLag() {
        double openBefore = metric("outreach_appeals_open");
        double missedBefore = metric("outreach_terms_missed_total");
        api.registerLetter("Новиков " + UUID.randomUUID(), "ROADS", "Северный", TODAY.minusDays(10));

        assertThat(metric("outreach_appeals_open")).isEqualTo(openBefore + 1);
        assertThat(metric("outreach_terms_missed_total")).as("late registration").isEqualTo(missedBefore + 1);
        String scrape = management().callText("/actuator/prometheus");
        assertThat(scrape).contains("outreach_instructions_overdue", "outreach_outbox_pending",
                "outreach_dead_letters_total", "outreach_terms_missed_total{");
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("outreach_outbox_pending") == 0.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> management().callText("/actuator/prometheus")
                .contains("kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        Api.Response docs = api.get("/v3/api-docs");

        assertThat(docs.status().value()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames()).contains("/api/appeals", "/api/appeals/{id}",
                "/api/appeals/registration-queue", "/api/appeals/{id}/registration",
                "/api/instructions", "/api/categories", "/api/territories/{territory}/open-problems");
    }

    private double metric(String name) {
        return management().callText("/actuator/prometheus").lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
