package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;

import ru.outreach.events.meetings.QuarterlyRule.Quarter;
import ru.outreach.testkit.CityClock;

import tools.jackson.databind.JsonNode;

/** Regulation 3.1: at least one meeting per group per quarter, from the quarter the group was formed in. */
class QuarterlyRuleIT extends IntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    private static final ZoneId CITY = CityClock.ZONE;

    @Test
    void aYearShowsPerQuarterWhetherTheRuleWasMet() {
        int lastYear = CityClock.today().getYear() - 1;
        String groupId = api.registerGroup("Группа (quarters)", LocalDate.of(lastYear, 1, 1), "Северный");
        api.holdMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 2, 10, 17, 0));
        api.holdMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 3, 12, 17, 0));
        api.holdMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 8, 5, 17, 0));
        String cancelled = api.planMeeting(groupId, "Северный", LocalDateTime.of(lastYear, 5, 5, 17, 0));
        api.secretaryOf(groupId).ok(HttpMethod.POST, "/api/meetings/" + cancelled + "/cancellation",
                Map.of("reason", "паводок"));

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
        api.secretaryOf(onlyCancelled).ok(HttpMethod.POST, "/api/meetings/" + cancelled + "/cancellation",
                Map.of("reason", "карантин"));

        List<String> missing = api.get("/api/quarterly-rule/current-quarter/groups-without-meetings").body()
                .valueStream().map(group -> group.path("groupId").asString()).toList();

        assertThat(missing).contains(idle, onlyCancelled).doesNotContain(held, planned);
    }

    @Test
    void aGroupFormedThisQuarterIsNotHeldToTheQuartersBefore() {
        LocalDate today = CityClock.today();
        Quarter current = Quarter.of(today);
        String groupId = api.registerGroup("Группа (formed this quarter)", "Северный");

        JsonNode group = api.get("/api/groups/" + groupId).body();
        List<String> thisYear = verdicts(groupId, today.getYear());
        List<String> lastYear = verdicts(groupId, today.getYear() - 1);

        assertThat(group.path("details").path("formedOn").asString()).isEqualTo(today.toString());
        assertThat(thisYear).containsExactlyElementsOf(IntStream.rangeClosed(1, 4)
                .mapToObj(n -> n < current.number() ? "NOT_FORMED" : n == current.number() ? "IN_PROGRESS"
                        : "NOT_STARTED")
                .toList());
        assertThat(lastYear).containsOnly("NOT_FORMED");
    }

    @Test
    void aGroupFormedEarlierThatHeldNoMeetingHasNotMetTheRule() {
        LocalDate today = CityClock.today();
        LocalDate formedOn = LocalDate.of(today.getYear() - 1, 2, 15);
        String groupId = api.registerGroup("Группа (formed last year, idle)", formedOn, "Северный");

        List<String> lastYear = verdicts(groupId, today.getYear() - 1);

        assertThat(api.get("/api/groups/" + groupId).body().path("details").path("formedOn").asString())
                .isEqualTo(formedOn.toString());
        assertThat(lastYear).as("formed in the first quarter: every quarter counts")
                .containsExactly("NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET");
        assertThat(api.get("/api/quarterly-rule?year=" + (today.getYear() - 1)).body().valueStream()
                .filter(row -> row.path("groupId").asString().equals(groupId))
                .map(row -> row.path("quarters").get(0).path("rule").asString())).containsExactly("NOT_MET");
    }

    @Test
    void aGroupStoredWithoutAFormationDayCountsEveryQuarter() {
        int lastYear = CityClock.today().getYear() - 1;
        String groupId = api.registerGroup("Группа (formed on an unknown day)", "Северный");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(groupId)), new Update().unset("details.formedOn"),
                "groups");

        assertThat(api.get("/api/groups/" + groupId).body().path("details").path("formedOn").isNull()).isTrue();
        assertThat(verdicts(groupId, lastYear)).containsExactly("NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET");
    }

    private List<String> verdicts(String groupId, int year) {
        return api.get("/api/quarterly-rule/groups/" + groupId + "?year=" + year).body().path("quarters")
                .valueStream().map(q -> q.path("rule").asString()).toList();
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
