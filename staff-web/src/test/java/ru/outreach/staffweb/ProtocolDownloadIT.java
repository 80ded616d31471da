package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens;

/**
 * «Распечатать протокол (PDF)» on the signed minutes' pages: the protocol comes from the meetings service with the
 * signed-in person's token and reaches the browser byte for byte; a refusal goes back to the page with its reason.
 */
class ProtocolDownloadIT extends StaffPagesTest {

    static final TestTokens.Person SECRETARY = new TestTokens.Person("secretary-west", "Ольга Смирнова",
            List.of("secretary"), "Информационная группа микрорайона Западный", null);
    static final TestTokens.Person CONTROLLER = new TestTokens.Person("controller", "Татьяна Егорова",
            List.of("controller"), null, "Контрольно-организационный сектор");

    static final LocalDate TODAY = LocalDate.now(StaffWebProperties.ZONE);
    /** Not text: every byte value, so that a decoding on the way would show. */
    static final byte[] PDF = pdf();
    static final String DISPOSITION = "inline; filename=\"protokol-2026-11-20.pdf\"; "
            + "filename*=UTF-8''%D0%9F%D1%80%D0%BE%D1%82%D0%BE%D0%BA%D0%BE%D0%BB.pdf";

    static String minutes(String id, String status) {
        return """
                {"meetingId":"%s","version":3,"groupId":"g-west","territory":"Западный","heldOn":"2026-11-20",
                "dueOn":"%s","status":"%s","overdue":false,"content":{"questions":[],"remarks":[],"proposals":[],
                "receptionCards":[],"writtenAppeals":[],"instructions":[]},"personalDataWithheld":true}"""
                .formatted(id, TODAY.plusDays(3), status);
    }

    @Test
    void theSecretaryPrintsTheSignedProtocolWithHisTokenAndTheBytesPassThrough() throws Exception {
        MEETINGS.answer("GET /api/meetings/m2/minutes", 200, minutes("m2", "SIGNED"));
        MEETINGS.answer("GET /api/meetings/m3/minutes", 200, minutes("m3", "DRAFT"));
        MEETINGS.answerFile("GET /api/meetings/m2/minutes/protocol.pdf", "application/pdf", DISPOSITION, PDF);
        signIn(SECRETARY);

        String link = "href=\"/meetings/m2/minutes/protocol.pdf\"";
        assertThat(get("/meetings/m2/minutes").body()).contains(link, "Распечатать протокол (PDF)");
        assertThat(get("/meetings/m2/minutes/results").body()).contains(link, "Распечатать протокол (PDF)");
        assertThat(get("/meetings/m3/minutes").body()).as("a draft does not print")
                .doesNotContain("protocol.pdf", "Распечатать протокол");

        HttpResponse<byte[]> pdf = browser.send(HttpRequest.newBuilder(page("/meetings/m2/minutes/protocol.pdf"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("content-disposition"))
                .hasValue("inline; filename=\"protokol-2026-11-20.pdf\"");
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().endsWith("/protocol.pdf")).singleElement()
                .satisfies(r -> {
                    assertThat(r.uri()).isEqualTo("/api/meetings/m2/minutes/protocol.pdf");
                    assertThat(r.accept()).startsWith("application/pdf");
                    assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
                });
    }

    @Test
    void aRefusalGoesBackToTheMinutesWithItsReason() throws Exception {
        MEETINGS.answer("GET /api/meetings/m3/minutes", 200, minutes("m3", "DRAFT"));
        MEETINGS.answer("GET /api/meetings/m3/minutes/protocol.pdf", 409, """
                {"type":"urn:outreach:problem:minutes-transition","status":409,"title":"Конфликт",
                "detail":"Нельзя распечатать протокол: протокол ещё не подписан."}""");
        signIn(SECRETARY);

        HttpResponse<String> back = get("/meetings/m3/minutes/protocol.pdf");

        assertThat(back.uri().getPath()).isEqualTo("/meetings/m3/minutes");
        assertThat(back.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(back.body()).contains("Нельзя распечатать протокол: протокол ещё не подписан.");
    }

    @Test
    void theControlDepartmentPrintsSignedMinutesFromItsList() throws Exception {
        MEETINGS.answer("GET /api/minutes", 200, """
                {"items":[%s,%s],"page":0,"size":50,"totalItems":2,"totalPages":1}"""
                .formatted(minutes("m2", "SIGNED"), minutes("m5", "DRAFT")));
        MEETINGS.answerFile("GET /api/meetings/m2/minutes/protocol.pdf", "application/pdf", null, PDF);
        signIn(CONTROLLER);

        String list = get("/minutes").body();
        assertThat(list).contains("href=\"/minutes/m2/protocol.pdf\"").doesNotContain("/minutes/m5/protocol.pdf");
        HttpResponse<byte[]> pdf = browser.send(HttpRequest.newBuilder(page("/minutes/m2/protocol.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(pdf.headers().firstValue("content-disposition")).as("no name given: one of the meeting's id")
                .hasValue("inline; filename=\"protokol-m2.pdf\"");
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().endsWith("/protocol.pdf")).singleElement()
                .satisfies(r -> assertThat(r.authorization())
                        .isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst()));
        assertThat(get("/meetings/m2/minutes/protocol.pdf").statusCode()).as("the secretary's page")
                .isEqualTo(403);
    }

    private static byte[] pdf() {
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 256];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = 0; i < 256; i++) {
            bytes[head.length + i] = (byte) i;
        }
        return bytes;
    }
}
