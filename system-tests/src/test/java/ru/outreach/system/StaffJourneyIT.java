package ru.outreach.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.outreach.system.Http.get;
import static ru.outreach.system.Http.ok;
import static ru.outreach.system.Http.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * A meeting's life through the staff's pages ({@code staff-web}, started as a process like the services), in Debian's
 * headless Chromium, by the realm's real people signed in one after another at the real Keycloak of the stack (each
 * signs out before the next): the secretary of «Информационная группа микрорайона Западный» plans a meeting, agrees
 * the venue, announces it, holds it, records the minutes with two reception cards and an instruction to
 * «Управление ЖКХ» and signs them; the general department registers a card from its queue, directs it to the
 * department and answers it; the department's executor accepts the instruction and reports on it; the controller
 * closes it and accepts the minutes; the head sees his dashboard's figures change; the personal-data officer finds who
 * read the citizen's details. Between them, a secretary of another group and an executor of another department find
 * nothing of it, by the lists or by the direct address, and the personal-data journal is closed to all but its officer.
 * <p>
 * Every page visited is checked with axe-core ({@link Axe}): a serious or critical violation, or a form field without a
 * label, fails the step that visited it, naming the rule, the element and the page. Each duty's main page is
 * photographed on a desktop (1280×900) and on a phone (390×844) under {@code target/screenshots/staff-*.png}, the main
 * steps on the desktop. Dates come from the stack's clock (23:30 UTC, the city's next day), never from the machine's
 * zone: the meeting is entered as held yesterday, since a holding may not be dated after now.
 * <p>
 * One more page is one line: {@link #open} visits and checks it; {@link #mainPage} photographs it at both sizes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class StaffJourneyIT {

    /** secretary-west's {@code outreach_group} in the realm file. */
    static final String GROUP = "Информационная группа микрорайона Западный";
    static final String TERRITORY = "Западный";
    /** executor-housing's {@code outreach_department}; executor-roads is of «Отдел дорожного хозяйства». */
    static final String HOUSING = "Управление ЖКХ";
    static final String VENUE = "МБОУ СОШ № 7";
    static final String CITIZEN = "Лебедева Ирина Олеговна";
    static final String CITIZEN_ADDRESS = "ул. Западная, 12, кв. 5";
    static final String SECOND_CITIZEN = "Гончаров Павел Ильич";
    static final String INSTRUCTION = "Заменить светильники во дворе дома № 12 по ул. Западной";
    static final String REPORT = "Заменены 6 светильников, освещение работает";
    static final String ANSWER = "Освещение во дворе восстановлено, светильники заменены";
    static final int RESIDENTS = 38;

    /** The secretary's pages that list his group's meetings: none may show another group's. */
    static final List<String> SECRETARY_LISTS = List.of("/meetings", "/meetings/calendar?year=%d&quarter=%d");
    /** The personal-data officer's pages: closed to every other duty. */
    static final List<String> PERSONAL_DATA_PAGES = List.of("/audit");

    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static SystemStack stack;
    private static KeycloakProcess keycloak;
    /** The staff's pages, and the head's dashboard (the reporting service). */
    private static String web;
    private static String dashboard;
    private static Browser browser;
    private static ChromeDriver driver;
    private static LocalDate today;
    private static LocalDate heldOn;
    private static long classStarted;

    /** What the journey has reached: a later step needs the earlier ones. */
    private static String meetingId;
    private static boolean signed;
    private static boolean answered;
    private static boolean reported;
    private static boolean closedAndAccepted;
    /** The dashboard's figures before the journey, read by the head through the API. */
    private static long meetingsHeldBefore;
    /** The group's line then: none yet, or one of zeros once the report has the group's registration. */
    private static JsonNode groupBefore;

    /** What axe found on the pages of the running test; checked after it. */
    private static final List<Axe.Violation> violations = new ArrayList<>();
    private static boolean loginPageChecked;
    private static boolean forbiddenPageShot;
    private static int pagesChecked;

    @BeforeAll
    static void startTheStackTheStaffPagesAndTheBrowser() throws IOException {
        assumeTrue(Browser.available(), Browser.MISSING);
        classStarted = System.nanoTime();
        stack = SystemStack.withKeycloak();
        keycloak = stack.keycloak;
        long pagesStarted = System.nanoTime();
        web = stack.staffWeb().url();
        System.out.printf("staff-web answers at %s after %.1f s%n", web, (System.nanoTime() - pagesStarted) / 1e9);
        dashboard = stack.reporting.url();
        keycloak.allowRedirectsTo("outreach-dashboard", dashboard);
        today = stack.today();
        heldOn = today.minusDays(1);
        registerTheGroup();
        JsonNode figures = ok(get(keycloak.freshToken("head"), reports("/groups?year=" + heldOn.getYear())));
        meetingsHeldBefore = figures.path("total").path("meetingsHeld").asLong(0);
        groupBefore = groupRow(figures);
        browser = new Browser(1280, 900);
        driver = browser.driver;
        System.out.printf("axe-core %s; the stack's today: %s; the class is ready after %.1f s%n", Axe.VERSION, today,
                (System.nanoTime() - classStarted) / 1e9);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
            System.out.printf("StaffJourneyIT: %d pages checked with axe-core %s; %.1f s from its start, the stack's "
                    + "start included%n", pagesChecked, Axe.VERSION, (System.nanoTime() - classStarted) / 1e9);
        }
    }

    /** The pages this test visited: no serious or critical violation, no form field without a label. */
    @AfterEach
    void everyPageVisitedIsAccessible() {
        if (!driver.findElements(By.xpath("//header//button[normalize-space()='Выйти']")).isEmpty()) {
            // a step failed before its person signed out: the next one starts without his sessions
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }
        List<Axe.Violation> found = List.copyOf(violations);
        violations.clear();
        found.stream().filter(v -> !v.fails()).forEach(v -> System.out.println("axe (not failing): " + v));
        List<Axe.Violation> failing = found.stream().filter(Axe.Violation::fails).toList();
        failing.forEach(v -> System.out.println("axe: " + v));
        assertThat(failing).as("serious or critical accessibility violations (axe-core %s):%n%s", Axe.VERSION,
                String.join("\n", failing.stream().map(Axe.Violation::toString).toList())).isEmpty();
    }

    // ---- the journey ----------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void theSecretaryPlansHoldsAndRecordsTheMeetingAndSignsTheMinutes() throws IOException {
        long started = System.nanoTime();
        String home = signIn("secretary-west", "Ольга Смирнова");
        assertThat(home).contains(GROUP).contains("секретарь информационной группы");
        shot("secretary-home");

        // plans it: a meeting entered from paper, held yesterday
        driver.findElement(By.linkText("Запланировать встречу")).click();
        String plan = shown();
        assertThat(plan).contains("Запланировать встречу").contains(GROUP);
        choose("territory", TERRITORY);
        type("venueName", VENUE);
        choose("venueKind", "SCHOOL");
        type("venueAddress", "ул. Западная, 1");
        type("date", ru(heldOn));
        type("time", "17:00");
        shot("secretary-plan");
        String list = submit(button("Запланировать"));
        assertThat(done()).isEqualTo("Встреча запланирована: " + ru(heldOn) + " 17:00, " + TERRITORY + ".");
        assertThat(list).contains(VENUE).contains("Запланирована");
        mainPage("secretary-meetings");

        // its page: the venue, the announcement, the holding
        WebElement link = driver.findElement(By.xpath("//tr[td[contains(., '" + VENUE + "')]]//a"));
        meetingId = link.getDomAttribute("href").replaceFirst("^.*/meetings/", "");
        link.click();
        assertThat(shown()).contains("Запланирована").contains(VENUE);
        type("agreedOn", ru(today.minusDays(7)));
        type("agreedWith", "директор школы");
        submit(button("Согласовать место"));
        assertThat(done()).isEqualTo("Место проведения согласовано.");
        type("announcedOn", ru(today.minusDays(5)));
        driver.findElement(By.id("channel-0")).click();
        driver.findElement(By.id("channel-2")).click();
        submit(button("Объявить"));
        assertThat(done()).isEqualTo("Встреча объявлена.");
        type("heldDate", ru(heldOn));
        type("heldTime", "17:00");
        type("residentsAttended", String.valueOf(RESIDENTS));
        type("officialsPresent", "депутат округа № 3");
        String held = submit(button("Отметить проведённой"));
        assertThat(done()).isEqualTo("Встреча отмечена проведённой. Заполните протокол.");
        assertThat(held).contains("Проведена").contains("Протокол оформить до");
        shot("secretary-meeting-held");

        // before (and after) a meeting: the territory's open problems, and the quarter's calendar with the rule
        assertThat(open("/meetings/" + meetingId + "/brief")).contains("Сведения о проблемах территории")
                .contains(TERRITORY);
        shot("secretary-territory-brief");
        assertThat(open(secretaryList(1))).contains(ru(heldOn) + " 17:00").contains("встреча с населением проведена");
        mainPage("secretary-calendar");
        open("/meetings/" + meetingId);

        // the minutes: a question, a proposal, two reception cards, the leader's instruction; saved as a draft
        driver.findElement(By.linkText("Протокол встречи")).click();
        assertThat(shown()).contains("Протокол встречи").contains("Оформить до");
        type("questions-0-text", "Когда заменят светильники во дворе?");
        type("questions-0-answer", "В течение месяца");
        type("proposals-0-text", "Установить освещение у остановки «Западная»");
        type("receptionCards-0-citizen-fullName", CITIZEN);
        type("receptionCards-0-citizen-postalAddress", CITIZEN_ADDRESS);
        type("receptionCards-0-citizen-phone", "+7 900 555-44-33");
        type("receptionCards-0-question", "Во дворе дома № 12 не горят светильники");
        choose("receptionCards-0-category", "HOUSING");
        type("receptionCards-1-citizen-fullName", SECOND_CITIZEN);
        type("receptionCards-1-citizen-email", "goncharov@example.ru");
        type("receptionCards-1-question", "Яма на дороге у остановки");
        choose("receptionCards-1-category", "ROADS");
        type("instructions-0-text", INSTRUCTION);
        type("instructions-0-executorDepartment", HOUSING);
        type("instructions-0-dueOn", ru(today.plusDays(20)));
        submit(button("Сохранить черновик"));
        assertThat(done()).isEqualTo("Черновик протокола сохранён.");
        assertThat(driver.findElement(By.id("receptionCards-1-citizen-fullName")).getDomProperty("value"))
                .isEqualTo(SECOND_CITIZEN);
        shot("secretary-minutes-draft");

        // signing asks first
        driver.findElement(By.linkText("Подписать")).click();
        assertThat(shown()).contains("Подписать протокол? После подписания он не меняется");
        type("signedOn", ru(today));
        shot("secretary-minutes-sign-confirmation");
        submit(button("Да, подписать"));
        assertThat(done()).isEqualTo("Протокол подписан " + ru(today) + ". Карточки и поручения переданы в работу.");
        signed = true;
        shot("secretary-minutes-signed");

        // the signed minutes print as a protocol, with the reception cards, for the leader's signature on paper
        open("/meetings/" + meetingId + "/minutes");
        String print = driver.findElement(By.linkText("Распечатать протокол (PDF)")).getDomAttribute("href");
        HttpResponse<byte[]> pdf = downloadWithTheSession(print);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        closedToOthers();
        signOut();
        took("the secretary", started);
    }

    @Test
    @Order(2)
    void aSecretaryOfAnotherGroupSeesNothingOfTheMeeting() throws IOException {
        assumeTrue(meetingId != null, "the secretary did not plan the meeting");
        long started = System.nanoTime();
        signIn("secretary1", "Анна Петрова");
        for (int i = 0; i < SECRETARY_LISTS.size(); i++) {
            String list = secretaryList(i);
            assertThat(open(list)).as(list).doesNotContain(VENUE);
            assertThat(driver.getPageSource()).as(list).doesNotContain(meetingId);
        }
        assertThat(open("/meetings/" + meetingId)).contains("Встреча " + meetingId + " не найдена.")
                .doesNotContain(VENUE).doesNotContain(TERRITORY);
        assertThat(driver.findElements(By.tagName("form")).stream().filter(f -> !inHeader(f)).toList())
                .as("no step offered on another group's meeting").isEmpty();
        assertThat(open("/meetings/" + meetingId + "/minutes")).contains("не найдена").doesNotContain(CITIZEN)
                .doesNotContain(INSTRUCTION);
        closedToOthers();
        signOut();
        took("the other group's secretary", started);
    }

    @Test
    @Order(3)
    void theGeneralDepartmentRegistersACardFromTheQueueAndAnswersIt() throws IOException {
        assumeTrue(signed, "the minutes were not signed");
        long started = System.nanoTime();
        String card = meetingId + ":RC1";
        signIn("clerk", "Наталья Орлова");

        // both cards wait in the queue once the appeals service has taken them from the minutes
        String queue = awaitOnPage("/registration-queue", meetingId + ":RC2");
        assertThat(queue).contains(card).contains(ru(heldOn));
        mainPage("clerk-registration-queue");
        WebElement row = driver.findElement(By.xpath("//tr[td//span[normalize-space()='" + card + "']]"));
        WebElement date = row.findElement(By.name("registeredOn"));
        date.clear();
        date.sendKeys(ru(today));
        submit(row.findElement(By.tagName("button")));
        assertThat(done()).isEqualTo("Обращение " + card + " зарегистрировано " + ru(today) + ".");
        assertThat(driver.findElements(By.xpath("//tbody/tr/td[1]")).stream().map(WebElement::getText).toList())
                .as("the queue after the registration").anyMatch(line -> line.contains(meetingId + ":RC2"))
                .noneMatch(line -> line.contains(card));

        // the appeals: directed to the department, then answered
        open("/appeals");
        mainPage("clerk-appeals");
        driver.findElement(By.linkText(card)).click();
        assertThat(shown()).contains("Обращение " + card).contains("Зарегистрировано").contains(CITIZEN)
                .contains(CITIZEN_ADDRESS).contains("Во дворе дома № 12 не горят светильники");
        type("executorDepartment", HOUSING);
        type("assignedOn", ru(today));
        submit(button("Направить исполнителю"));
        assertThat(done()).isEqualTo("Обращение " + card + " направлено исполнителю.");
        type("answerText", ANSWER);
        type("answeredOn", ru(today));
        assertThat(driver.findElement(By.id("answerForm-WRITTEN")).isSelected()).as("a written answer").isTrue();
        String answeredPage = submit(button("Ответить"));
        assertThat(done()).isEqualTo("Обращение " + card + ": ответ записан.");
        assertThat(answeredPage).contains("Дан ответ").contains(ANSWER);
        answered = true;
        shot("clerk-appeal-answered");

        closedToOthers();
        signOut();
        took("the general department", started);
    }

    @Test
    @Order(4)
    void theDepartmentsExecutorAcceptsTheInstructionAndReports() throws IOException {
        assumeTrue(signed, "the minutes were not signed");
        long started = System.nanoTime();
        String instruction = meetingId + ":I1";
        signIn("executor-housing", "Андрей Козлов");
        awaitOnPage("/instructions", INSTRUCTION);
        mainPage("executor-instructions");
        driver.findElement(By.linkText(INSTRUCTION)).click();
        assertThat(shown()).contains("Поручение " + instruction).contains(HOUSING).contains("Выдано")
                .contains(ru(today.plusDays(20)));
        type("acceptedOn", ru(today));
        submit(button("Принять к исполнению"));
        assertThat(done()).isEqualTo("Поручение " + instruction + " принято к исполнению.");
        driver.findElement(By.linkText(INSTRUCTION)).click();
        assertThat(shown()).contains("Принято к исполнению");
        type("reportText", REPORT);
        type("reportedOn", ru(today));
        submit(button("Отчитаться"));
        assertThat(done()).isEqualTo("Отчёт по поручению " + instruction + " отправлен на проверку.");
        assertThat(open("/instructions/" + instruction)).contains("Отчёт на проверке").contains(REPORT)
                .contains("Отчёт отправлен и ждёт проверки");
        reported = true;
        shot("executor-instruction-reported");

        closedToOthers();
        signOut();
        took("the executor", started);
    }

    @Test
    @Order(5)
    void anExecutorOfAnotherDepartmentSeesNothingOfTheInstruction() throws IOException {
        assumeTrue(signed, "the minutes were not signed");
        long started = System.nanoTime();
        String instruction = meetingId + ":I1";
        signIn("executor-roads", "Сергей Лебедев");
        assertThat(open("/instructions")).contains("Отдел дорожного хозяйства").doesNotContain(INSTRUCTION);
        assertThat(driver.getPageSource()).doesNotContain(instruction);
        assertThat(open("/instructions/" + instruction)).contains("Поручение " + instruction + " не найдено.")
                .doesNotContain(INSTRUCTION).doesNotContain(REPORT);
        assertThat(driver.findElements(By.tagName("form")).stream().filter(f -> !inHeader(f)).toList())
                .as("no step offered on another department's instruction").isEmpty();
        closedToOthers();
        signOut();
        took("the other department's executor", started);
    }

    @Test
    @Order(6)
    void theControllerClosesTheInstructionAndAcceptsTheMinutes() throws IOException {
        assumeTrue(reported, "the executor did not report");
        long started = System.nanoTime();
        String instruction = meetingId + ":I1";
        signIn("controller", "Татьяна Егорова");
        String control = open("/control");
        assertThat(control).contains(INSTRUCTION).contains(REPORT);
        mainPage("controller-control");
        driver.findElement(By.xpath("//section[@id='reported']//a[normalize-space()='" + INSTRUCTION + "']")).click();
        assertThat(shown()).contains("Поручение " + instruction).contains("Отчёт на проверке").contains(REPORT);
        type("closedOn", ru(today));
        String question = submit(button("Снять с контроля"));
        assertThat(question).contains("Снять с контроля? Это нельзя отменить.").contains(INSTRUCTION);
        shot("controller-closing-confirmation");
        String after = submit(button("Да"));
        assertThat(done()).isEqualTo("Поручение " + instruction + " снято с контроля.");
        assertThat(after).doesNotContain(INSTRUCTION);

        // the minutes: signed, received after a confirmation
        open("/minutes");
        mainPage("controller-minutes");
        WebElement form = driver.findElement(By.cssSelector("form[action$='/minutes/" + meetingId + "/hand-over']"));
        WebElement date = form.findElement(By.name("handedOverOn"));
        date.clear();
        date.sendKeys(ru(today));
        assertThat(submit(form.findElement(By.tagName("button")))).contains("Отметить протокол принятым? Это нельзя отменить.")
                .contains("Встреча " + ru(heldOn) + ", " + TERRITORY);
        shot("controller-hand-over-confirmation");
        submit(button("Да"));
        assertThat(done()).isEqualTo("Протокол встречи " + meetingId + " принят " + ru(today) + ".");
        assertThat(driver.findElements(By.cssSelector("form[action$='/minutes/" + meetingId + "/hand-over']")))
                .as("nothing more to receive").isEmpty();
        closedAndAccepted = true;

        closedToOthers();
        signOut();
        took("the controller", started);
    }

    @Test
    @Order(7)
    void theHeadSeesTheFiguresChangeOnHisDashboard() throws IOException {
        assumeTrue(closedAndAccepted && answered, "the journey did not reach its end");
        long started = System.nanoTime();
        int year = heldOn.getYear();
        // the read models follow the events: wait until they have the closing and the hand-over
        JsonNode figures = await("the group's figures").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> groupRow(ok(get(keycloak.freshToken("head"), reports("/groups?year=" + year)))),
                        g -> g != null && g.path("instructionsClosed").asLong() == 1
                                && g.path("minutesOnTime").asLong() == 1 && g.path("receptionCards").asLong() == 2);
        assertThat(figures.path("meetingsHeld").asLong()).isEqualTo(1);

        String home = signIn("head", "Александр Макаров");
        assertThat(home).contains("Глава Администрации");
        assertThat(driver.findElement(By.linkText("панели показателей")).getDomAttribute("href"))
                .isEqualTo(dashboard + "/");
        closedToOthers();
        assertThat(open("/meetings")).contains("Нет доступа").doesNotContain(VENUE);
        open("/");

        // his dashboard signs him in at Keycloak without a password: he is signed in there already
        driver.get(dashboard + "/?year=" + year);
        patiently().until(d -> d.getCurrentUrl().startsWith(dashboard) && !d.getCurrentUrl().contains("code=")
                && d.findElement(By.id("account")).isDisplayed());
        patiently().until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-table"), GROUP));
        patiently().until(d -> {
            String loaded = d.findElement(By.tagName("body")).getDomAttribute("data-loaded");
            return loaded != null && !loaded.equals("stopped");
        });
        assertThat(driver.findElement(By.id("account-name")).getText()).isEqualTo("Александр Макаров");
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("no report failed: %s",
                driver.findElement(By.id("error")).getText()).isFalse();
        List<String> row = driver.findElements(By.xpath("//div[@id='groups-table']//tr[th[normalize-space()='" + GROUP
                + "']]/td")).stream().map(WebElement::getText).toList();
        if (groupBefore != null) {
            assertThat(List.of(groupBefore.path("meetingsHeld").asLong(), groupBefore.path("receptionCards").asLong(),
                    groupBefore.path("instructionsGiven").asLong())).as("the group's figures before the journey")
                    .containsOnly(0L);
        }
        assertThat(row).as("the group's line: held / planned, …, cards, …, instructions given / closed / on time")
                .hasSizeGreaterThanOrEqualTo(11);
        assertThat(row.get(0)).isEqualTo("1 / 1");
        assertThat(row.get(3)).startsWith(RESIDENTS + " /");
        assertThat(row.get(4)).contains("1 из 1");
        assertThat(row.get(8)).isEqualTo("2");
        assertThat(row.get(10)).isEqualTo("1 / 1 / 1");
        String meetingsHeld = driver.findElement(By.cssSelector("#kpi-meetings .kpi-value")).getText();
        assertThat(meetingsHeld).as("«Проведено встреч» was %s before", meetingsHeldBefore)
                .isEqualTo(String.valueOf(meetingsHeldBefore + 1));
        assertThat(driver.getPageSource()).as("the dashboard names no citizen").doesNotContain(CITIZEN)
                .doesNotContain(SECOND_CITIZEN).doesNotContain(CITIZEN_ADDRESS);
        checked("the head's dashboard");
        mainPage("head-dashboard");

        // from a figure, the list behind it: «Проведено встреч» opens the meetings it counts
        WebElement held = driver.findElement(By.cssSelector("#kpi-meetings button.figure"));
        String expected = held.getDomAttribute("data-expected");
        held.click();
        patiently().until(d -> d.findElement(By.id("items")).getDomAttribute("data-total") != null);
        WebElement list = driver.findElement(By.id("items"));
        assertThat(list.getDomAttribute("data-total")).as("the list comes to the figure").isEqualTo(expected);
        assertThat(list.getText()).as("no citizen in the list").doesNotContain(CITIZEN).doesNotContain(SECOND_CITIZEN);
        checked("the head's dashboard, the list behind a figure");
        shot("head-drill-down");
        driver.findElement(By.id("items-close")).click();

        // «Выйти» on the dashboard ends his session at Keycloak; then on the staff's pages
        driver.findElement(By.id("sign-out")).click();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        driver.get(web + "/");
        signOut();
        took("the head", started);
    }

    @Test
    @Order(8)
    void thePersonalDataOfficerFindsWhoReadTheCitizensDetails() throws IOException {
        assumeTrue(answered, "the general department did not read the appeal");
        long started = System.nanoTime();
        signIn("pd-officer", "Ирина Захарова");
        open(PERSONAL_DATA_PAGES.getFirst());
        type("citizen", CITIZEN);
        type("address", CITIZEN_ADDRESS);
        String found = submit(button("Найти"));
        assertThat(found).contains("Найденные записи").contains("Наталья Орлова (clerk)")
                .contains("обращение " + meetingId + ":RC1");
        mainPage("pd-officer-audit");
        signOut();
        took("the personal-data officer", started);
    }

    // ---- people ---------------------------------------------------------------------------------------------------

    /**
     * Opens the staff's pages, which send him to Keycloak's own login form; he signs in there and comes back to the
     * start page. Returns its text.
     */
    private static String signIn(String username, String name) {
        driver.get(web + "/");
        patiently().until(ExpectedConditions.elementToBeClickable(By.id("kc-login")));
        assertThat(driver.getCurrentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?")
                .contains("client_id=outreach-staff-web").contains("code_challenge_method=S256");
        if (!loginPageChecked) {
            // Keycloak's page, not this project's: what axe finds there is reported, not failed
            loginPageChecked = true;
            List<Axe.Violation> found = Axe.check(driver, "Keycloak's login form");
            System.out.printf("axe on Keycloak's login form (reported, not failed): %d violations%n", found.size());
            found.forEach(v -> System.out.println("axe (Keycloak's page): " + v));
        }
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(KeycloakProcess.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        patiently().until(d -> d.getCurrentUrl().startsWith(web)
                && !d.findElements(By.cssSelector("header .who")).isEmpty());
        String home = shown();
        assertThat(driver.findElement(By.cssSelector("header .who")).getText()).isEqualTo(name);
        assertThat(home).contains("Ваши обязанности");
        return home;
    }

    /** «Выйти»: the staff's pages and Keycloak forget him; the page says so. */
    private static void signOut() {
        left(() -> driver.findElement(By.xpath("//header//button[normalize-space()='Выйти']")).click());
        patiently().until(d -> d.getCurrentUrl().startsWith(web + "/signed-out"));
        assertThat(shown()).contains("Вы вышли из системы");
    }

    /** The personal-data pages answer «Нет доступа» to anyone but the personal-data officer. */
    private static void closedToOthers() throws IOException {
        for (String path : PERSONAL_DATA_PAGES) {
            assertThat(open(path)).as(path).contains("Нет доступа").doesNotContain("Журнал доступа");
            assertThat(driver.findElements(By.id("citizen"))).as(path).isEmpty();
            if (!forbiddenPageShot) {
                forbiddenPageShot = true;
                shot("no-access");
            }
        }
    }

    // ---- pages ----------------------------------------------------------------------------------------------------

    /** Visits a page of the staff's pages and checks it (see {@link #shown}); returns its text. */
    /** A secretary's list; the calendar's is that of the quarter the meeting was held in. */
    private static String secretaryList(int index) {
        return SECRETARY_LISTS.get(index).formatted(heldOn.getYear(), (heldOn.getMonthValue() - 1) / 3 + 1);
    }

    /** A file the pages link to, fetched with the browser's session cookie (Chromium would show it in its viewer). */
    private static HttpResponse<byte[]> downloadWithTheSession(String href) throws IOException {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(href.startsWith("http") ? href : web + href))
                    .header("Cookie", cookies).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String open(String path) {
        driver.get(web + path);
        return shown();
    }

    /** Reloads a page until it shows {@code text} (what the services do after an event takes a moment). */
    private static String awaitOnPage(String path, String text) {
        driver.get(web + path);
        patiently().until(d -> {
            if (d.findElement(By.tagName("body")).getText().contains(text)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        return shown();
    }

    /** Submits a form by its button and waits for the next page; returns its text, checked. */
    private static String submit(By button) {
        return submit(driver.findElement(button));
    }

    private static String submit(WebElement button) {
        left(button::click);
        return shown();
    }

    /**
     * Does what leaves the page and waits until another document is there: the old one is marked first (waiting for
     * an old element to go stale lets Chromium answer with an error of its own while the document is replaced).
     */
    private static void left(Runnable action) {
        driver.executeScript("document.documentElement.setAttribute('data-left', 'yes')");
        action.run();
        patiently().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.documentElement.getAttribute('data-left') === null")));
    }

    /** The page now shown, loaded and checked with axe; its text. */
    private static String shown() {
        patiently().until(d -> "complete".equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState")));
        String url = driver.getCurrentUrl();
        checked(url.startsWith(web) ? url.substring(web.length()) : url);
        return browser.text();
    }

    /** axe-core on the page as it is now; what it finds is judged after the test. */
    private static void checked(String page) {
        pagesChecked++;
        violations.addAll(Axe.check(driver, page));
    }

    /** A duty's main page: photographed on a desktop and on a phone, and checked with axe on the phone too. */
    private static void mainPage(String name) throws IOException {
        String page = driver.getCurrentUrl().replace(web, "");
        Path desktop = browser.fullPageScreenshot("staff-" + name);
        browser.asPhone(() -> checked(page + " (phone)"));
        Path phone = browser.phoneScreenshot("staff-" + name + "-phone");
        System.out.println("Screenshots: " + desktop + ", " + phone);
    }

    private static void shot(String name) throws IOException {
        browser.fullPageScreenshot("staff-" + name);
    }

    /** The message of the step just done; no problem shown beside it. */
    private static String done() {
        List<WebElement> problems = driver.findElements(By.cssSelector("main .problem, main .error"));
        assertThat(problems.stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList())
                .as("refusals on %s", driver.getCurrentUrl()).isEmpty();
        return driver.findElement(By.cssSelector("main .done")).getText();
    }

    /**
     * The browser's patience, through what Chromium answers while a document is being replaced (an element of the old
     * one, a script in none): the condition is asked again.
     */
    private static WebDriverWait patiently() {
        WebDriverWait wait = browser.waiting();
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    private static By button(String text) {
        return By.xpath("//main//button[normalize-space()='" + text + "']");
    }

    private static void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static void choose(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    private static boolean inHeader(WebElement form) {
        return !form.findElements(By.xpath("ancestor::header")).isEmpty();
    }

    private static String ru(LocalDate day) {
        return day.format(RU);
    }

    private static void took(String who, long started) {
        System.out.printf("%s, in Chromium: %.1f s%n", who, (System.nanoTime() - started) / 1e9);
    }

    // ---- through the API: what the pages do not do ---------------------------------------------------------------

    /** The administrator registers secretary-west's group (the staff's pages have no page for it yet). */
    private static void registerTheGroup() {
        String admin = keycloak.freshToken("admin");
        for (JsonNode group : ok(get(admin, stack.meetings.url() + "/api/groups?size=200")).path("items")) {
            if (GROUP.equals(group.path("details").path("name").asString())) {
                return;
            }
        }
        ok(post(admin, stack.meetings.url() + "/api/groups", Map.of("name", GROUP,
                "leader", Map.of("fullName", "Иванов Иван Иванович", "position", "заместитель Главы Администрации"),
                "secretary", Map.of("fullName", "Смирнова Ольга Петровна", "position", "главный специалист"),
                "territories", List.of("Соколово-Кундрючий", TERRITORY),
                "formedOn", heldOn.minusDays(60).toString())));
    }

    private static String reports(String path) {
        return stack.reporting.url() + "/api/reports" + path;
    }

    /** The group's line of the head's report of groups, or null. */
    private static JsonNode groupRow(JsonNode report) {
        for (JsonNode group : report.path("groups")) {
            if (GROUP.equals(group.path("groupName").asString())) {
                return group;
            }
        }
        return null;
    }
}
