package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import ru.outreach.testkit.TestTokenEndpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The brief before a meeting comes from the appeals service over real HTTP (here a small HTTP server that answers
 * like it), asked with the meetings service's own token (client credentials from a test token endpoint). When it stops, the meetings service keeps serving: the last brief, marked stale, or "unavailable"; when it
 * is back, the brief is current again.
 */
class TerritoryBriefIT extends IntegrationTest {

    private static final int APPEALS_PORT = freePort();
    private static final TestTokenEndpoint TOKENS = TestTokenEndpoint.forMeetingsService();
    /** The Authorization headers the appeals service received. */
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static HttpServer appeals = startAppeals();

    @DynamicPropertySource
    static void appealsService(DynamicPropertyRegistry registry) {
        registry.add("outreach.appeals.base-url", () -> "http://127.0.0.1:" + APPEALS_PORT);
        registry.add("spring.security.oauth2.client.provider.outreach.token-uri", TOKENS::tokenUri);
        registry.add("resilience4j.circuitbreaker.instances.appeals.wait-duration-in-open-state", () -> "1s");
        registry.add("resilience4j.circuitbreaker.instances.appeals.minimum-number-of-calls", () -> "2");
        registry.add("resilience4j.timelimiter.instances.appeals.timeout-duration", () -> "1s");
    }

    @AfterAll
    static void stopAppeals() {
        appeals.stop(0);
        TOKENS.close();
    }

    @Test
    void theBriefDegradesWhenTheAppealsServiceIsDownAndRecoversWhenItIsBack() {
        String groupId = api.registerGroup("Группа (brief)", "Северный", "Южный");
        String meetingId = api.planMeeting(groupId, "Северный", LocalDateTime.of(2026, 12, 1, 17, 0));
        Api api = this.api.secretaryOf(groupId);

        Api.Response current = api.get("/api/meetings/" + meetingId + "/brief");
        assertThat(current.text("freshness")).isEqualTo("CURRENT");
        assertThat(current.body().path("openProblems").path("openInstructions").asInt()).isEqualTo(3);
        assertThat(AUTHORIZATIONS).as("the service's own token, never the secretary's").isNotEmpty()
                .allSatisfy(header -> {
                    JsonNode claims = claims(header);
                    assertThat(claims.path("preferred_username").asString())
                            .isEqualTo("service-account-meetings-service");
                    assertThat(claims.path("realm_access").path("roles").toString()).contains("territory-brief");
                });
        int tokens = TOKENS.issued();
        api.get("/api/territories/Северный/brief");
        assertThat(TOKENS.issued()).as("the token is kept until it expires").isEqualTo(tokens);

        appeals.stop(0);
        Api.Response stale = api.get("/api/meetings/" + meetingId + "/brief");
        assertThat(stale.status().value()).isEqualTo(200);
        assertThat(stale.text("freshness")).isEqualTo("STALE");
        assertThat(stale.text("message")).contains("устаревшими");
        assertThat(stale.body().path("openProblems").path("openInstructions").asInt()).isEqualTo(3);
        Api.Response unknown = api.get("/api/territories/Южный/brief");
        assertThat(unknown.text("freshness")).isEqualTo("UNAVAILABLE");
        assertThat(unknown.body().path("openProblems").isNull()).isTrue();
        assertThat(api.get("/api/meetings/" + meetingId).status().value()).as("meetings keep working").isEqualTo(200);

        appeals = startAppeals();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/territories/Южный/brief").text("freshness"), "CURRENT"::equals);
    }

    private static HttpServer startAppeals() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", APPEALS_PORT), 0);
            server.createContext("/api/territories/", exchange -> {
                AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = """
                        {"openAppealsByCategory": {"HOUSING": 4, "ROADS": 2}, "openInstructions": 3,
                         "overdueInstructions": 1}""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode claims(String authorization) {
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
