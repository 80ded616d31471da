package ru.outreach.meetings.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One answer that carried citizens' details: who read them, when, of which minutes, which fields, by which operation.
 *
 * @param id         the record's id
 * @param at         when the answer was given
 * @param reader     the reader's sign-in name, from his token
 * @param readerName the reader's full name, from his token
 * @param meetingId  the minutes (their id is the meeting's)
 * @param groupId    the information group whose minutes they are
 * @param operation  what the reader did: {@code read} the minutes, or {@code record} them and read the draft back
 * @param fields     the citizens' details the answer carried, e.g. {@code receptionCards[RC1].citizen.phone}
 */
@Document(PersonalDataReads.COLLECTION)
public record PersonalDataRead(@Id String id, Instant at, String reader, String readerName, String meetingId,
                               String groupId, String operation, List<String> fields) {

    public PersonalDataRead {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
