package ru.outreach.appeals.it;

import static ru.outreach.testkit.Refusal.get;
import static ru.outreach.testkit.Refusal.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import ru.outreach.testkit.RawHttp;
import ru.outreach.testkit.Refusal;

/**
 * A table of malformed requests to the appeals and instructions API, each of which must get a 4xx answer in RFC 9457
 * problem details, in Russian by default, naming the field where there is one.
 */
class MalformedRequestsIT extends IntegrationTest {

    @Autowired
    Clock clock;

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedWithProblemDetails() {
        LocalDate today = LocalDate.now(clock);
        String appealId = api.registerLetter("Малформов " + UUID.randomUUID(), "ROADS", "Северный", today);
        String instructionId = api.issueInstruction("Управление ЖКХ", "Северный", today.plusDays(20));
        RawHttp http = new RawHttp(port);
        return cases(appealId, instructionId, today, "Северный").stream()
                .map(refusal -> DynamicTest.dynamicTest(refusal.name(), () -> refusal.check(refusal.sendTo(http))));
    }

    static String letter(String receivedOn, String territory) {
        return """
                {"channel": "POST", "receivedOn": %s, "citizen": {"fullName": "Иванов Иван",
                 "postalAddress": "ул. Садовая, 12"}, "text": "Во дворе не убирают снег", "category": "ROADS",
                 "territory": "%s"}""".formatted(receivedOn, territory);
    }

    static String instruction(String dueOn, String territory) {
        return """
                {"text": "Организовать вывоз снега", "executorDepartment": "Управление ЖКХ", "dueOn": %s,
                 "source": "OTHER", "territory": "%s"}"""
                .formatted(dueOn, territory);
    }

    /** {@code body} with one more member at its end. */
    static String with(String body, String member) {
        return body.substring(0, body.lastIndexOf('}')) + ", " + member + "}";
    }

    /** The table; the bodies that would be accepted but for one thing name {@code territory}. */
    static List<Refusal> cases(String appealId, String instructionId, LocalDate today, String territory) {
        String appeal = "/api/appeals/" + appealId;
        String instruction = "/api/instructions/" + instructionId;
        String valid = letter("\"" + today + "\"", territory);
        String assign = "{\"executorDepartment\": \"Управление ЖКХ\"}";
        String close = "{\"closedOn\": \"" + today + "\"}";
        String due = "\"" + today.plusDays(20) + "\"";
        return List.of(
                // an answer the client cannot take: refused before the handler runs
                post("an appeal accepting only XML", "/api/appeals", valid, 406, null)
                        .header("Accept", "application/xml"),
                post("an assignment accepting only XML", appeal + "/assignment", assign, 406, null)
                        .header("Accept", "application/xml"),
                post("an instruction accepting only HTML", "/api/instructions", instruction(due, territory), 406, null)
                        .header("Accept", "text/html"),
                post("a closing accepting only XML, in English", instruction + "/closing", close, 406, null)
                        .header("Accept", "application/xml").header("Accept-Language", "en"),
                // a body that is not JSON
                post("an appeal as multipart", "/api/appeals", valid, 415, null)
                        .header("Content-Type", "multipart/form-data"),
                post("an appeal as anything", "/api/appeals", valid, 415, null).header("Content-Type", "*/*"),
                post("an assignment as plain text", appeal + "/assignment", assign, 415, null)
                        .header("Content-Type", "text/plain"),
                post("an acceptance as anything", instruction + "/acceptance", "{}", 415, null)
                        .header("Content-Type", "*/*"),
                // loose JSON
                post("an unknown field", "/api/appeals", with(valid, "\"colour\": \"red\""), 400, "colour")
                        .saying("Неизвестное поле"),
                post("a key given twice", "/api/appeals", with(valid, "\"text\": \"ещё раз\""), 400, "text"),
                post("a number for text", "/api/appeals", valid.replace("\"" + territory + "\"", "42"),
                        400, "territory"),
                post("text for a boolean", "/api/appeals", with(valid, "\"reportsCrime\": \"yes\""), 400,
                        "reportsCrime"),
                post("a number for a boolean", "/api/appeals", with(valid, "\"reportsCrime\": 1"), 400,
                        "reportsCrime"),
                post("a number for an enum", "/api/appeals", valid.replace("\"POST\"", "0"), 400, "channel"),
                post("a null inside a list", "/api/instructions", with(instruction(due, territory),
                        "\"coExecutors\": [null]"), 400, "coExecutors[0]"),
                post("a closing with an unknown field", instruction + "/closing", with(close, "\"late\": true"),
                        400, "late"),
                // dates in bodies
                post("a day in year 1", "/api/appeals", letter("\"0001-01-01\"", territory), 400, "receivedOn"),
                post("a day in year 9999", "/api/appeals", letter("\"9999-12-31\"", territory), 400, "receivedOn")
                        .saying("2000-01-01"),
                post("a day in year 100000", "/api/appeals", letter("\"+100000-01-01\"", territory), 400, "receivedOn"),
                post("a day that is a number", "/api/appeals", letter("20260101", territory), 400, "receivedOn"),
                post("a day that is an array", "/api/appeals", letter("[2026, 1, 1]", territory), 400, "receivedOn"),
                post("a due day in year 9999", "/api/instructions", instruction("\"9999-12-31\"", territory),
                        400, "dueOn"),
                post("a closing in year 1", appeal + "/closing", "{\"closedOn\": \"0001-01-01\"}", 400,
                        "closedOn"),
                // numbers
                post("a fraction of days", appeal + "/extension", extension("1.5", today), 400, "days"),
                post("text for days", appeal + "/extension", extension("\"30\"", today), 400, "days"),
                post("a leading zero", appeal + "/extension", extension("030", today), 400, "days"),
                post("NaN days", appeal + "/extension", extension("NaN", today), 400, "days"),
                // query parameters
                get("a day in year 1 in the query", "/api/appeals?from=0001-01-01", 400, "from"),
                get("a day in year 9999 in the query", "/api/instructions?to=9999-12-31", 400, "to"),
                get("a repeated state", "/api/appeals?state=OPEN&state=SHUT", 400, "state").saying("OPEN, SHUT"),
                get("a boolean that is not", "/api/appeals?overdue=maybe", 400, "overdue"),
                get("invalid UTF-8 in the query", "/api/appeals?territory=%FF", 400, "territory"),
                // what the container refuses before Spring
                get("NUL in the path", "/api/appeals/%00", 400, null),
                get("an encoded slash in the path", "/api/appeals/a%2Fb", 400, null),
                get("an encoded backslash in the path", "/api/appeals/a%5Cb", 400, null),
                get("a path of 10000 characters", "/api/appeals/" + "a".repeat(10_000), 400, null),
                new Refusal("TRACE", "TRACE", "/api/appeals", Map.of(), null, 405, null, null),
                // denied by default: no duty is allowed what the access rules do not name, served or not
                get("a path nobody serves", "/api/no-such-thing", 403, null));
    }

    private static String extension(String days, LocalDate today) {
        return "{\"days\": " + days + ", \"reason\": \"проверка на месте\", \"decidedOn\": \"" + today
                + "\", \"citizenNotifiedOn\": \"" + today + "\"}";
    }
}
