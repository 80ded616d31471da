package ru.outreach.appeals.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One answer that carried a citizen's details: who read them, when, which appeal, which fields, through which
 * operation. The citizen is kept only as the appeal's digest of his name and address, not in clear.
 *
 * @param citizenKey the appeal's digest of the citizen's name and address at the time of the read, or null
 * @param operation  the method and the path pattern, e.g. {@code GET /api/appeals/{id}}
 */
@Document("personal_data_reads")
record PersonalDataRead(@Id String id, Instant readAt, String readerUsername, String readerFullName,
                        String appealId, String citizenKey, List<String> fields, String operation) {
}
