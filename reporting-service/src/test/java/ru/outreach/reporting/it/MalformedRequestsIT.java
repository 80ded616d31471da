package ru.outreach.reporting.it;

import static ru.outreach.testkit.Refusal.post;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import ru.outreach.testkit.RawHttp;
import ru.outreach.testkit.Refusal;

/**
 * A table of malformed requests to the reports, the exports and the rebuild, each of which must get a 4xx answer in
 * RFC 9457 problem details, in Russian by default, naming the parameter where there is one.
 */
class MalformedRequestsIT extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsRefusedWithProblemDetails() {
        RawHttp http = new RawHttp(port);
        return cases().stream()
                .map(refusal -> DynamicTest.dynamicTest(refusal.name(), () -> refusal.check(refusal.sendTo(http))));
    }

    static List<Refusal> cases() {
        return List.of(
                // years and halves of the reports
                Refusal.get("a negative year", "/api/reports/groups?year=-1", 400, "year"),
                Refusal.get("year zero", "/api/reports/appeals?year=0", 400, "year"),
                Refusal.get("a five-digit year", "/api/reports/executors?year=99999", 400, "year"),
                Refusal.get("a year before 2000", "/api/reports/ranking?year=1999", 400, "year"),
                Refusal.get("a year after 2100", "/api/reports/groups/g-1/meetings?year=2101", 400, "year"),
                Refusal.get("a year of a drill-down", "/api/reports/appeals/categories/ROADS/territories?year=0", 400,
                        "year"),
                Refusal.get("a year that is not a number", "/api/reports/groups?year=abc", 400, "year"),
                Refusal.get("a repeated year", "/api/reports/groups?year=abc&year=def", 400, "year").saying("abc, def"),
                Refusal.get("a third half", "/api/reports/groups?half=3", 400, "half"),
                Refusal.get("half zero", "/api/reports/ranking?half=0", 400, "half"),
                Refusal.get("a half that is not a number", "/api/reports/executors?half=first", 400, "half"),
                Refusal.get("invalid UTF-8 in the year", "/api/reports/groups?year=%FF", 400, "year"),
                // the lists behind the figures
                Refusal.get("a list of year 1999", "/api/reports/appeals/items?year=1999", 400, "year"),
                Refusal.get("a list of a third half", "/api/reports/meetings/items?half=3", 400, "half"),
                Refusal.get("a fifth quarter", "/api/reports/meetings/items?quarter=5", 400, "quarter"),
                Refusal.get("a quarter outside the half", "/api/reports/meetings/items?half=1&quarter=3", 400,
                        "quarter"),
                Refusal.get("a thirteenth month", "/api/reports/appeals/items?month=13", 400, "month"),
                Refusal.get("a month outside the half", "/api/reports/appeals/items?half=2&month=6", 400, "month"),
                Refusal.get("a month that is not a number", "/api/reports/appeals/items?month=march", 400, "month"),
                Refusal.get("a negative page", "/api/reports/instructions/items?page=-1", 400, "page"),
                Refusal.get("an empty page size", "/api/reports/appeals/items?size=0", 400, "size"),
                Refusal.get("a page of 1000 items", "/api/reports/meetings/items?size=1000", 400, "size"),
                Refusal.get("a figure nobody counts", "/api/reports/appeals/items?figure=LOST", 400, "figure"),
                Refusal.get("a figure in lower case", "/api/reports/meetings/items?figure=held", 400, "figure"),
                Refusal.get("an unknown basis", "/api/reports/instructions/items?by=CLOSED", 400, "by"),
                Refusal.get("an unknown appeal state", "/api/reports/appeals/items?state=LOST", 400, "state"),
                Refusal.get("an unknown channel", "/api/reports/appeals/items?channel=PIGEON", 400, "channel"),
                Refusal.get("an unknown instruction source", "/api/reports/instructions/items?source=RUMOUR", 400,
                        "source"),
                Refusal.get("an empty group", "/api/reports/meetings/items?groupId=", 400, "groupId"),
                Refusal.get("a department of 300 characters",
                        "/api/reports/instructions/items?department=" + "a".repeat(300), 400, "department"),
                // the exports
                Refusal.get("an export of a negative year", "/api/reports/groups.xlsx?year=-1", 400, "year"),
                Refusal.get("an export of year 3000", "/api/reports/appeals.pdf?year=3000", 400, "year"),
                Refusal.get("an export of a seventh half", "/api/reports/groups.pdf?half=7", 400, "half"),
                Refusal.get("an export of a negative year, accepting the workbook", "/api/reports/groups.xlsx?year=-1", 400,
                        "year").header("Accept", XLSX),
                // an answer the client cannot take
                Refusal.get("a report accepting only XML", "/api/reports/groups", 406, null).header("Accept", "application/xml"),
                Refusal.get("a workbook accepting only JSON", "/api/reports/groups.xlsx", 406, null)
                        .header("Accept", "application/json"),
                Refusal.get("a PDF accepting only HTML", "/api/reports/appeals.pdf", 406, null).header("Accept", "text/html"),
                Refusal.get("a report accepting only XML, in English", "/api/reports/groups", 406, null)
                        .header("Accept", "application/xml").header("Accept-Language", "en"),
                post("a rebuild accepting only XML", "/api/admin/rebuild", "{}", 406, null)
                        .header("Accept", "application/xml"),
                // methods and paths
                // denied by default: no duty may write to the reports
                post("a report written to", "/api/reports/groups", "{}", 403, null),
                new Refusal("TRACE", "TRACE", "/api/reports/groups", Map.of(), null, 405, null, null),
                Refusal.get("NUL in the path", "/api/reports/%00", 400, null),
                Refusal.get("an encoded slash in the path", "/api/reports/groups%2Fmeetings", 400, null),
                Refusal.get("an encoded backslash in the path", "/api/reports/a%5Cb", 400, null),
                Refusal.get("a path of 10000 characters", "/api/reports/" + "a".repeat(10_000), 400, null),
                Refusal.get("a query of 10000 characters", "/api/reports/groups?year=" + "1".repeat(10_000), 400, null),
                Refusal.get("a path nobody serves", "/api/reports/no-such-report", 404, null));
    }
}
