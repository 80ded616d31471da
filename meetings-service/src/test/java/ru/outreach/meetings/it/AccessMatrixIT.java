package ru.outreach.meetings.it;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;


import ru.outreach.testkit.AccessMatrix;
import ru.outreach.testkit.AccessMatrixContract;

/**
 * README "Who may do what", meetings service: every operation of the OpenAPI document against every duty
 * ({@link AccessMatrix}). A new operation fails here until it has a row.
 */
class AccessMatrixIT extends IntegrationTest implements AccessMatrixContract {

    private static final String SECRETARY = "secretary";
    private static final String CONTROLLER = "controller";
    private static final String ADMINISTRATOR = "administrator";
    private static final String PD_OFFICER = "pd-officer";

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("POST /api/groups", Set.of(ADMINISTRATOR)),
            entry("PUT /api/groups/{id}", Set.of(ADMINISTRATOR)),
            entry("GET /api/groups", Set.of(SECRETARY, CONTROLLER, ADMINISTRATOR)),
            entry("GET /api/groups/{id}", Set.of(SECRETARY, CONTROLLER, ADMINISTRATOR)),
            entry("POST /api/meetings", Set.of(SECRETARY)),
            entry("POST /api/meetings/{id}/venue-agreement", Set.of(SECRETARY)),
            entry("POST /api/meetings/{id}/announcement", Set.of(SECRETARY)),
            entry("POST /api/meetings/{id}/rescheduling", Set.of(SECRETARY)),
            entry("POST /api/meetings/{id}/cancellation", Set.of(SECRETARY)),
            entry("POST /api/meetings/{id}/holding", Set.of(SECRETARY)),
            entry("GET /api/meetings", Set.of(SECRETARY, CONTROLLER)),
            entry("GET /api/meetings/{id}", Set.of(SECRETARY, CONTROLLER)),
            entry("GET /api/meetings/{meetingId}/brief", Set.of(SECRETARY)),
            entry("GET /api/territories/{territory}/brief", Set.of(SECRETARY)),
            entry("PUT /api/meetings/{meetingId}/minutes", Set.of(SECRETARY)),
            entry("GET /api/meetings/{meetingId}/minutes", Set.of(SECRETARY, CONTROLLER)),
            entry("GET /api/meetings/{meetingId}/minutes/protocol.pdf", Set.of(SECRETARY, CONTROLLER)),
            entry("POST /api/meetings/{meetingId}/minutes/signature", Set.of(SECRETARY)),
            entry("POST /api/meetings/{meetingId}/minutes/hand-over", Set.of(CONTROLLER)),
            entry("POST /api/meetings/{meetingId}/minutes/proposals/{proposalId}/evaluation", Set.of(SECRETARY)),
            entry("POST /api/meetings/{meetingId}/minutes/results-publication", Set.of(SECRETARY)),
            entry("GET /api/minutes", Set.of(SECRETARY, CONTROLLER)),
            entry("GET /api/quarterly-rule", Set.of(SECRETARY, CONTROLLER)),
            entry("GET /api/quarterly-rule/groups/{groupId}", Set.of(SECRETARY, CONTROLLER)),
            entry("GET /api/quarterly-rule/current-quarter/groups-without-meetings", Set.of(SECRETARY, CONTROLLER)),
            entry("GET /api/audit/personal-data-reads", Set.of(PD_OFFICER)));

    @Override
    public AccessMatrix accessMatrix() {
        return new AccessMatrix(port, api.get("/v3/api-docs").body(), ALLOWED);
    }

    @Override
    public String probeOperation() {
        return "GET /api/groups";
    }
}
