package ru.outreach.reporting.report;

import java.time.Instant;
import java.util.Map;

/**
 * Where a rebuild of the read models stands.
 *
 * @param state  {@code IDLE}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param topics per topic: events applied so far and the end offset it replays to
 */
public record RebuildProgress(String state, Instant startedAt, Instant finishedAt, long applied, long total,
                              double percent, Map<String, TopicProgress> topics, String error) {

    public record TopicProgress(long applied, long total) {
    }
}
