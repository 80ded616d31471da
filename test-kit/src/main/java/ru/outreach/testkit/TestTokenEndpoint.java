package ru.outreach.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The identity provider's token endpoint for one service account, as small as a test needs: a
 * {@code client_credentials} grant with the right client id and secret (HTTP Basic, as Spring Security's client sends
 * them) gets a {@link TestTokens} token of {@code account}; anything else gets {@code 401 invalid_client}.
 */
public final class TestTokenEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final String clientId;
    private final String secret;
    private final TestTokens.Person account;
    private final AtomicInteger issued = new AtomicInteger();

    private TestTokenEndpoint(String clientId, String secret, TestTokens.Person account) throws IOException {
        this.clientId = clientId;
        this.secret = secret;
        this.account = account;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    /** The meetings service's account: {@code meetings-service} with the {@code territory-brief} duty. */
    public static TestTokenEndpoint forMeetingsService() {
        return start("meetings-service", "meetings-service-secret", new TestTokens.Person(
                "service-account-meetings-service", "service-account-meetings-service",
                List.of("territory-brief"), null, null));
    }

    public static TestTokenEndpoint start(String clientId, String secret, TestTokens.Person account) {
        try {
            return new TestTokenEndpoint(clientId, secret, account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code spring.security.oauth2.client.provider.<name>.token-uri}. */
    public String tokenUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** How many tokens it gave. */
    public int issued() {
        return issued.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            boolean client = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    || clientId.equals(form.get("client_id")) && secret.equals(form.get("client_secret"));
            String body;
            int status;
            if ("POST".equals(exchange.getRequestMethod()) && client
                    && "client_credentials".equals(form.get("grant_type"))) {
                issued.incrementAndGet();
                status = 200;
                body = "{\"access_token\":\"" + TestTokens.token(account)
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":900}";
            } else {
                status = 401;
                body = "{\"error\":\"invalid_client\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).filter(pair -> pair.contains("="))
                .collect(Collectors.toMap(pair -> decode(pair.substring(0, pair.indexOf('='))),
                        pair -> decode(pair.substring(pair.indexOf('=') + 1)), (a, b) -> b));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
