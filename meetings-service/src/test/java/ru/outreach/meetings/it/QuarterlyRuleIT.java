package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;

/** Regulation 3.1: at least one meeting per group per quarter. */
class QuarterlyRuleIT extends IntegrationTest {

    private static final ZoneId CITY = ZoneId.of("Europe/Moscow");

    @Test
    void aYearShowsPerQuarterWhetherTheRuleWasMet() {
        int lastYear = LocalDate.now(CITY).getYear() - 1;
        String groupId = api.registerGroup("Группа (quarters)", "Северный");
        api.holdMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 2, 10, 17, 0));
        api.holdMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 3, 12, 17, 0));
        api.holdMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 8, 5, 17, 0));
        String cancelled = api.planMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 5, 5, 17, 0));
        api.ok(HttpMethod.POST, "/api/meetings/" + cancelled + "/cancellation", Map.of("reason", "паводок"));

        JsonNode year = api.get("/api/quarterly-rule/groups/" + groupId + "?year=" + lastYear).body();

        assertThat(year.path("groupName").asString()).isEqualTo("Группа (quarters)");
        List<String> verdicts = year.path("quarters").valueStream().map(q -> q.path("rule").asString()).toList();
        assertThat(verdicts).containsExactly("MET", "NOT_MET", "MET", "NOT_MET");
        JsonNode first = year.path("quarters").get(0);
        assertThat(first.path("held").asInt()).isEqualTo(2);
        assertThat(year.path("quarters").get(1).path("cancelled").asInt()).isEqualTo(1);
        assertThat(api.get("/api/quarterly-rule?year=" + lastYear).body().valueStream()
                .filter(group -> group.path("groupId").asString().equals(groupId))).hasSize(1);
    }

    @Test
    void theCurrentQuarterListsGroupsWithNeitherAHeldNorAPlannedMeeting() {
        LocalDateTime now = LocalDateTime.now(CITY).truncatedTo(ChronoUnit.SECONDS);
        LocalDate quarterStart = now.toLocalDate().withMonth(
                (now.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
        LocalDateTime earlierThisQuarter = max(quarterStart.atStartOfDay(), now.minusMinutes(5));
        String held = api.registerGroup("Группа (held this quarter)", "Северный");
        String planned = api.registerGroup("Группа (planned this quarter)", "Северный");
        String idle = api.registerGroup("Группа (idle this quarter)", "Северный");
        String onlyCancelled = api.registerGroup("Группа (cancelled this quarter)", "Северный");
        api.holdMeeting(held, "Северный", earlierThisQuarter);
        api.planMeeting(planned, "Северный", earlierThisQuarter);
        String cancelled = api.planMeeting(onlyCancelled, "Северный", earlierThisQuarter);
        api.ok(HttpMethod.POST, "/api/meetings/" + cancelled + "/cancellation", Map.of("reason", "карантин"));

        List<String> missing = api.get("/api/quarterly-rule/current-quarter/groups-without-meetings").body()
                .valueStream().map(group -> group.path("groupId").asString()).toList();

        assertThat(missing).contains(idle, onlyCancelled).doesNotContain(held, planned);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
