package ru.outreach.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs the demo's people in at the identity provider with the public client {@code outreach-cli} (password grant;
 * every local password is {@code demo}) and keeps each one's access token, refreshing it a minute before it expires.
 */
final class Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String password;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String access, String refresh, Instant expires) {
    }

    Tokens(String issuer, String password) {
        this.tokenEndpoint = URI.create(issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.password = password;
    }

    /** {@code Bearer …} of {@code username}, signed in or refreshed when needed. */
    String bearer(String username) {
        return "Bearer " + tokens.compute(username, (user, token) -> {
            if (token != null && Instant.now().plus(MARGIN).isBefore(token.expires())) {
                return token;
            }
            if (token != null && token.refresh() != null) {
                Token refreshed = request(Map.of("grant_type", "refresh_token", "refresh_token", token.refresh()),
                        user, false);
                if (refreshed != null) {
                    return refreshed;
                }
            }
            return request(Map.of("grant_type", "password", "username", user, "password", password), user, true);
        }).access();
    }

    private Token request(Map<String, String> grant, String username, boolean required) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", "outreach-cli");
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                if (!required) {
                    return null;
                }
                throw new IllegalStateException("The identity provider refused to sign " + username + " in ("
                        + response.statusCode() + " " + response.body() + ") at " + tokenEndpoint);
            }
            JsonNode token = JSON.readTree(response.body());
            return new Token(token.path("access_token").asString(),
                    token.path("refresh_token").isMissingNode() ? null : token.path("refresh_token").asString(),
                    Instant.now().plusSeconds(token.path("expires_in").asLong(300)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the identity provider at " + tokenEndpoint + ": "
                    + e.getMessage() + ". Is the stack running (./run.sh)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
