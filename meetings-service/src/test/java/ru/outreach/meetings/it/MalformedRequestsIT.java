package ru.outreach.meetings.it;

import static ru.outreach.testkit.Refusal.get;
import static ru.outreach.testkit.Refusal.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import ru.outreach.testkit.RawHttp;
import ru.outreach.testkit.Refusal;

/**
 * A table of malformed requests, each of which must get a 4xx answer in RFC 9457 problem details, in Russian by
 * default, naming the field where there is one: wrong Accept and Content-Type, bad years and dates, loose JSON,
 * paths Tomcat refuses before Spring, methods nobody serves.
 */
class MalformedRequestsIT extends IntegrationTest {

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedWithProblemDetails() {
        String groupId = api.registerGroup("Группа (malformed)", "Северный");
        String meetingId = api.planMeeting(groupId, "Северный", LocalDateTime.of(2026, 3, 3, 17, 0));
        RawHttp http = new RawHttp(port);
        return cases(groupId, meetingId).stream()
                .map(refusal -> DynamicTest.dynamicTest(refusal.name(), () -> refusal.check(refusal.sendTo(http))));
    }

    static String plan(String groupId, String scheduledAt) {
        return """
                {"groupId": "%s", "territory": "Северный", "venue": {"name": "Школа", "kind": "SCHOOL"},
                 "scheduledAt": %s}""".formatted(groupId, scheduledAt);
    }

