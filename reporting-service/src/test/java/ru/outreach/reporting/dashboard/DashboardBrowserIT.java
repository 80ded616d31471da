package ru.outreach.reporting.dashboard;

import ru.outreach.testkit.TestIdentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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

import ru.outreach.events.Topics;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.reporting.projection.EventReader;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.query.ReportService;
import ru.outreach.reporting.report.AppealFilter;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.GroupsReport;

/**
 * The dashboard in a real headless Chromium against the whole service: the hand-made scenario's events are applied
 * by the real projection into the in-memory store, and the page reads them through the real JSON API. Skipped, with
 * the reason, where Debian's chromium and chromium-driver are not installed. The page signs in first, through a fake
 * OpenID Connect provider (see {@link DashboardSignInIT} for the sign-in itself).
 */
@TestIdentity
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
class DashboardBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser(1366, 768);

    /** The page signs in, as it will have to once the API demands a token. */
    @RegisterExtension
    static final FakeOidcProvider identity = new FakeOidcProvider();

    @LocalServerPort
    int port;

    @Autowired
    Projection projection;

    @Autowired
    ReportService reports;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestStore.uri("dashboard"));
        registry.add("outreach.dashboard.issuer-uri", identity::issuer);
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

    /** A year of its own with appeals in all twelve categories, for the layout's tests. */
    static final int BUSY_YEAR = 2024;
    static final String LONG_TERRITORY = "Микрорайон Заречный-Левобережный";
    private static boolean busyYearApplied;

    @BeforeEach
    void project() {
        Scenario.applyOnce(projection);
        synchronized (DashboardBrowserIT.class) {
            if (!busyYearApplied) {
                projection.apply(busyYear());
                busyYearApplied = true;
            }
        }
    }

    /**
     * Twelve categories, the first with the most appeals: this year 12, 11, … 1 appeals, the year before 1 to 3,
     * spread over the months, half of this year's from a territory with a long name; then some 20 to 45 appeals a
     * month more of the first category, and 6 to 17 the year before.
     */
    private static List<Envelope> busyYear() {
        List<Envelope> events = new ArrayList<>();
        List<String> categories = List.copyOf(CATEGORY_NAMES.keySet());
        int k = 0;
        for (int i = 0; i < categories.size(); i++) {
            for (int n = 0; n < 12 - i; n++) {
                events.add(registered("B" + k, categories.get(i), BUSY_YEAR, k % 12 + 1, k % 2 == 0));
                k++;
            }
            for (int n = 0; n < i % 3 + 1; n++) {
                events.add(registered("B" + k, categories.get(i), BUSY_YEAR - 1, k % 12 + 1, false));
                k++;
            }
        }
        // hundreds of appeals more, all of the first category: the monthly table's changes as wide as in a city's
        for (int month = 1; month <= 12; month++) {
            for (int n = 0; n < 20 + 2 * month; n++) {
                events.add(registered("B" + k++, categories.get(0), BUSY_YEAR, month, false));
            }
            for (int n = 0; n < 5 + month; n++) {
                events.add(registered("B" + k++, categories.get(0), BUSY_YEAR - 1, month, false));
            }
        }
        return events;
    }

    private static Envelope registered(String id, String category, int year, int month, boolean longTerritory) {
        LocalDate on = LocalDate.of(year, month, 10);
        AppealRegistered event = new AppealRegistered(id, 1, AppealState.REGISTERED, category,
                longTerritory ? LONG_TERRITORY : "Северный", AppealChannel.POST, on, on, on.plusDays(3),
                on.plusDays(30), on.plusDays(7), true, false, false, null, CATEGORY_NAMES.get(category));
        return new Envelope(Topics.of(event).name(), EventReader.kindOf(event), event);
    }

    /** The classifier's twelve categories, as the appeals service names them in its events. */
    private static final Map<String, String> CATEGORY_NAMES = new LinkedHashMap<>();

    static {
        String[] pairs = {"HOUSING", "Жилищно-коммунальное хозяйство", "ROADS", "Дороги",
                "IMPROVEMENT", "Благоустройство и озеленение", "TRANSPORT", "Транспорт",
                "SOCIAL_SUPPORT", "Социальная поддержка", "HEALTH", "Здравоохранение", "EDUCATION", "Образование",
                "PUBLIC_ORDER", "Общественный порядок", "ECOLOGY", "Экология", "TRADE", "Торговля и услуги",
                "CULTURE_SPORT", "Культура и спорт", "OTHER", "Прочее"};
        for (int i = 0; i < pairs.length; i += 2) {
            CATEGORY_NAMES.put(pairs[i], pairs[i + 1]);
        }
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
        assertThat(text("#account-name")).isEqualTo(FakeOidcProvider.HEAD);

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

    /**
     * Every figure of the page is pressed in turn (by a script in the page: a round trip of the driver per figure
     * would take a minute; the tests below press figures with the driver): its list opens, says its filter and count,
     * counts (or sums) what the figure says, shows the first page, and closing it gives the focus back to the figure.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyFigureOpensTheListBehindItAndTheListCountsWhatTheFigureSays() throws IOException {
        open("/?year=2026");

        List<Map<String, Object>> pressed = (List<Map<String, Object>>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const dialog = document.getElementById('items');
                const figures = [...document.querySelectorAll('button.figure, button.rule-link')]
                  .filter(b => b.offsetParent !== null);
                const loaded = () => dialog.open && !dialog.hasAttribute('aria-busy') && 'total' in dialog.dataset;
                (async () => {
                  const results = [];
                  for (const button of figures) {
                    button.click();
                    const start = Date.now();
                    while (!loaded() && Date.now() - start < 10000) await new Promise(r => setTimeout(r, 5));
                    const result = {shown: button.textContent.replace(/[\\s\u00a0\u202f]/g, ''),
                      expected: button.dataset.expected || null, loaded: loaded(),
                      title: document.getElementById('items-title').textContent,
                      status: document.getElementById('items-status').textContent,
                      total: dialog.dataset.total, figure: dialog.dataset.figure,
                      rows: document.querySelectorAll('#items-body tbody tr').length};
                    document.getElementById('items-close').click();
                    result.closed = !dialog.open;
                    result.focusBack = document.activeElement === button;
                    results.push(result);
                  }
                  done(results);
                })();""");

        assertThat(pressed).as("the figures of the four reports and the key figures").hasSizeGreaterThan(100);
        int compared = 0;
        for (Map<String, Object> figure : pressed) {
            String title = (String) figure.get("title");
            assertThat(figure.get("loaded")).as("the list behind %s opened: %s", figure.get("shown"), title)
                    .isEqualTo(true);
            long total = Long.parseLong((String) figure.get("total"));
            assertThat(title).as("the list says its filter and its count").endsWith(": " + total);
            assertThat((String) figure.get("status")).as(title).doesNotContain("В отчёте");
            assertThat(((Number) figure.get("rows")).longValue()).as(title).isEqualTo(Math.min(total, 20));
            assertThat(List.of(figure.get("closed"), figure.get("focusBack"))).as("closed, focus back: %s", title)
                    .containsExactly(true, true);
            String expected = (String) figure.get("expected");
            if (expected != null) {
                assertThat(figure.get("figure")).as("%s behind the figure %s", title, figure.get("shown"))
                        .isEqualTo(expected);
                if (((String) figure.get("shown")).matches("\\d+")) {
                    assertThat(figure.get("shown")).as("the figure shown, %s", title).isEqualTo(expected);
                }
                compared++;
            }
        }
        assertThat(compared).as("figures that are counts or sums (not shares or averages), of %d", pressed.size())
                .isGreaterThan(90);
    }

    @Test
    void aMonthsAppealsOfACategoryAndATerritoryAsTheHeadAsks() throws IOException {
        open("/?year=2026");

        button("#appeals-months tbody tr:first-child", "за март 2026 г.").click();
        waitForList();
        assertThat(text("#items-title")).isEqualTo("Обращения за март 2026 г.: 1");
        assertThat(text("#items-body tbody tr")).contains("A2", "01.03.2026", "Жилищно-коммунальное хозяйство",
                "Южный", "дан ответ", "30.04.2026", "20.04.2026, в срок").doesNotContain("2026-");
        browser.screenshot("dashboard-list-month");
        browser.driver.findElement(By.id("items-close")).click();

        browser.driver.findElement(By.cssSelector("#appeals-categories button[data-category='ROADS']")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#category-territories-body table")));
        button("#category-territories-body", "территория «Северный»").click();
        waitForList();
        assertThat(text("#items-title"))
                .isEqualTo("Обращения за 2026 год, категория «Дороги», территория «Северный»: 2");
        assertThat(browser.driver.findElements(By.cssSelector("#items-body tbody th"))).extracting(WebElement::getText)
                .containsExactly("A1", "A7");
        browser.driver.findElement(By.id("items-close")).click();

        button("#executors-table", "Просроченные поручения исполнителя «Отдел дорог»").click();
        waitForList();
        assertThat(text("#items-title"))
                .isEqualTo("Просроченные поручения исполнителя «Отдел дорог», 2026 год: 1");
        assertThat(text("#items-body tbody tr")).contains("I2", "встреча группы «Юг»", "Южный", "дано",
                "05.04.2026, просрочено на 106 дн.");
        browser.screenshot("dashboard-list-overdue-instructions");
    }

    @Test
    void theChartsOpenTheirListsFromTheKeyboardAndEscapeGivesTheFocusBack() {
        open("/?year=2026&half=1");
        GroupsReport groups = reports.groups(2026, 1);

        WebElement quarter = browser.driver.findElement(By.cssSelector("#chart-quarters g[role=button]"));
        browser.driver.executeScript("arguments[0].focus()", quarter);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        WebElement dialog = waitForList();
        long heldInQ1 = groups.total().quarters().get(0).held();
        assertThat(text("#items-title")).isEqualTo("Проведённые встречи, I квартал 2026 г.: " + heldInQ1);
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("items-title");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waiting().until(d -> "false".equals(dialog.getDomProperty("open")));
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(quarter);

        WebElement territory = browser.driver.findElement(By.cssSelector("#chart-territories g[data-key='Южный']"));
        browser.driver.executeScript("arguments[0].focus()", territory);
        new Actions(browser.driver).sendKeys(" ").perform();
        waitForList();
        assertThat(text("#items-title")).isEqualTo("Обращения за 2026 год, территория «Южный»: 2");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    }

    @Test
    void aLongListComesAPageAtATime() throws IOException {
        open("/?year=" + BUSY_YEAR);

        button("#appeals-territories tbody", "территория «" + LONG_TERRITORY + "»").click();
        WebElement dialog = waitForList();
        long total = reports.appealItems(new AppealFilter(BUSY_YEAR, null, null, null, null, LONG_TERRITORY, null,
                null, null, null), 0, 1).totalItems();
        assertThat(total).as("more than a page").isGreaterThan(20);
        assertThat(text("#items-title")).endsWith(": " + total);
        assertThat(text("#items-pages")).contains("Страница 1 из " + (total + 19) / 20);
        Set<String> seen = new HashSet<>();
        while (true) {
            browser.driver.findElements(By.cssSelector("#items-body tbody th")).forEach(th -> seen.add(th.getText()));
            WebElement next = browser.driver.findElement(By.cssSelector("#items-pages [data-page=next]"));
            if (!next.isEnabled()) {
                break;
            }
            next.click();
            waitForList();
            assertThat(browser.driver.switchTo().activeElement().getDomAttribute("data-page"))
                    .as("the focus stays on the pager").isIn("next", "previous");
        }
        assertThat(seen).as("every appeal of the list once").hasSize((int) total);
        assertThat(text("#items-status")).endsWith("из " + total + ".");
        browser.screenshot("dashboard-list-last-page");
        assertThat(dialog.getDomAttribute("data-total")).isEqualTo(String.valueOf(total));
    }

    /** The figure in the block whose list's title contains the text. */
    private static WebElement button(String block, String title) {
        return browser.driver.findElements(By.cssSelector(block + " button.figure")).stream()
                .filter(b -> b.getDomAttribute("title").contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure of «" + title + "» in " + block));
    }

    /** The list's dialog once open and loaded. */
    private static WebElement waitForList() {
        WebElement dialog = browser.driver.findElement(By.id("items"));
        browser.waiting().pollingEvery(Duration.ofMillis(25)).withMessage(() -> "the list: " + dialog.getText())
                .until(d -> "true".equals(dialog.getDomProperty("open"))
                        && dialog.getDomAttribute("aria-busy") == null && dialog.getDomAttribute("data-total") != null);
        return dialog;
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

    @Test
    void chartLabelsAreReadableInFullAndTheLeftOutCategoriesAreNamed() throws IOException {
        AppealsReport report = reports.appeals(BUSY_YEAR);
        List<Comparison> categories = report.byCategory().stream().filter(c -> c.current() > 0)
                .sorted(Comparator.comparingDouble(Comparison::current).reversed()).toList();
        assertThat(categories).as("the busy year has all the categories").hasSize(12);
        String longest = categories.stream().map(Comparison::label).max(Comparator.comparingInt(String::length))
                .orElseThrow();
        assertThat(longest).isEqualTo("Жилищно-коммунальное хозяйство");

        open("/?year=" + BUSY_YEAR);

        List<String> labels = labels("#chart-categories");
        assertThat(labels).as("the category chart's labels, in full").contains(longest)
                .containsAll(categories.subList(0, 7).stream().map(Comparison::label).toList())
                .noneMatch(label -> label.contains("…"));
        assertThat(labels("#chart-territories")).contains(LONG_TERRITORY);
        assertInsideTheirCharts("#chart-categories");
        assertInsideTheirCharts("#chart-territories");

        List<Comparison> rest = categories.subList(7, categories.size());
        long restCount = Math.round(rest.stream().mapToDouble(Comparison::current).sum());
        long restBefore = Math.round(rest.stream().mapToDouble(Comparison::previous).sum());
        assertThat(labels).contains("Прочие категории (5)");
        String note = text("#chart-categories .rest-note");
        assertThat(note).startsWith("Прочие категории — ещё 5 категорий: ")
                .contains(rest.stream().map(Comparison::label).toList())
                .endsWith("— всего " + restCount + " обращений в " + BUSY_YEAR + " г. (в " + (BUSY_YEAR - 1)
                        + " г. — " + restBefore + ").");
        browser.driver.executeScript("document.querySelector('.charts').scrollIntoView()");
        browser.screenshot("dashboard-charts-busy-year");
    }

    @Test
    void theMonthlyTableFitsItsCardAt1400Pixels() throws IOException {
        Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new Dimension(1400, 900));
            long chrome = (Long) browser.driver.executeScript("return window.outerWidth - window.innerWidth");
            browser.driver.manage().window().setSize(new Dimension(1400 + (int) chrome, 900));
            for (int year : List.of(2026, BUSY_YEAR)) {
                open("/?year=" + year);
                assertThat((Long) browser.driver.executeScript("return window.innerWidth")).isEqualTo(1400L);
                assertThat(browser.driver.findElements(By.cssSelector("#appeals-months table.months thead th")))
                        .hasSize(13);
                @SuppressWarnings("unchecked")
                Map<String, Long> box = (Map<String, Long>) browser.driver.executeScript("""
                        const months = document.getElementById('appeals-months');
                        const card = document.getElementById('report-appeals');
                        return {scroll: months.scrollWidth, client: months.clientWidth,
                                cardScroll: card.scrollWidth, cardClient: card.clientWidth,
                                table: Math.ceil(months.querySelector('table').getBoundingClientRect().width)};""");
                assertThat(box.get("scroll")).as("the monthly table's box in %d: %s", year, box)
                        .isLessThanOrEqualTo(box.get("client"));
                assertThat(box.get("table")).as("the table in %d: %s", year, box)
                        .isLessThanOrEqualTo(box.get("client"));
                assertThat(box.get("cardScroll")).as("the card in %d: %s", year, box)
                        .isLessThanOrEqualTo(box.get("cardClient"));
            }
            browser.driver.executeScript("document.getElementById('appeals-months').scrollIntoView()");
            browser.screenshot("dashboard-months-1400");
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    /** The whole text of each label of a chart (its lines joined), spaces tidied. */
    @SuppressWarnings("unchecked")
    private static List<String> labels(String chart) {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll(arguments[0] + ' svg text.label')]"
                        + ".map(t => t.textContent.replace(/\\s+/g, ' ').trim())", chart);
    }

    /** Every label of the chart lies inside the drawing, left of its bars: none cut off at the edge. */
    @SuppressWarnings("unchecked")
    private static void assertInsideTheirCharts(String chart) {
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) browser.driver.executeScript("""
                return [...document.querySelectorAll(arguments[0] + ' svg text.label')].map(t => {
                  const box = t.getBBox();
                  const bars = Math.min(...[...t.parentNode.querySelectorAll('rect')].map(r => r.x.baseVal.value));
                  return {text: t.textContent, left: box.x, right: box.x + box.width, bars};
                });""", chart);
        assertThat(boxes).isNotEmpty();
        for (Map<String, Object> box : boxes) {
            double left = ((Number) box.get("left")).doubleValue();
            double right = ((Number) box.get("right")).doubleValue();
            double bars = ((Number) box.get("bars")).doubleValue();
            assertThat(left).as("left edge of %s", box.get("text")).isGreaterThanOrEqualTo(0);
            assertThat(right).as("right edge of %s: not over the bars", box.get("text")).isLessThanOrEqualTo(bars);
        }
    }

    private void open(String path) {
        browser.open("http://127.0.0.1:" + port + path);
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }
}
