package ru.outreach.meetings.brief;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * The brief of a territory: the appeals service's answer as it gave it ({@code openProblems}), when it was taken,
 * and whether it is current.
 */
record TerritoryBrief(String territory, Freshness freshness, Instant asOf, String message, JsonNode openProblems) {

    enum Freshness {
        /** Just asked of the appeals service. */
        CURRENT,
        /** The appeals service did not answer; this is the last answer it gave. */
        STALE,
        /** The appeals service did not answer and has never answered for this territory. */
        UNAVAILABLE
    }
}
