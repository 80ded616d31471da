package ru.outreach.meetings.it;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.outreach.testkit.IdempotentCreates;
import ru.outreach.testkit.IdempotentCreates.Create;
import ru.outreach.testkit.TestTokens;
import ru.outreach.testkit.TestTokens.Person;

/** A retried registration of a group or plan of a meeting, with an {@code Idempotency-Key} ({@link IdempotentCreates}). */
class IdempotencyKeyIT extends IntegrationTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    MongoTemplate mongo;

    @TestFactory
    Stream<DynamicTest> createsTakeAnIdempotencyKey() {
        String groupName = "Группа (idempotency " + UUID.randomUUID() + ")";
        String groupId = api.registerGroup(groupName, "Западный");
        Person secretary = Api.secretary(groupName);
        Person otherSecretary = new Person("idempotency-secretary-2", "Второй секретарь", List.of("secretary"),
                groupName, null);
        return new IdempotentCreates(port, broker.getBrokersAsString(), mongo,
                new Create("/api/groups", "groups", "meetings.v1", TestTokens.everyDuty(),
                        Person.with("idempotency-admin-2", "administrator"),
                        () -> Api.group("Группа (idempotency) № " + UUID.randomUUID(), "Северный")),
                new Create("/api/meetings", "meetings", "meetings.v1", secretary, otherSecretary,
                        () -> Map.of("groupId", groupId, "territory", "Западный",
                                "venue", Map.of("name", "МБОУ СОШ № 3", "address", "ул. Ленина, 10", "kind", "SCHOOL"),
                                "scheduledAt", LocalDateTime.of(2026, 9, 1, 17, 0)
                                        .plusMinutes(NEXT.incrementAndGet()).toString(),
                                "invitedParticipants", List.of("депутат округа"))))
                .tests();
    }
}
