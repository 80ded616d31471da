package ru.outreach.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.outreach.testkit.TestStore;

import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.testkit.TestIdentity;
import ru.outreach.testkit.TestTokens;

/**
 * The downloads over real HTTP from the whole service, with the scenario's events projected into the in-memory
 * store: the headers a browser saves the file by, and the files' Russian content.
 */
@TestIdentity
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
class ExportDownloadIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Projection projection;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestStore.uri("exports"));
    }

    @BeforeEach
    void project() {
        Scenario.applyOnce(projection);
    }

    @Test
    void groupsXlsxOfAHalfYear() throws Exception {
        HttpResponse<byte[]> response = get("/api/reports/groups.xlsx?year=2026&half=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment; filename=\"groups-2026-h1.xlsx\"; filename*=UTF-8''")
                .contains("%D0%A0%D0%B0%D0%B1%D0%BE%D1%82%D0%B0"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(book.getSheetAt(0).getRow(5).getCell(0).getStringCellValue()).isIn("Север", "Юг");
        }
    }

    @Test
    void groupsPdfOfTheYear() throws Exception {
        HttpResponse<byte[]> response = get("/api/reports/groups.pdf?year=2026");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment; filename=\"groups-2026.pdf\""));
        assertThat(pdfText(response.body())).contains("Отчёт о работе информационных групп", "Период: 2026 год",
                "Север", "Юг", "Итого");
    }

    @Test
    void appealsXlsxAndPdf() throws Exception {
        HttpResponse<byte[]> xlsx = get("/api/reports/appeals.xlsx?year=2026");
        HttpResponse<byte[]> pdf = get("/api/reports/appeals.pdf?year=2026");

        assertThat(xlsx.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment; filename=\"appeals-2026.xlsx\""));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheet("Итоги").getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("Поступило обращений");
        }
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdfText(pdf.body())).contains("Сводный анализ обращений граждан", "2026 год в сравнении с 2025");
    }

    @Test
    void aBadHalfIsRefusedWithAProblem() throws Exception {
        HttpResponse<byte[]> response = get("/api/reports/groups.pdf?year=2026&half=3");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", TestTokens.bearer(TestTokens.Person.with("head", "head"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }
}
