package ru.outreach.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import tools.jackson.databind.JsonNode;

/** Events produced onto the three topics (2 years back: 2024, with 2023 beside it) show in the reports over HTTP. */
class ReportsFlowIT extends IntegrationTest {

    private static final int SHIFT = -2;
    private static final String SUFFIX = "-flow";

    @Test
    void eventsOnTheTopicsShowInTheReports() {
        publish(Scenario.events(SUFFIX, SHIFT));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AppealsReport appeals = get("/api/reports/appeals?year=2024", AppealsReport.class);
            Comparison total = appeals.totals().get(0);
            assertThat(total.key()).isEqualTo("appeals");
            assertThat(total.current()).isEqualTo(4);
            assertThat(total.previous()).isEqualTo(1);
            GroupsReport groups = get("/api/reports/groups?year=2024", GroupsReport.class);
            var north = groups.groups().stream().filter(g -> ("G1" + SUFFIX).equals(g.groupId())).findFirst()
                    .orElseThrow();
            assertThat(north.groupName()).isEqualTo("Север" + SUFFIX);
            assertThat(north.residentsTotal()).isEqualTo(50);
            assertThat(north.instructionsClosedOnTime()).isEqualTo(1);
            assertThat(north.proposalsAccepted()).isEqualTo(1);
        });
        GroupMeetings meetings = get("/api/reports/groups/G1" + SUFFIX + "/meetings?year=2024&half=1",
                GroupMeetings.class);
        assertThat(meetings.meetings()).hasSize(2);
        ExecutorsReport executors = get("/api/reports/executors?year=2024", ExecutorsReport.class);
        assertThat(executors.executors()).extracting(ExecutorsReport.ExecutorRow::department)
                .contains("Отдел ЖКХ", "Отдел дорог");
        GroupRanking ranking = get("/api/reports/ranking?year=2024&half=1", GroupRanking.class);
        assertThat(ranking.groups().get(0).groupId()).isEqualTo("G1" + SUFFIX);
        assertThat(ranking.groups().get(0).score()).isEqualTo(87.5);
        assertThat(get("/api/reports/appeals/categories/ROADS/territories?year=2024", JsonNode.class)
                .get("categoryLabel").asString()).isEqualTo("Дороги");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        HttpClientErrorException half = catchBadRequest("/api/reports/groups?year=2026&half=3");
        JsonNode problem = JSON.readTree(half.getResponseBodyAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("half");
        assertThat(half.getResponseHeaders().getContentType().toString()).contains("problem+json");
        JsonNode notANumber = JSON.readTree(catchBadRequest("/api/reports/ranking?half=x").getResponseBodyAsString());
        assertThat(notANumber.get("errors").get(0).get("field").asString()).isEqualTo("half");
        JsonNode year = JSON.readTree(catchBadRequest("/api/reports/appeals?year=99").getResponseBodyAsString());
        assertThat(year.get("errors").get(0).get("field").asString()).isEqualTo("year");
    }

    @Test
    void anUnknownGroupIsNotFound() {
        try {
            get("/api/reports/groups/nobody/meetings", String.class);
        } catch (HttpClientErrorException e) {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            return;
        }
        throw new AssertionError("expected 404");
    }

    @Test
    void theYearDefaultsToTheCurrentOne() {
        assertThat(get("/api/reports/groups", GroupsReport.class).period().year()).isEqualTo(2026);
        assertThat(get("/v3/api-docs", JsonNode.class).get("paths").has("/api/reports/groups")).isTrue();
    }

    private HttpClientErrorException catchBadRequest(String path) {
        try {
            get(path, String.class);
        } catch (HttpClientErrorException e) {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            return e;
        }
        throw new AssertionError("expected 400 for " + path);
    }
}
