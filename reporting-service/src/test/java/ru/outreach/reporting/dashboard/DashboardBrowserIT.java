package ru.outreach.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.outreach.testkit.TestStore;

import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.query.ReportService;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.GroupsReport;

/**
 * The dashboard in a real headless Chromium against the whole service: the hand-made scenario's events are applied
 * by the real projection into the in-memory store, and the page reads them through the real JSON API. Skipped, with
 * the reason, where Debian's chromium and chromium-driver are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
class DashboardBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser(1366, 768);

    @LocalServerPort
    int port;

    @Autowired
    Projection projection;

    @Autowired
    ReportService reports;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestStore.uri("dashboard"));
    }

    @TestConfiguration
    static class ScenarioDay {

        /** The scenario's «today», so that overdue figures are what the scenario says. */
        @Bean
        Clock scenarioClock() {
            ZoneId zone = ZoneId.of("Europe/Moscow");
            return Clock.fixed(Scenario.today(0).atTime(9, 0).atZone(zone).toInstant(), zone);
        }
    }

    @BeforeEach
    void project() {
        Scenario.applyOnce(projection);
    }

    @Test
    void headSeesTheFiguresTablesAndAGroupsMeetings() throws IOException {
        GroupsReport groups = reports.groups(2026, 1);
        AppealsReport appeals = reports.appeals(2026);
        assertThat(groups.groups()).as("the scenario has groups in the first half").isNotEmpty();

        open("/?year=2026&half=1");

        assertThat(text("#period-label")).isEqualTo("Период: 1-е полугодие 2026 г.");
        assertThat(text("#kpi-meetings .kpi-value")).isEqualTo(String.valueOf(groups.total().meetingsHeld()));
        assertThat(text("#kpi-residents .kpi-value")).isEqualTo(String.valueOf(groups.total().residentsTotal()));
        assertThat(text("#kpi-overdue .kpi-value"))
                .isEqualTo(String.valueOf(groups.total().instructionsOverdueNow()));
        Comparison appealsCount = appeals.totals().stream().filter(c -> c.key().equals("appeals")).findFirst()
                .orElseThrow();
        assertThat(text("#kpi-appeals .kpi-value")).isEqualTo(String.valueOf((long) appealsCount.current()));
        assertThat(text("#kpi-appeals .kpi-title")).isEqualTo("Обращений граждан");
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();

        List<String> headers = browser.driver.findElements(By.cssSelector("#groups-table thead th")).stream()
                .map(WebElement::getText).toList();
        assertThat(headers).contains("Информационная группа", "Правило «встреча каждый квартал»",
                "Протоколы в срок", "Просрочено поручений сейчас");
        assertThat(text("#groups-table tbody tr:last-child")).startsWith("Итого").contains("I кв.:", "II кв.:");
        List<String> rowHeaders = browser.driver.findElements(By.cssSelector("#groups-table tbody th")).stream()
                .map(WebElement::getText).toList();
        assertThat(rowHeaders).contains("Север", "Юг", "Итого");
        assertThat(text("#appeals-totals table")).contains("Поступило обращений", "Отвечено", "2025 г.");
        List<String> centre = browser.driver.findElements(By.cssSelector("#groups-table tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getText().equals("Центр"))
                .flatMap(tr -> tr.findElements(By.cssSelector(".rule")).stream())
                .map(badge -> badge.getDomAttribute("title")).toList();
        assertThat(centre).as("the verdicts as the service computed and named them")
                .containsExactly("I кв. 2026: группа не образована", "II кв. 2026: не выполнено, встреч: 0");
        assertThat(browser.driver.findElements(By.cssSelector("#chart-quarters svg rect.bar"))).hasSize(2);
        assertThat(browser.driver.findElement(By.id("groups-pdf")).getAttribute("href"))
                .endsWith("/api/reports/groups.pdf?year=2026&half=1");
        browser.fullPageScreenshot("dashboard-full");
        browser.screenshot("dashboard-1366x768");

        browser.driver.findElement(By.cssSelector("#groups-table button[data-group='" + Scenario.G1 + "']")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#group-meetings-body table")));
        assertThat(text("#group-meetings-title")).isEqualTo("Встречи группы «Север», 1-е полугодие 2026 г.");
        List<WebElement> meetings = browser.driver.findElements(By.cssSelector("#group-meetings-body tbody tr"));
        assertThat(meetings).hasSize(reports.groupMeetings(Scenario.G1, 2026, 1).meetings().size());
        assertThat(text("#group-meetings-body")).contains("10.02.2026", "проведена");
        browser.screenshot("dashboard-group-meetings");
    }

    @Test
    void aCategoryOpensItsTerritories() {
        open("/?year=2026");

        browser.driver.findElement(By.cssSelector("#appeals-categories button[data-category='ROADS']")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#category-territories-body table")));
        assertThat(text("#category-territories-title")).contains("обращения по территориям, 2026 год");
        assertThat(text("#category-territories-body")).contains("Северный", "Южный");
    }

    @Test
    void anEmptyPeriodSaysSo() throws IOException {
        open("/?year=2030&half=2");

        assertThat(text("#groups-table")).isEqualTo("Нет данных за период");
        assertThat(text("#kpi-meetings .kpi-note")).isEqualTo("Нет данных за период");
        assertThat(text("#ranking-table")).isEqualTo("Нет данных за период");
        browser.screenshot("dashboard-empty");
    }

    @Test
    void aRefusalOfTheApiIsShownPlainly() throws IOException {
        open("/?year=1990");

        WebElement error = browser.driver.findElement(By.id("error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("Не удалось загрузить отчёт о работе групп", "year", "(код 400)");
        browser.screenshot("dashboard-error");
    }

    @Test
    void thePagePrintsOnA4Landscape() throws IOException {
        open("/?year=2026");

        PrintOptions options = new PrintOptions();
        options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        options.setBackground(true);
        Pdf printed = browser.driver.print(options);
        Path file = Path.of("target", "screenshots", "dashboard-print.pdf");
        Files.write(file, Base64.getDecoder().decode(printed.getContent()));
        assertThat(Files.size(file)).isPositive();
    }

    private void open(String path) {
        browser.driver.get("http://127.0.0.1:" + port + path);
        browser.waiting().until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }
}
