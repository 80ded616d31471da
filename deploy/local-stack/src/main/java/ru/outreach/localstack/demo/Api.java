package ru.outreach.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' REST APIs, called as a user's client would. A refused call (4xx) is counted by its problem type and
 * does not stop the load: the summary at the end shows what was refused and why.
 */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AtomicLong calls = new AtomicLong();
    final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    /** POST (or PUT when {@code put}) of a JSON body; the answer's body, or null when refused. */
    JsonNode send(String url, Object body, boolean put) {
        HttpRequest.BodyPublisher json = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept-Language", "en");
        return exchange(put ? request.PUT(json) : request.POST(json), url);
    }

    JsonNode post(String url, Object body) {
        return send(url, body, false);
    }

    JsonNode get(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET(), url);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode exchange(HttpRequest.Builder request, String url) {
        calls.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            }
            String reason = response.statusCode() + " " + problemType(response.body()) + " at "
                    + url.replaceAll("/[0-9a-f-]{36}(:[A-Z]+[0-9]+)?", "/{id}").replaceAll("\\?.*", "");
            refused.computeIfAbsent(reason, key -> new AtomicLong()).incrementAndGet();
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + url + ": " + e.getMessage()
                    + ". Is the stack running (./run.sh)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String problemType(String body) {
        try {
            return JSON.readTree(body).path("type").asString().replace("urn:outreach:problem:", "");
        } catch (RuntimeException e) {
            return "unreadable answer";
        }
    }
}
