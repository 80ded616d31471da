package ru.outreach.appeals.it;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;


import ru.outreach.testkit.AccessMatrix;
import ru.outreach.testkit.AccessMatrixContract;

/**
 * README "Who may do what", appeals service: every operation of the OpenAPI document against every duty
 * ({@link AccessMatrix}). A new operation fails here until it has a row.
 */
class AccessMatrixIT extends IntegrationTest implements AccessMatrixContract {

    private static final String SECRETARY = "secretary";
    private static final String GENERAL_DEPARTMENT = "general-department";
    private static final String EXECUTOR = "executor";
    private static final String CONTROLLER = "controller";
    private static final String HEAD = "head";
    private static final String ADMINISTRATOR = "administrator";
    private static final String TERRITORY_BRIEF = "territory-brief";
    private static final String PD_OFFICER = "pd-officer";

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("GET /api/categories",
                    Set.of(SECRETARY, GENERAL_DEPARTMENT, EXECUTOR, CONTROLLER, HEAD, ADMINISTRATOR)),
            entry("GET /api/territories/{territory}/open-problems", Set.of(TERRITORY_BRIEF)),
            entry("POST /api/appeals", Set.of(GENERAL_DEPARTMENT)),
            entry("GET /api/appeals/registration-queue", Set.of(GENERAL_DEPARTMENT)),
            entry("POST /api/appeals/{id}/registration", Set.of(GENERAL_DEPARTMENT)),
            entry("POST /api/appeals/{id}/assignment", Set.of(GENERAL_DEPARTMENT)),
            entry("POST /api/appeals/{id}/answer", Set.of(GENERAL_DEPARTMENT)),
            entry("POST /api/appeals/{id}/extension", Set.of(GENERAL_DEPARTMENT)),
            entry("POST /api/appeals/{id}/redirect", Set.of(GENERAL_DEPARTMENT)),
            entry("POST /api/appeals/{id}/without-answer", Set.of(GENERAL_DEPARTMENT)),
            entry("POST /api/appeals/{id}/closing", Set.of(GENERAL_DEPARTMENT)),
            entry("GET /api/appeals/{id}", Set.of(GENERAL_DEPARTMENT, EXECUTOR, CONTROLLER)),
            entry("GET /api/appeals", Set.of(GENERAL_DEPARTMENT, EXECUTOR, CONTROLLER)),
            entry("POST /api/instructions", Set.of(CONTROLLER)),
            entry("POST /api/instructions/{id}/acceptance", Set.of(EXECUTOR)),
            entry("POST /api/instructions/{id}/reports", Set.of(EXECUTOR)),
            entry("POST /api/instructions/{id}/return", Set.of(CONTROLLER)),
            entry("POST /api/instructions/{id}/closing", Set.of(CONTROLLER)),
            entry("POST /api/instructions/{id}/extension-request", Set.of(EXECUTOR)),
            entry("POST /api/instructions/{id}/extension-request/grant", Set.of(CONTROLLER)),
            entry("POST /api/instructions/{id}/extension-request/refusal", Set.of(CONTROLLER)),
            entry("GET /api/instructions/{id}", Set.of(EXECUTOR, CONTROLLER)),
            entry("GET /api/instructions", Set.of(EXECUTOR, CONTROLLER)),
            entry("GET /api/audit/personal-data-reads", Set.of(PD_OFFICER)),
            entry("GET /api/audit/erasure-acts", Set.of(PD_OFFICER)),
            entry("POST /api/admin/retention/run", Set.of(ADMINISTRATOR)));

    @Override
    public AccessMatrix accessMatrix() {
        return new AccessMatrix(port, api.get("/v3/api-docs").body(), ALLOWED);
    }

    @Override
    public String probeOperation() {
        return "GET /api/appeals";
    }
}
