package ru.outreach.appeals.it;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.IdempotentCreates;
import ru.outreach.testkit.IdempotentCreates.Create;
import ru.outreach.testkit.TestTokens.Person;

/**
 * A retried registration of an appeal or issue of an instruction, with an {@code Idempotency-Key}
 * ({@link IdempotentCreates}): the 24 appeals written twice after the outage are what this prevents.
 */
class IdempotencyKeyIT extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @TestFactory
    Stream<DynamicTest> createsTakeAnIdempotencyKey() {
        return new IdempotentCreates(port, broker.getBrokersAsString(), mongo,
                new Create("/api/appeals", "appeals", "appeals.v1",
                        Person.with("idempotency-clerk-1", "general-department"),
                        Person.with("idempotency-clerk-2", "general-department"),
                        () -> Api.letter("Петрова Анна " + UUID.randomUUID(), "HOUSING", "Западный",
                                CityClock.today())),
                new Create("/api/instructions", "instructions", "instructions.v1",
                        Person.with("idempotency-controller-1", "controller"),
                        Person.with("idempotency-controller-2", "controller"),
                        () -> Map.of("text", "Организовать вывоз снега " + UUID.randomUUID(),
                                "executorDepartment", "Управление ЖКХ", "coExecutors", List.of("МБУ «Благоустройство»"),
                                "dueOn", CityClock.today().plusDays(30).toString(), "source", "OTHER",
                                "territory", "Западный")))
                .tests();
    }
}