    static List<Refusal> cases(String groupId, String meetingId) {
        String meeting = "/api/meetings/" + meetingId;
        String valid = plan(groupId, "\"2026-05-06T17:00:00\"");
        String group = """
                {"name": "Группа (xml)", "leader": {"fullName": "А"}, "secretary": {"fullName": "Б"},
                 "territories": ["Южный"]}""";
        List<Refusal> cases = new ArrayList<>(List.of(
                // an answer the client cannot take: refused before the handler runs
                post("a new group accepting only XML", "/api/groups", group, 406, null)
                        .header("Accept", "application/xml"),
                post("a plan accepting only XML", "/api/meetings", valid, 406, null)
                        .header("Accept", "application/xml"),
                post("a cancellation accepting only HTML", meeting + "/cancellation", "{\"reason\": \"дождь\"}", 406,
                        null).header("Accept", "text/html"),
                post("a plan accepting only XML, in English", "/api/meetings", valid, 406, null)
                        .header("Accept", "application/xml").header("Accept-Language", "en"),
                get("a list accepting only XML", "/api/meetings", 406, null).header("Accept", "application/xml"),
                // a body that is not JSON
                post("multipart content type", "/api/meetings", valid, 415, null)
                        .header("Content-Type", "multipart/form-data"),
                post("multipart with a boundary", "/api/meetings", valid, 415, null)
                        .header("Content-Type", "multipart/form-data; boundary=xyz"),
                post("wildcard content type", "/api/meetings", valid, 415, null).header("Content-Type", "*/*"),
                post("text content type", "/api/meetings", valid, 415, null).header("Content-Type", "text/plain"),
                post("form content type", "/api/meetings", "groupId=" + groupId, 415, null)
                        .header("Content-Type", "application/x-www-form-urlencoded"),
                post("no body", "/api/meetings", "", 400, null),
                post("trailing tokens", "/api/meetings", valid + " {}", 400, null),
                post("not JSON at all", "/api/meetings", "<meeting/>", 400, null),
                post("invalid UTF-8 in the body", "/api/meetings", null, 400, null)
                        .withBody(invalidUtf8Body(groupId)),
                // years of the quarterly rule
                get("a negative year", "/api/quarterly-rule?year=-1", 400, "year"),
                get("year zero", "/api/quarterly-rule?year=0", 400, "year"),
                get("a five-digit year", "/api/quarterly-rule?year=99999", 400, "year"),
                get("a year before 2000", "/api/quarterly-rule/groups/" + groupId + "?year=1999", 400, "year"),
                get("a year that is not a number", "/api/quarterly-rule?year=abc", 400, "year"),
                get("a repeated year", "/api/quarterly-rule?year=abc&year=def", 400, "year").saying("abc, def"),
                get("a repeated status", "/api/meetings?status=FINISHED&status=GONE", 400, "status"),
                // query dates
                get("a day in year 1", "/api/meetings?from=0001-01-01", 400, "from"),
                get("a day in year 9999", "/api/meetings?to=9999-12-31", 400, "to"),
                get("a day in year 100000", "/api/meetings?from=%2B100000-01-01", 400, "from"),
                get("a day that is a number", "/api/meetings?from=20260101", 400, "from"),
                // loose JSON
                post("an unknown field", "/api/meetings", with(valid, "\"colour\": \"red\""), 400,
                        "colour").saying("Неизвестное поле"),
                post("a key given twice", "/api/meetings", valid.replace("{\"groupId\"",
                        "{\"groupId\": \"x\", \"groupId\""), 400, "groupId"),
                post("a number for text", "/api/meetings", valid.replace("\"Северный\"", "42"), 400, "territory"),
                post("a boolean for text", "/api/meetings", valid.replace("\"Северный\"", "true"), 400,
                        "territory"),
                post("an object for text", "/api/meetings", valid.replace("\"Северный\"", "{}"), 400,
                        "territory"),
                post("a null inside a list", "/api/meetings", with(valid, "\"invitedParticipants\": [\"депутат\", null]"),
                        400, "invitedParticipants[1]"),
                post("a number for an enum", "/api/meetings", valid.replace("\"SCHOOL\"", "1"), 400, "venue.kind"),
                post("an unknown enum value", "/api/meetings", valid.replace("\"SCHOOL\"", "\"STADIUM\""), 400,
                        "venue.kind").saying("SCHOOL"),
                post("a group that does not exist", "/api/meetings", plan("no-such-group",
                        "\"2026-05-06T17:00:00\""), 422, "groupId"),
                // dates in bodies
                post("a moment in year 1", "/api/meetings", plan(groupId, "\"0001-01-01T10:00:00\""), 400,
                        "scheduledAt"),
                post("a moment in year 9999", "/api/meetings", plan(groupId, "\"9999-12-31T10:00:00\""), 400,
                        "scheduledAt").saying("2100-12-31"),
                post("a moment in year 100000", "/api/meetings", plan(groupId, "\"+100000-01-01T10:00:00\""), 400,
                        "scheduledAt"),
                post("a moment that is a number", "/api/meetings", plan(groupId, "20260101"), 400, "scheduledAt"),
                post("a moment that is an array", "/api/meetings", plan(groupId, "[2026, 1, 1, 10, 0]"), 400,
                        "scheduledAt"),
                post("a moment that is NaN", "/api/meetings", plan(groupId, "NaN"), 400, "scheduledAt"),
                post("a day in year 1", meeting + "/venue-agreement", "{\"agreedOn\": \"0001-01-01\"}", 400,
                        "agreedOn"),
                post("a day in year 9999", meeting + "/venue-agreement", "{\"agreedOn\": \"9999-12-31\"}", 400,
                        "agreedOn"),
                post("a day that is a number", meeting + "/venue-agreement", "{\"agreedOn\": 20260101}", 400,
                        "agreedOn"),
                // numbers
                post("a fraction for a whole number", meeting + "/holding", hold("1.5"), 400, "residentsAttended"),
                post("text for a whole number", meeting + "/holding", hold("\"12\""), 400, "residentsAttended"),
                post("a boolean for a whole number", meeting + "/holding", hold("true"), 400, "residentsAttended"),
                post("a leading zero", meeting + "/holding", hold("007"), 400, "residentsAttended"),
                post("NaN for a whole number", meeting + "/holding", hold("NaN"), 400, "residentsAttended"),
                post("a number too large", meeting + "/holding", hold("99999999999999999999"), 400,
                        "residentsAttended"),
                // what the container refuses before Spring
                get("NUL in the path", "/api/meetings/%00", 400, null),
                get("an encoded slash in the path", "/api/meetings/a%2Fb", 400, null),
                get("an encoded backslash in the path", "/api/meetings/a%5Cb", 400, null),
                get("invalid UTF-8 in the path", "/api/meetings/%C3%28", 400, null),
                get("invalid UTF-8 in the query", "/api/meetings?territory=%FF%FE", 400, "territory"),
                get("a path of 10000 characters", "/api/meetings/" + "a".repeat(10_000), 400, null),
                get("a query value of 10000 characters", "/api/meetings?territory=" + "a".repeat(10_000), 400,
                        null),
                get("NUL in the path, in English", "/api/meetings/%00", 400, null).header("Accept-Language", "en"),
                get("invalid UTF-8 in the query, in English", "/api/meetings?territory=%FF", 400, null)
                        .header("Accept-Language", "en"),
                new Refusal("TRACE", "TRACE", "/api/meetings", Map.of(), null, 405, null, null),
                // denied by default: no duty is allowed what the access rules do not name, served or not
                new Refusal("DELETE of a list", "DELETE", "/api/meetings", Map.of(), null, 403, null, null),
                get("a path nobody serves", "/api/no-such-thing", 403, null),
                get("a meeting that does not exist", "/api/meetings/no-such-meeting", 404, null)));
        return cases;
    }

    /** {@code body} with one more member at its end. */
    static String with(String body, String member) {
        return body.substring(0, body.lastIndexOf('}')) + ", " + member + "}";
    }

    private static String hold(String residents) {
        return "{\"heldAt\": \"2026-03-03T17:00:00\", \"residentsAttended\": " + residents + "}";
    }

    private static byte[] invalidUtf8Body(String groupId) {
        byte[] text = plan(groupId, "\"2026-05-06T17:00:00\"").replace("Школа", "@@").getBytes(StandardCharsets.UTF_8);
        String s = new String(text, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("@@");
        text[at] = (byte) 0xC3;
        text[at + 1] = (byte) 0x28;
        return text;
    }
}
