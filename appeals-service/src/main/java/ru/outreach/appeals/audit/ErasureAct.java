package ru.outreach.appeals.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one run of the retention job erased: which appeals and which of their fields, when, under which rule.
 *
 * @param rule        the rule in words, with the configured period
 * @param period      the retention period ({@code outreach.appeals.retention.period}), ISO 8601
 * @param cutoff      appeals whose period ran from this day or earlier were erased
 * @param triggeredBy {@code schedule}, or the username of the administrator who ran it
 */
@Document("erasure_acts")
public record ErasureAct(@Id String id, Instant erasedAt, String rule, String period, LocalDate cutoff,
                         String triggeredBy, int appealCount, List<ErasedAppeal> appeals) {

    /** An appeal erased by the act and the fields that held data. */
    public record ErasedAppeal(String appealId, List<String> fields) {
    }
}
