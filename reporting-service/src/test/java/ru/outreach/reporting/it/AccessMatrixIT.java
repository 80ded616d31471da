package ru.outreach.reporting.it;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.AccessMatrix;
import ru.outreach.testkit.AccessMatrixContract;
import ru.outreach.testkit.JsonApi;
import ru.outreach.testkit.RawHttp;

/**
 * README "Who may do what", reporting service: every operation of the OpenAPI document against every duty
 * ({@link AccessMatrix}). A new operation fails here until it has a row. The dashboard's page loads without a token;
 * its data does not.
 */
class AccessMatrixIT extends IntegrationTest implements AccessMatrixContract {

    private static final String HEAD = "head";
    private static final String ADMINISTRATOR = "administrator";

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("GET /api/reports/groups", Set.of(HEAD)),
            entry("GET /api/reports/groups/{groupId}/meetings", Set.of(HEAD)),
            entry("GET /api/reports/appeals", Set.of(HEAD)),
            entry("GET /api/reports/appeals/categories/{category}/territories", Set.of(HEAD)),
            entry("GET /api/reports/executors", Set.of(HEAD)),
            entry("GET /api/reports/ranking", Set.of(HEAD)),
            entry("GET /api/reports/meetings/items", Set.of(HEAD)),
            entry("GET /api/reports/appeals/items", Set.of(HEAD)),
            entry("GET /api/reports/instructions/items", Set.of(HEAD)),
            entry("GET /api/reports/labels", Set.of(HEAD, ADMINISTRATOR)),
            entry("GET /api/reports/groups.xlsx", Set.of(HEAD)),
            entry("GET /api/reports/groups.pdf", Set.of(HEAD)),
            entry("GET /api/reports/appeals.xlsx", Set.of(HEAD)),
            entry("GET /api/reports/appeals.pdf", Set.of(HEAD)),
            entry("POST /api/admin/rebuild", Set.of(ADMINISTRATOR)),
            entry("GET /api/admin/rebuild", Set.of(ADMINISTRATOR)));

    @Override
    public AccessMatrix accessMatrix() {
        return new AccessMatrix(port, new JsonApi(http).get("/v3/api-docs").body(), ALLOWED);
    }

    @Override
    public String probeOperation() {
        return "GET /api/reports/labels";
    }

    @Test
    void theDashboardPageLoadsWithoutAToken() {
        RawHttp anonymous = new RawHttp(port, null);
        for (String page : new String[] {"/", "/index.html", "/auth.js", "/dashboard.js", "/dashboard.css",
                "/dashboard/config.json"}) {
            org.assertj.core.api.Assertions.assertThat(anonymous.send("GET", page, Map.of(), null).status())
                    .as(page).isEqualTo(200);
        }
        org.assertj.core.api.Assertions.assertThat(anonymous.send("GET", "/swagger-ui/index.html", Map.of(), null)
                .status()).isEqualTo(200);
    }
}
