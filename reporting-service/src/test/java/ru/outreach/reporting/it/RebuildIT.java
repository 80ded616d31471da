package ru.outreach.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.RebuildProgress;

/**
 * Replaying the topics into a copy of the read models yields the very same reports, and the reports read while it
 * runs show the previous figures, never part of them.
 */
class RebuildIT extends IntegrationTest {

    private static final int SHIFT = -4;
    private static final String SUFFIX = "-rebuild";

    @Autowired
    MeterRegistry registry;

    @Test
    void rebuildYieldsIdenticalReports() {
        publish(Scenario.events(SUFFIX, SHIFT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AppealsReport appeals = get("/api/reports/appeals?year=2022", AppealsReport.class);
            assertThat(appeals.totals().get(0).current()).isEqualTo(5);
            assertThat(get("/api/reports/groups?year=2022", String.class)).contains("Север" + SUFFIX);
        });
        Map<String, String> before = allReports();

        ResponseEntity<RebuildProgress> started = http.post().uri("/api/admin/rebuild").retrieve()
                .toEntity(RebuildProgress.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            boolean done = "DONE".equals(get("/api/admin/rebuild", RebuildProgress.class).state());
            assertThat(allReports()).as("the reports while the rebuild runs: the previous figures")
                    .isEqualTo(before);
            assertThat(done).isTrue();
        });
        RebuildProgress done = get("/api/admin/rebuild", RebuildProgress.class);
        assertThat(done.total()).isGreaterThanOrEqualTo(Scenario.events(SUFFIX, SHIFT).size());
        assertThat(done.applied()).isEqualTo(done.total());
        assertThat(done.percent()).isEqualTo(100.0);
        assertThat(done.topics()).containsOnlyKeys("meetings.v1", "appeals.v1", "instructions.v1");
        assertThat(registry.get("reporting.rebuild.progress").gauge().value()).isEqualTo(1.0);

        assertThat(allReports()).isEqualTo(before);
    }

    private Map<String, String> allReports() {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String path : List.of("/api/reports/groups?year=2022", "/api/reports/groups?year=2022&half=1",
                "/api/reports/groups/G1" + SUFFIX + "/meetings?year=2022", "/api/reports/appeals?year=2022",
                "/api/reports/appeals?year=2024", "/api/reports/appeals/categories/ROADS/territories?year=2022",
                "/api/reports/executors?year=2022", "/api/reports/executors?year=2024&half=1",
                "/api/reports/ranking?year=2022&half=1", "/api/reports/ranking?year=2024",
                "/api/reports/labels")) {
            reports.put(path, get(path, String.class));
        }
        return reports;
    }
}
