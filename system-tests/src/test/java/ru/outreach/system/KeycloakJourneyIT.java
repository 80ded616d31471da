package ru.outreach.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.outreach.system.Http.get;
import static ru.outreach.system.Http.ok;
import static ru.outreach.system.Http.post;
import static ru.outreach.system.Http.put;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/**
 * The people of the realm sign in at the real Keycloak of the local stack (password grant of {@code outreach-cli},
 * password {@code demo}) and walk a meeting from its plan to a closed instruction, each doing their own steps: the
 * secretary of «Информационная группа № 1», the controller, the general department's clerk, the executor of
 * «Управление ЖКХ», the controller again; the head then reads the reports without a citizen's name. The services
 * trust Keycloak alone ({@code OIDC_ISSUER_URI}, its key set), and the meetings service signs in to it as itself for
 * the brief. Every step is done by the person whose duty, group and department it is, so the journey holds whether
 * or not the services check a record's scope and take the actor from the token.
 * <p>
 * Then, on the same stack, the head opens his dashboard in a real (headless) Chromium: the page sends him to
 * Keycloak's own login form, he signs in there and comes back to the journey's figures, and signs out; and Swagger UI
 * of the meetings service opens without a token, its «Authorize» pointing at this Keycloak.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class KeycloakJourneyIT {

    /** secretary1's {@code outreach_group} in the realm file. */
    static final String GROUP = "Информационная группа № 1";
    /** executor-housing's {@code outreach_department} in the realm file. */
    static final String HOUSING = "Управление ЖКХ";
    static final String CITIZEN = "Кравцова Галина Ивановна";
    static final String TERRITORY = "Шахтёрский";
    /** head's firstName and lastName in the realm file: the {@code name} claim of his tokens. */
    static final String HEAD_NAME = "Александр Макаров";

    /** The year of the journey's figures, once the head has read them through the API; null until then. */
    private static Integer journeyYear;

    private final SystemStack stack = SystemStack.withKeycloak();
    private final KeycloakProcess keycloak = stack.keycloak;
    private final String meetings = stack.meetings.url() + "/api";
    private final String appeals = stack.appeals.url() + "/api";
    private final String reports = stack.reporting.url() + "/api/reports";

    @Test
    @Order(1)
    void fourPeopleSignedInAtKeycloakTakeAMeetingFromItsPlanToAClosedInstruction() {
        String admin = keycloak.token("admin");
        String secretary = keycloak.token("secretary1");
        String controller = keycloak.token("controller");
        String clerk = keycloak.token("clerk");
        String executor = keycloak.token("executor-housing");
        String head = keycloak.token("head");
        assertThat(KeycloakProcess.claims(secretary).path("iss").asString()).isEqualTo(keycloak.issuer());
        assertThat(KeycloakProcess.claims(secretary).path("outreach_group").asString()).isEqualTo(GROUP);
        assertThat(KeycloakProcess.claims(executor).path("outreach_department").asString()).isEqualTo(HOUSING);

        LocalDate today = stack.today();
        LocalDate heldOn = today.minusDays(3);
        LocalDateTime at = heldOn.atTime(17, 0);

        // the administrator registers the group; its secretary plans, holds and records the meeting
        String groupId = ok(post(admin, meetings + "/groups", Map.of("name", GROUP,
                "leader", Map.of("fullName", "Иванов Иван Иванович", "position", "заместитель Главы Администрации"),
                "secretary", Map.of("fullName", "Петрова Анна", "position", "главный специалист"),
                "territories", List.of(TERRITORY), "formedOn", heldOn.minusDays(60).toString()))).path("id").asString();
        String meetingId = ok(post(secretary, meetings + "/meetings", Map.of("groupId", groupId, "territory", TERRITORY,
                "venue", Map.of("name", "МБОУ СОШ № 3", "address", "ул. Ленина, 10", "kind", "SCHOOL"),
                "scheduledAt", at.toString()))).path("id").asString();
        String meeting = meetings + "/meetings/" + meetingId;
        ok(post(secretary, meeting + "/venue-agreement", Map.of("agreedOn", heldOn.minusDays(10).toString(),
                "agreedWith", "директор школы")));
        ok(post(secretary, meeting + "/announcement", Map.of("announcedOn", heldOn.minusDays(7).toString(),
                "channels", List.of("OFFICIAL_SITE", "NOTICE_BOARD"))));
        ok(post(secretary, meeting + "/holding", Map.of("heldAt", at.toString(), "residentsAttended", 31)));
        ok(put(secretary, meeting + "/minutes", Map.of(
                "questions", List.of(Map.of("text", "Когда починят освещение?", "answer", "До конца месяца")),
                "receptionCards", List.of(Map.of(
                        "citizen", Map.of("fullName", CITIZEN, "postalAddress", "ул. Шахтёрская, 3", "phone", "+7 900 111-22-33"),
                        "question", "Протекает крыша", "category", "HOUSING")),
                "instructions", List.of(Map.of("text", "Проверить освещение ул. Шахтёрской", "executorDepartment", HOUSING,
                        "dueOn", today.plusDays(20).toString())))));
        JsonNode signed = ok(post(secretary, meeting + "/minutes/signature", Map.of("signedOn", heldOn.toString())));
        assertThat(signed.path("status").asString()).isEqualTo("SIGNED");

        // the controller receives the hand-over
        JsonNode handedOver = ok(post(controller, meeting + "/minutes/hand-over", Map.of("handedOverOn", today.toString())));
        assertThat(handedOver.path("handOver").path("handedOverOn").asString()).isEqualTo(today.toString());

        // the card waits in the general department's queue; the secretary cannot act as the clerk
        String cardId = meetingId + ":RC1";
        String appeal = appeals + "/appeals/" + cardId;
        String queue = appeals + "/appeals/registration-queue?territory=" + encode(TERRITORY);
        await("the card in the registration queue").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids(ok(get(clerk, queue))).contains(cardId));
        assertThat(get(secretary, queue).status()).as("the secretary reads no queue").isEqualTo(403);
        assertThat(post(secretary, appeal + "/registration", Map.of("registeredOn", today.toString())).status())
                .as("the secretary registers no appeal").isEqualTo(403);
        assertThat(ok(get(clerk, appeal)).path("state").asString()).as("the refused call changed nothing")
                .isEqualTo("RECEIVED");

        // the clerk registers the card from the queue, assigns it and answers it
        JsonNode registered = ok(post(clerk, appeal + "/registration", Map.of("registeredOn", heldOn.plusDays(1).toString())));
        assertThat(registered.path("state").asString()).isEqualTo("REGISTERED");
        assertThat(registered.path("receivedOn").asString()).isEqualTo(heldOn.toString());
        ok(post(clerk, appeal + "/assignment", Map.of("executorDepartment", HOUSING, "assignedOn", heldOn.plusDays(1).toString())));
        JsonNode answered = ok(post(clerk, appeal + "/answer",
                Map.of("text", "Кровля будет отремонтирована", "answeredOn", today.toString())));
        assertThat(answered.path("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.path("answer").path("answeredBy").asString()).as("who answered: from the clerk's token")
                .isEqualTo("Наталья Орлова");
        assertThat(ok(get(clerk, appeal)).path("citizen").path("fullName").asString())
                .as("the general department reads the citizen's details").isEqualTo(CITIZEN);

        // the secretary's brief: the meetings service asks the appeals service as itself, signed in at Keycloak
        await("the brief with the open instruction").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ok(get(secretary, meeting + "/brief")),
                        brief -> "CURRENT".equals(brief.path("freshness").asString())
                                && brief.path("openProblems").path("openInstructions").asInt() == 1);

        // the executor of the department accepts the instruction and reports on it
        String instructionId = meetingId + ":I1";
        String instruction = appeals + "/instructions/" + instructionId;
        await("the instruction in the department's list").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids(ok(get(executor, appeals + "/instructions?executorDepartment=" + encode(HOUSING))))
                        .contains(instructionId));
        JsonNode order = ok(get(executor, instruction));
        assertThat(order.path("executorDepartment").asString()).isEqualTo(HOUSING);
        ok(post(executor, instruction + "/acceptance", Map.of("acceptedOn", heldOn.plusDays(1).toString())));
        assertThat(ok(post(executor, instruction + "/reports", Map.of("text", "Заменены 4 светильника",
                "reportedOn", today.toString()))).path("state").asString()).isEqualTo("REPORTED");

        // the controller closes it
        JsonNode closed = ok(post(controller, instruction + "/closing", Map.of("closedOn", today.toString())));
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closing").path("closedBy").asString()).as("who closed: from the controller's token")
                .isEqualTo("Татьяна Егорова");

        // the head reads the reports: the figures of what happened, and no citizen's name
        int year = heldOn.getYear();
        JsonNode group = await("the group's yearly figures").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> groupFigures(head, year, groupId), g -> g != null && g.path("instructionsClosed").asLong() == 1);
        assertThat(group.path("groupName").asString()).isEqualTo(GROUP);
        assertThat(group.path("meetingsHeld").asLong()).isEqualTo(1);
        assertThat(group.path("receptionCards").asLong()).isEqualTo(1);
        for (String report : List.of("/groups?year=" + year, "/groups/" + groupId + "/meetings?year=" + year,
                "/appeals?year=" + year, "/appeals/categories/HOUSING/territories?year=" + year,
                "/executors?year=" + year, "/ranking?year=" + year)) {
            String body = ok(get(head, reports + report)).toString();
            assertThat(body).as(report).doesNotContain("Кравцова").doesNotContain("Шахтёрская, 3")
                    .doesNotContain("111-22-33");
        }
        assertThat(get(head, appeal).status()).as("the head reads no citizen's details").isEqualTo(403);
        journeyYear = year;

        // no token, no answer
        assertThat(get((String) null, meeting).status()).isEqualTo(401);
        assertThat(get((String) null, appeal).status()).isEqualTo(401);
        assertThat(get((String) null, reports + "/groups?year=" + year).status()).isEqualTo(401);
    }

    /**
     * The head at his dashboard in Chromium: the page (authorization code with PKCE, public client
     * {@code outreach-dashboard}) sends him to the real Keycloak's login form; he types his name and password there,
     * comes back signed in, sees the journey's figures and no citizen's name, and signs out. The realm lets the
     * client come back only to ./run.sh's fixed port, so the test adds the reporting service's address of this run
     * to the client first (the admin REST API).
     */
    @Test
    @Order(2)
    void theHeadSignsInToHisDashboardAtKeycloakSeesTheFiguresWithoutACitizenAndSignsOut() throws IOException {
        assumeTrue(Browser.available(), Browser.MISSING);
        assumeTrue(journeyYear != null, "the journey (the first test) did not reach the reports: no figures to show");
        String dashboard = stack.reporting.url();
        keycloak.allowRedirectsTo("outreach-dashboard", dashboard);
        long started = System.nanoTime();
        try (Browser browser = new Browser(1366, 900)) {
            WebDriver driver = browser.driver;
            driver.get(dashboard + "/?year=" + journeyYear);

            // the page leaves for Keycloak's own login form
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("kc-login")));
            assertThat(driver.getCurrentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?")
                    .contains("client_id=outreach-dashboard").contains("code_challenge_method=S256");
            driver.findElement(By.id("username")).sendKeys("head");
            driver.findElement(By.id("password")).sendKeys(KeycloakProcess.PASSWORD);
            driver.findElement(By.id("kc-login")).click();

            // back on the dashboard, signed in, with the journey's figures
            browser.waiting().until(d -> d.getCurrentUrl().startsWith(dashboard) && !d.getCurrentUrl().contains("code=")
                    && d.findElement(By.id("account")).isDisplayed());
            assertThat(driver.findElement(By.id("account")).getText()).contains("Вы вошли как").contains(HEAD_NAME);
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-table"), GROUP));
            browser.waiting().until(d -> {
                String loaded = d.findElement(By.tagName("body")).getDomAttribute("data-loaded");
                return loaded != null && !loaded.equals("stopped");
            });
            assertThat(driver.getCurrentUrl()).as("the period chosen before the sign-in comes back")
                    .contains("year=" + journeyYear);
            assertThat(driver.findElement(By.id("error")).isDisplayed()).as("no report failed: %s",
                    driver.findElement(By.id("error")).getText()).isFalse();
            assertThat(driver.findElement(By.id("sign-in-error")).isDisplayed()).isFalse();
            String text = browser.text();
            assertThat(text).contains(GROUP).contains(HEAD_NAME);
            for (String page : List.of(text, driver.getPageSource())) {
                assertThat(page).as("the dashboard names no citizen").doesNotContain("Кравцова")
                        .doesNotContain(CITIZEN).doesNotContain("Шахтёрская, 3").doesNotContain("111-22-33");
            }
            Path shot = browser.fullPageScreenshot("keycloak-dashboard-signed-in");
            System.out.println("The head's dashboard, signed in at Keycloak: " + shot);

            // «Выйти»: Keycloak ends his session and sends him back to the page, which says so
            driver.findElement(By.id("sign-out")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
            assertThat(driver.getCurrentUrl()).startsWith(dashboard);
            assertThat(browser.text()).contains("Вы вышли из системы.").doesNotContain(HEAD_NAME)
                    .doesNotContain(GROUP);
            assertThat(driver.findElement(By.id("account")).isDisplayed()).isFalse();

            // his session at Keycloak is over too: «Войти» asks for his password again
            driver.findElement(By.id("sign-in")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("kc-login")));
            assertThat(driver.getCurrentUrl()).startsWith(keycloak.issuer());
        }
        System.out.printf("The dashboard in Chromium, from its start to the second login form: %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Swagger UI of the meetings service opens without a token, and its «Authorize» (the OpenAPI document's OAuth2
     * scheme, authorization code) leads to this Keycloak's own endpoints, as its discovery document names them.
     */
    @Test
    @Order(3)
    void swaggerUiOfTheMeetingsServiceOpensWithoutATokenAndSignsInAtKeycloak() throws IOException, InterruptedException {
        HttpResponse<String> ui = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.meetings.url() + "/swagger-ui/index.html"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).as("Swagger UI without a token").isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");

        JsonNode provider = ok(get((String) null, keycloak.issuer() + "/.well-known/openid-configuration"));
        JsonNode document = ok(get((String) null, stack.meetings.url() + "/v3/api-docs"));
        List<JsonNode> flows = document.path("components").path("securitySchemes").valueStream()
                .filter(scheme -> "oauth2".equals(scheme.path("type").asString()))
                .map(scheme -> scheme.path("flows").path("authorizationCode"))
                .toList();
        assertThat(flows).as("the OpenAPI document's OAuth2 schemes").hasSize(1);
        assertThat(flows.get(0).path("authorizationUrl").asString())
                .isEqualTo(provider.path("authorization_endpoint").asString())
                .startsWith(keycloak.issuer());
        assertThat(flows.get(0).path("tokenUrl").asString()).isEqualTo(provider.path("token_endpoint").asString());
    }

    /**
     * A step whose body names who did it ({@code field}), as the services want it while names are typed in: sent
     * with the name, and sent again without it if the service refuses the field as unknown, as it will once it takes
     * the actor from the token (the bodies are read strictly). Either way the person of the token does the step.
     */
    private JsonNode groupFigures(String head, int year, String groupId) {
        for (JsonNode group : ok(get(head, reports + "/groups?year=" + year)).path("groups")) {
            if (group.path("groupId").asString().equals(groupId)) {
                return group;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
