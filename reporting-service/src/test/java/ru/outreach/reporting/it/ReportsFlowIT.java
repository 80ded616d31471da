package ru.outreach.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

import ru.outreach.events.meetings.QuarterlyRule.Verdict;
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
            assertThat(total.current()).as("A7 received at a meeting, not registered yet").isEqualTo(5);
            assertThat(total.previous()).as("A6 received 30 Dec 2023, registered in January").isEqualTo(2);
            GroupsReport groups = get("/api/reports/groups?year=2024", GroupsReport.class);
            var north = groups.groups().stream().filter(g -> ("G1" + SUFFIX).equals(g.groupId())).findFirst()
                    .orElseThrow();
            assertThat(north.groupName()).isEqualTo("Север" + SUFFIX);
            assertThat(north.residentsTotal()).isEqualTo(62);
            assertThat(north.instructionsClosedOnTime()).isEqualTo(1);
            assertThat(north.proposalsAccepted()).isEqualTo(1);
        });
        GroupsReport groups = get("/api/reports/groups?year=2024", GroupsReport.class);
        var north = group(groups, "G1" + SUFFIX);
        assertThat(List.of(north.minutesDue(), north.minutesOnTime()))
                .as("two years on, M5's due day has passed: due, not handed over").containsExactly(3L, 1L);
        assertThat(group(groups, "G3" + SUFFIX).quarters()).extracting(GroupsReport.QuarterRule::rule)
                .containsExactly(Verdict.NOT_FORMED, Verdict.NOT_MET, Verdict.NOT_MET, Verdict.NOT_MET);
        JsonNode raw = get("/api/reports/groups?year=2024&half=1", JsonNode.class);
        JsonNode rawNorth = null;
        for (JsonNode g : raw.get("groups")) {
            if (("G1" + SUFFIX).equals(g.get("groupId").asString())) {
                rawNorth = g;
            }
        }
        assertThat(rawNorth.get("quarters").get(0).get("rule").asString()).as("the verdict's name in JSON")
                .isEqualTo("MET");
        AppealsReport appeals = get("/api/reports/appeals?year=2024", AppealsReport.class);
        assertThat(appeals.byMonth().get(11).previous()).as("A5 and A6 in December 2023").isEqualTo(2);
        assertThat(appeals.totals()).extracting(Comparison::key).contains("answered");
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
    void labelsOfTheCodesComeFromTheService() {
        JsonNode russian = get("/api/reports/labels", JsonNode.class);
        List<String> statuses = new java.util.ArrayList<>(russian.get("statuses").propertyNames());
        assertThat(statuses).containsExactly("PLANNED", "VENUE_AGREED", "ANNOUNCED", "RESCHEDULED", "CANCELLED",
                "HELD");
        assertThat(russian.get("statuses").get("RESCHEDULED").asString()).isEqualTo("перенесена");
        assertThat(russian.get("verdicts").get("NOT_FORMED").asString()).isEqualTo("группа не образована");
        assertThat(russian.get("channels").get("MEETING").asString()).isEqualTo("Выездная встреча");
        JsonNode english = http.get().uri("/api/reports/labels").header("Accept-Language", "en").retrieve()
                .body(JsonNode.class);
        assertThat(english.get("statuses").get("VENUE_AGREED").asString()).isEqualTo("venue agreed");
        assertThat(get("/v3/api-docs", JsonNode.class).get("paths").has("/api/reports/labels")).isTrue();
    }

    private static GroupsReport.GroupFigures group(GroupsReport report, String id) {
        return report.groups().stream().filter(g -> id.equals(g.groupId())).findFirst().orElseThrow();
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
