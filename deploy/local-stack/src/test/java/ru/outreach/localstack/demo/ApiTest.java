package ru.outreach.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The demo loader's calls against a stand-in for the identity provider and a service that is briefly away. */
class ApiTest {

    private HttpServer server;
    private String base;
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/outreach/protocol/openid-connect/token",
                exchange -> answer(exchange, 200, "{\"access_token\":\"t\",\"expires_in\":300}"));
        server.createContext("/api/", exchange -> {
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            if (unavailable.getAndDecrement() > 0) {
                answer(exchange, 503, "{\"type\":\"urn:outreach:problem:http-503\"}");
            } else {
                answer(exchange, 201, "{\"id\":\"c0ffee00-0000-4000-8000-000000000001\"}");
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCreateIsSentAgainWithTheSameKeyWhileTheServiceIsAway() {
        unavailable.set(2);
        Api api = api();

        assertThat(api.post(base + "/api/appeals", Map.of("text", "Протекает крыша")).path("id").asString())
                .isEqualTo("c0ffee00-0000-4000-8000-000000000001");

        assertThat(keys).hasSize(3).doesNotContain("null").containsOnly(keys.getFirst());
        assertThat(api.retried.get()).isEqualTo(2);
        assertThat(api.refused).isEmpty();
    }

    @Test
    void everyCreateHasAKeyOfItsOwnAndOtherStepsHaveNone() {
        Api api = api();

        api.post(base + "/api/groups", Map.of("name", "Информационная группа № 1"));
        api.post(base + "/api/meetings", Map.of("groupId", "g"));
        api.post(base + "/api/instructions", Map.of("text", "Проверить"));
        api.post(base + "/api/appeals/a/answer", Map.of("text", "Дан ответ"));

        assertThat(keys.subList(0, 3)).doesNotContain("null").doesNotHaveDuplicates();
        assertThat(keys.get(3)).isEqualTo("null");
    }

    @Test
    void aStepThatIsNotACreateIsNotSentAgain() {
        unavailable.set(1);
        Api api = api();

        assertThat(api.post(base + "/api/appeals/a/answer", Map.of("text", "Дан ответ"))).isNull();

        assertThat(keys).hasSize(1);
        assertThat(api.refused).containsOnlyKeys("503 http-503 at " + base + "/api/appeals/a/answer");
    }

    private Api api() {
        return new Api(new Tokens(base + "/realms/outreach", "demo"));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
