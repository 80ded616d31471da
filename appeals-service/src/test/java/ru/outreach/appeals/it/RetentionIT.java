package ru.outreach.appeals.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.JsonApi;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * The retention (P5Y by default): the citizen's details and texts of appeals answered (or, without an answer, last
 * touched) more than five years ago are erased, the rest is kept; the act lists what was erased; a second run erases
 * nothing. The appeals are entered with the days of their paper records, so the service's own clock serves.
 */
class RetentionIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();
    private static final LocalDate SIX_YEARS_AGO = TODAY.minusYears(6);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Person admin = Person.with("admin-" + run, "administrator");
    private final Person officer = Person.with("pd-officer-" + run, "pd-officer");

    /** An appeal received, registered and assigned on {@code received}, answered on {@code answered} if given. */
    private String appeal(String citizen, LocalDate received, LocalDate answered) {
        Map<String, Object> letter = Api.letter(citizen, "HOUSING", "Северный", received);
        letter.put("registeredOn", received.toString());
        String id = api.post200("/api/appeals", letter).path("id").asString();
        api.post200("/api/appeals/" + id + "/assignment", Map.of("executorDepartment", "Управление ЖКХ",
                "assignedOn", received.toString()));
        if (answered != null) {
            api.post200("/api/appeals/" + id + "/answer", Map.of("text", "Ответ гражданину " + citizen,
                    "answeredOn", answered.toString()));
        }
        return id;
    }

    private JsonNode actsOf(String appealId) {
        JsonApi.Response acts = api.as(officer).get("/api/audit/erasure-acts?appealId=" + appealId);
        assertThat(acts.status().value()).isEqualTo(200);
        return acts.body();
    }

    @Test
    void appealsPastThePeriodAreErasedWithAnActAndNothingElseAndOnlyOnce() {
        String answeredLongAgo = appeal("Старова Анна " + run, SIX_YEARS_AGO, SIX_YEARS_AGO.plusDays(10));
        String answeredFourYearsAgo = appeal("Новикова Вера " + run, SIX_YEARS_AGO, TODAY.minusYears(4));
        String redirectedLongAgo = appeal("Павлов Илья " + run, SIX_YEARS_AGO, null);
        api.post200("/api/appeals/" + redirectedLongAgo + "/redirect", Map.of("competentBody", "Прокуратура",
                "redirectedOn", SIX_YEARS_AGO.plusDays(2).toString(), "citizenNotifiedOn",
                SIX_YEARS_AGO.plusDays(2).toString()));
        String recent = appeal("Свежий Олег " + run, TODAY.minusDays(3), null);

        JsonApi.Response run1 = api.as(admin).post("/api/admin/retention/run", null);
        assertThat(run1.status().value()).isEqualTo(200);
        assertThat(run1.body().path("erased").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(run1.body().path("cutoff").asString()).isEqualTo(TODAY.minusYears(5).toString());
        String actId = run1.body().path("actId").asString();

        JsonNode erased = api.get("/api/appeals/" + answeredLongAgo).body();
        assertThat(erased.path("personalData").asString()).isEqualTo("ERASED");
        assertThat(erased.path("erasedOn").asString()).isEqualTo(TODAY.toString());
        assertThat(erased.path("citizen").isNull()).isTrue();
        assertThat(erased.path("text").isNull()).isTrue();
        assertThat(erased.path("answer").path("text").isNull()).isTrue();
        assertThat(erased.toString()).doesNotContain("Старова", "Садовая", "555-44-33", "снег");
        assertThat(erased.path("category").asString()).as("kept for the reports").isEqualTo("HOUSING");
        assertThat(erased.path("territory").asString()).isEqualTo("Северный");
        assertThat(erased.path("answer").path("answeredOn").asString())
                .isEqualTo(SIX_YEARS_AGO.plusDays(10).toString());
        assertThat(api.get("/api/appeals/" + redirectedLongAgo).body().path("personalData").asString())
                .isEqualTo("ERASED");
        for (String kept : List.of(answeredFourYearsAgo, recent)) {
            JsonNode appeal = api.get("/api/appeals/" + kept).body();
            assertThat(appeal.path("personalData").asString()).isEqualTo("INCLUDED");
            assertThat(appeal.path("citizen").path("fullName").asString()).endsWith(run);
            assertThat(actsOf(kept).path("totalItems").asLong()).isZero();
        }

        JsonNode act = actsOf(answeredLongAgo).path("items").get(0);
        assertThat(act.path("id").asString()).isEqualTo(actId);
        assertThat(act.path("period").asString()).isEqualTo("P5Y");
        assertThat(act.path("rule").asString()).contains("P5Y");
        assertThat(act.path("triggeredBy").asString()).isEqualTo(admin.username());
        assertThat(act.path("erasedAt").asString()).isNotBlank();
        JsonNode entry = act.path("appeals").valueStream()
                .filter(appeal -> appeal.path("appealId").asString().equals(answeredLongAgo)).findFirst().orElseThrow();
        assertThat(entry.path("fields").valueStream().map(JsonNode::asString)).containsExactly("citizen.fullName",
                "citizen.postalAddress", "citizen.phone", "text", "answer.text");
        assertThat(act.toString()).contains(redirectedLongAgo).doesNotContain(answeredFourYearsAgo, recent, "Старова");

        JsonApi.Response run2 = api.as(admin).post("/api/admin/retention/run", null);
        assertThat(run2.status().value()).isEqualTo(200);
        assertThat(actsOf(answeredLongAgo).path("totalItems").asLong()).as("erased once").isEqualTo(1);
        assertThat(actsOf(redirectedLongAgo).path("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get("/api/appeals/" + answeredLongAgo).body().path("erasedOn").asString())
                .isEqualTo(TODAY.toString());

        // reading an erased appeal discloses nothing, so it leaves no audit record
        long before = api.as(officer).get("/api/audit/personal-data-reads?appealId=" + answeredLongAgo).body()
                .path("totalItems").asLong();
        api.get("/api/appeals/" + answeredLongAgo);
        assertThat(api.as(officer).get("/api/audit/personal-data-reads?appealId=" + answeredLongAgo).body()
                .path("totalItems").asLong()).isEqualTo(before);
    }

    @Test
    void onlyTheAdministratorRunsIt() {
        for (String duty : List.of("general-department", "controller", "pd-officer", "head", "executor")) {
            assertThat(api.as(Person.with(duty + "-" + run, duty)).post("/api/admin/retention/run", null).status()
                    .value()).isEqualTo(403);
        }
    }
}
