package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.outreach.testkit.TestTokens;

/**
 * What the page integration tests share: the fake OpenID Connect provider and the fake meetings and appeals APIs
 * (started once for all test classes, so that Spring can reuse one application context, and reset before every test),
 * a fresh cookie-keeping browser per test, and the helpers to sign in, get a page and post a form with its CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "server.address=127.0.0.1"})
abstract class StaffPagesTest {

    static final FakeOidcProvider PROVIDER;
    static final FakeApi MEETINGS;
    static final FakeApi APPEALS;

    static {
        PROVIDER = new FakeOidcProvider();
        MEETINGS = new FakeApi();
        APPEALS = new FakeApi();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PROVIDER.stop();
            MEETINGS.stop();
            APPEALS.stop();
        }, "staff-pages-fakes-stop"));
    }

    @LocalServerPort
    int port;

    HttpClient browser;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.keycloak.issuer-uri", PROVIDER::issuer);
        registry.add("outreach.staff-web.meetings-url", MEETINGS::url);
        registry.add("outreach.staff-web.appeals-url", APPEALS::url);
    }

    @BeforeEach
    void freshBrowser() {
        PROVIDER.reset(null);
        MEETINGS.reset();
        APPEALS.reset();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    HttpResponse<String> signIn(TestTokens.Person person) throws IOException, InterruptedException {
        PROVIDER.reset(person);
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        return home;
    }

    URI page(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(page(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String csrf, Map<String, String> fields)
            throws IOException, InterruptedException {
        return post(path, csrf, List.copyOf(fields.entrySet()));
    }

    HttpResponse<String> post(String path, String csrf, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        String form = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        form = (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(csrf);
        return browser.send(HttpRequest.newBuilder(page(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = text.indexOf(to, start + from.length());
        assertThat(end).as(to).isPositive();
        return text.substring(start, end);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
