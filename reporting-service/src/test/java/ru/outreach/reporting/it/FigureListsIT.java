package ru.outreach.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.testkit.JsonApi;
import ru.outreach.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The lists behind the figures over HTTP, from events produced onto the three topics (eight years back: 2018, beside
 * 2017): each list's total is its figure in the reports of the same period, for the head only.
 */
class FigureListsIT extends IntegrationTest {

    /** A year no other test of the shared context writes to (RebuildIT: 2022 and 2021, DeadLetterIT: 2019). */
    private static final int SHIFT = -8;
    private static final String SUFFIX = "-lists";
    private static final int YEAR = 2018;

    @Test
    void theListBehindAFigureCountsWhatTheFigureCounts() {
        publish(Scenario.events(SUFFIX, SHIFT));
        String north = "G1" + SUFFIX;
        // until the last events of the three topics are in: the figures and the lists are then read at rest
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode held = get("/api/reports/meetings/items?year=" + YEAR + "&groupId=" + north + "&figure=HELD",
                    JsonNode.class);
            assertThat(held.get("totalItems").asLong()).isEqualTo(3);
            assertThat(held.get("sums").get("residents").asLong()).isEqualTo(62);
            assertThat(held.get("items").get(0).get("proposalsAccepted").asLong()).isEqualTo(1);
            assertThat(total("/api/reports/meetings/items?year=" + YEAR + "&groupId=" + north
                    + "&figure=MINUTES_ON_TIME")).isEqualTo(1);
            assertThat(total("/api/reports/instructions/items?year=" + YEAR + "&groupId=" + north
                    + "&figure=CLOSED_ON_TIME")).isEqualTo(1);
            assertThat(total("/api/reports/instructions/items?year=" + YEAR + "&groupId=G2" + SUFFIX
                    + "&figure=OVERDUE")).isEqualTo(1);
            assertThat(total("/api/reports/appeals/items?year=" + YEAR + "&figure=ANSWERED")).isEqualTo(2);
            assertThat(total("/api/reports/appeals/items?year=" + (YEAR - 1) + "&figure=ANSWERED")).isEqualTo(2);
            assertThat(total("/api/reports/appeals/items?year=" + YEAR + "&figure=REDIRECTED")).isEqualTo(1);
            assertThat(total("/api/reports/appeals/items?year=" + YEAR + "&by=ASSIGNED&figure=OVERDUE"))
                    .isEqualTo(1);
            assertThat(total("/api/reports/appeals/items?year=" + YEAR)).isEqualTo(5);
        });

        JsonNode groups = get("/api/reports/groups?year=" + YEAR + "&half=1", JsonNode.class);
        List<JsonNode> rows = new ArrayList<>();
        groups.get("groups").forEach(rows::add);
        rows.add(groups.get("total"));
        for (JsonNode g : rows) {
            String group = g.get("groupId").isNull() ? "" : "&groupId=" + q(g.get("groupId").asString());
            String instructions = group.isEmpty() ? "&source=MEETING" : group;
            String period = "year=" + YEAR + "&half=1";
            assertThat(total("/api/reports/meetings/items?" + period + group + "&figure=HELD"))
                    .as("held %s", g.get("groupName")).isEqualTo(g.get("meetingsHeld").asLong());
            assertThat(total("/api/reports/meetings/items?" + period + group + "&figure=MINUTES_DUE"))
                    .as("minutes due %s", g.get("groupName")).isEqualTo(g.get("minutesDue").asLong());
            assertThat(total("/api/reports/instructions/items?" + period + instructions + "&figure=OVERDUE"))
                    .as("overdue %s", g.get("groupName")).isEqualTo(g.get("instructionsOverdueNow").asLong());
        }

        JsonNode appeals = get("/api/reports/appeals?year=" + YEAR, JsonNode.class);
        for (JsonNode c : appeals.get("byCategory")) {
            assertThat(total("/api/reports/appeals/items?year=" + YEAR + "&category=" + q(c.get("key").asString())))
                    .as("category %s", c.get("key")).isEqualTo(c.get("current").asLong());
            assertThat(total("/api/reports/appeals/items?year=" + (YEAR - 1) + "&category="
                    + q(c.get("key").asString()))).as("category %s the year before", c.get("key"))
                    .isEqualTo(c.get("previous").asLong());
        }
        JsonNode march = get("/api/reports/appeals/items?year=" + YEAR + "&month=3&category=HOUSING&territory="
                + q("Южный"), JsonNode.class);
        assertThat(march.get("period").get("label").asString()).isEqualTo("март " + YEAR + " г.");
        assertThat(march.get("items")).extracting(a -> a.get("appealId").asString()).containsExactly("A2" + SUFFIX);
        assertThat(march.get("items").get(0).get("receivedOn").asString()).isEqualTo(YEAR + "-03-01");
        assertThat(march.get("items").get(0).propertyNames()).as("no citizen's data")
                .doesNotContain("name", "address", "phone", "email", "text", "answerText");

        JsonNode executors = get("/api/reports/executors?year=" + YEAR, JsonNode.class);
        for (JsonNode row : executors.get("executors")) {
            String department = "&department=" + q(row.get("department").asString());
            assertThat(total("/api/reports/instructions/items?year=" + YEAR + department + "&figure=OVERDUE"))
                    .as("overdue of %s", row.get("department")).isEqualTo(row.get("instructionsOverdueNow").asLong());
            assertThat(total("/api/reports/appeals/items?year=" + YEAR + "&by=ASSIGNED" + department))
                    .as("appeals of %s", row.get("department")).isEqualTo(row.get("appealsAssigned").asLong());
        }

        JsonNode page = get("/api/reports/appeals/items?year=" + YEAR + "&size=2&page=1", JsonNode.class);
        assertThat(List.of(page.get("page").asInt(), page.get("size").asInt(), page.get("items").size()))
                .containsExactly(1, 2, 2);
        assertThat(page.get("totalPages").asInt()).isEqualTo((page.get("totalItems").asInt() + 1) / 2);
    }

    @Test
    void onlyTheHeadReadsTheLists() {
        JsonNode api = new JsonApi(http).as(TestTokens.Person.with("head-lists", "head"))
                .get("/api/reports/appeals/items?year=" + YEAR).body();
        assertThat(api.has("totalItems")).isTrue();
        for (String duty : TestTokens.EVERY_DUTY) {
            if (duty.equals("head")) {
                continue;
            }
            JsonApi.Response refused = new JsonApi(http).as(TestTokens.Person.with("not-head", duty))
                    .get("/api/reports/instructions/items?year=" + YEAR);
            assertThat(refused.status().value()).as(duty).isEqualTo(403);
        }
        assertThat(new JsonApi(http).anonymous().get("/api/reports/meetings/items").status().value())
                .isEqualTo(401);
    }

    private long total(String path) {
        return get(path, JsonNode.class).get("totalItems").asLong();
    }

    /** A value as the query takes it: the client encodes the whole address (no value here holds & = + or #). */
    private static String q(String value) {
        assertThat(value).doesNotContain("&", "=", "+", "#");
        return value;
    }
}
