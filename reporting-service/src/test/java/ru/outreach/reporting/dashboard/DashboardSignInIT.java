package ru.outreach.reporting.dashboard;

import ru.outreach.testkit.TestIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import ru.outreach.testkit.TestStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The head signs in to the dashboard in the page itself (OpenID Connect, authorization code with PKCE), against a
 * fake provider ({@link FakeOidcProvider}); the service's side is a filter that records the {@code Authorization}
 * header of every API call and refuses the tokens a test names ({@link ApiRequestLog}), as the resource server will.
 */
@TestIdentity
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
@Import(ApiRequestLog.class)
class DashboardSignInIT {

    static final String TOKENS = "outreach.dashboard.tokens";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final Browser browser = new Browser(1366, 768);

    @RegisterExtension
    static final FakeOidcProvider identity = new FakeOidcProvider();

    @LocalServerPort
    int port;

    @Autowired
    ApiRequestLog requests;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestStore.uri("dashboard-sign-in"));
        registry.add("outreach.dashboard.issuer-uri", identity::issuer);
    }

    /** Each test starts signed out: the tab's sessionStorage of the service's origin emptied. */
    @BeforeEach
    void signedOut() {
        requests.reset();
        browser.driver.get(base() + "/dashboard/config.json");
        browser.driver.executeScript("sessionStorage.clear()");
    }

    @Test
    void theConfigTellsThePageWhomToAsk() {
        JsonNode config = JSON.readTree(RestClient.create(base()).get().uri("/dashboard/config.json")
                .retrieve().body(String.class));

        assertThat(config.path("issuer").asString()).isEqualTo(identity.issuer());
        assertThat(config.path("clientId").asString()).isEqualTo("outreach-dashboard");
        assertThat(config.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void theHeadSignsInWithPkceAndEveryCallCarriesTheToken() throws IOException {
        open("/?year=2026&half=1");

        assertThat(identity.authorizations).hasSize(1);
        Map<String, String> asked = identity.authorizations.getFirst();
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", "outreach-dashboard")
                .containsEntry("scope", "openid").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", base() + "/").containsKey("state");
        assertThat(asked.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        Map<String, String> exchanged = identity.tokenRequests.getFirst();
        assertThat(exchanged).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", base() + "/").doesNotContainKey("client_secret");
        assertThat(FakeOidcProvider.challengeOf(exchanged.get("code_verifier")))
                .as("the verifier sent for the code answers the challenge sent for it")
                .isEqualTo(asked.get("code_challenge"));

        assertThat(browser.driver.getCurrentUrl()).as("the period kept, the code and state gone")
                .isEqualTo(base() + "/?year=2026&half=1");
        assertThat(text("#period-label")).isEqualTo("Период: 1-е полугодие 2026 г.");
        assertThat(text("#account-name")).isEqualTo(FakeOidcProvider.HEAD);
        assertThat(browser.driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();

        String token = identity.accessTokens.getFirst();
        assertThat(JSON.readTree(browser.session(TOKENS)).path("access").asString()).isEqualTo(token);
        assertThat(requests.reportCalls()).extracting(ApiRequestLog.Call::path)
                .contains("/api/reports/labels", "/api/reports/groups?year=2026&half=1",
                        "/api/reports/appeals?year=2026", "/api/reports/executors?year=2026&half=1",
                        "/api/reports/ranking?year=2026&half=1");
        assertThat(requests.calls).extracting(ApiRequestLog.Call::authorization).containsOnly("Bearer " + token);
        browser.screenshot("dashboard-signed-in");
    }

    @Test
    void downloadsGoWithTheTokenAndKeepTheirNames() throws IOException {
        Path folder = Files.createTempDirectory("dashboard-downloads-");
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
        open("/?year=2026");

        browser.driver.findElement(By.id("appeals-xlsx")).click();

        String name = "Анализ обращений граждан, 2026 год.xlsx";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(folder.resolve(name)).as("the file saved under the service's Russian name").exists());
        assertThat(Files.size(folder.resolve(name))).isPositive();
        assertThat(browser.driver.findElement(By.id("appeals-xlsx")).getDomAttribute("data-saved")).isEqualTo(name);
        assertThat(requests.calls).filteredOn(call -> call.path().startsWith("/api/reports/appeals.xlsx"))
                .extracting(ApiRequestLog.Call::authorization)
                .containsExactly("Bearer " + identity.accessTokens.getFirst());
    }

    @Test
    void a401RenewsTheTokenByTheRefreshTokenOnce() {
        open("/?year=2026");
        String first = identity.accessTokens.getFirst();
        requests.refusal = token -> first.equals(token) ? 401 : 0;
        requests.calls.clear();

        choose("2");

        assertThat(identity.tokenRequests).extracting(form -> form.get("grant_type"))
                .containsExactly("authorization_code", "refresh_token");
        String second = identity.accessTokens.get(1);
        assertThat(requests.reportCalls()).as("refused once with the old token, then sent with the new")
                .extracting(ApiRequestLog.Call::authorization).contains("Bearer " + first, "Bearer " + second);
        assertThat(requests.reportCalls()).filteredOn(call -> call.authorization().equals("Bearer " + second))
                .extracting(ApiRequestLog.Call::path).contains("/api/reports/groups?year=2026&half=2");
        assertThat(identity.authorizations).as("no new sign-in").hasSize(1);
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(JSON.readTree(browser.session(TOKENS)).path("access").asString()).isEqualTo(second);
    }

    @Test
    void a401WithoutARenewalSignsInAgainKeepingThePeriod() {
        open("/?year=2026");
        String first = identity.accessTokens.getFirst();
        identity.refusingRefresh = true;
        requests.refusal = token -> first.equals(token) ? 401 : 0;

        choose("1");

        assertThat(identity.authorizations).as("signed in again").hasSize(2);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base() + "/?year=2026&half=1");
        assertThat(text("#period-label")).isEqualTo("Период: 1-е полугодие 2026 г.");
        String again = identity.accessTokens.getLast();
        assertThat(requests.reportCalls()).filteredOn(call -> call.authorization().equals("Bearer " + again))
                .extracting(ApiRequestLog.Call::path).contains("/api/reports/groups?year=2026&half=1");
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    @Test
    void aServiceThatRefusesEveryTokenIsSignedInToOnlyOnceMore() {
        requests.refusal = token -> 401;

        open("/?year=2026");

        assertThat(identity.authorizations).as("the first sign-in and one more, no loop").hasSize(2);
        assertThat(text("#error")).contains("(код 401)");
        assertThat(text("#account-name")).isEqualTo(FakeOidcProvider.HEAD);
    }

    @Test
    void theTokenIsRenewedShortlyBeforeItExpires() {
        identity.lifetime = Duration.ofSeconds(6);
        open("/?year=2026");
        String first = identity.accessTokens.getFirst();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(identity.tokenRequests)
                .extracting(form -> form.get("grant_type")).contains("refresh_token"));
        String renewed = identity.accessTokens.get(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(JSON.readTree(browser.session(TOKENS)).path("access").asString()).isEqualTo(renewed));
        long expiresAt = JSON.readTree(browser.session(TOKENS)).path("expires").asLong();
        assertThat(expiresAt).isGreaterThan(System.currentTimeMillis());

        requests.calls.clear();
        choose("2");
        assertThat(requests.reportCalls()).isNotEmpty().extracting(ApiRequestLog.Call::token)
                .doesNotContain(first).isSubsetOf(identity.accessTokens);
        assertThat(identity.authorizations).hasSize(1);
    }

    @Test
    void aPersonWhoIsNotTheHeadIsToldSoInsteadOfTheFigures() throws IOException {
        identity.person = "Сидоров Олег Иванович";
        requests.refusal = token -> "Сидоров Олег Иванович".equals(identity.personOf(token)) ? 403 : 0;

        open("/?year=2026");

        assertThat(text("#forbidden")).isEqualTo("Нет доступа: этот раздел для Главы Администрации");
        assertThat(browser.driver.findElement(By.id("forbidden")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("kpis")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("report-groups")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.cssSelector(".charts")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("groups-xlsx")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(text("#account-name")).isEqualTo("Сидоров Олег Иванович");
        browser.screenshot("dashboard-forbidden");
    }

    @Test
    void theHeadSignsOutAndInAgain() {
        open("/?year=2026");
        String idToken = identity.idTokens.getFirst();

        browser.driver.findElement(By.id("sign-out")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));

        assertThat(identity.logouts).hasSize(1);
        assertThat(identity.logouts.getFirst()).containsEntry("id_token_hint", idToken)
                .containsEntry("post_logout_redirect_uri", base() + "/")
                .containsEntry("client_id", "outreach-dashboard");
        assertThat(browser.session(TOKENS)).isNull();
        assertThat(browser.driver.findElement(By.id("account")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("kpis")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.cssSelector(".charts")).isDisplayed()).isFalse();
        assertThat(identity.authorizations).as("no sign-in by itself after signing out").hasSize(1);
        assertThat(browser.driver.switchTo().activeElement().getText()).as("the way back in has the focus")
                .isEqualTo("Войти");

        browser.driver.findElement(By.id("sign-in")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("account-name"), FakeOidcProvider.HEAD));
        browser.waitUntilLoaded();
        assertThat(identity.authorizations).hasSize(2);
        assertThat(browser.driver.findElement(By.id("kpis")).isDisplayed()).isTrue();
    }

    @Test
    void aRefusedSignInIsSaidPlainlyWithAWayToTryAgain() {
        identity.refusingSignIn = "Учётная запись заблокирована";

        open("/?year=2026");

        assertThat(text("#sign-in-error")).startsWith("Не удалось войти: Учётная запись заблокирована.")
                .contains("Войти снова");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base() + "/?year=2026");
        assertThat(requests.calls).as("no call of the API without a token").isEmpty();
        assertThat(browser.driver.findElement(By.id("kpis")).isDisplayed()).isFalse();

        identity.refusingSignIn = null;
        browser.driver.findElement(By.cssSelector("#sign-in-error button")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("account-name"), FakeOidcProvider.HEAD));
        browser.waitUntilLoaded();
        assertThat(identity.authorizations).hasSize(2);
        assertThat(text("#period-label")).isEqualTo("Период: 2026 год");
    }

    @Test
    void withSignInOffThePageCallsTheApiWithoutATokenAndShowsTheRefusal() {
        requests.signInOff = true;

        open("/?year=2026");

        // the service denies by default (its security answers before the request log sees the call): without
        // sign-in the page says so instead of showing figures, and never goes to the provider
        browser.waiting().until(d -> text("#error").contains("(код 401)"));
        assertThat(identity.authorizations).as("no redirect to the provider").isEmpty();
        assertThat(browser.driver.findElement(By.id("account")).isDisplayed()).isFalse();
    }

    /**
     * Picks a half (or the whole year: "") and waits for the page to load it: this page once more, or a new one
     * when the page left to sign in again.
     */
    private void choose(String half) {
        browser.driver.executeScript("window.loadedBefore = document.body.dataset.loaded");
        browser.driver.findElement(By.cssSelector("input[name=half][value='" + half + "']")).click();
        browser.waiting().ignoring(WebDriverException.class).until(d -> !d.getCurrentUrl().contains("code=")
                && (Boolean) browser.driver.executeScript("""
                        const loaded = document.body && document.body.dataset.loaded;
                        return !!loaded && (window.loadedBefore === undefined || loaded !== window.loadedBefore);"""));
    }

    private void open(String path) {
        browser.open(base() + path);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }
}
