package ru.outreach.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's REST API called as a client would: every call returns status and body, never throws on 4xx. */
public class JsonApi {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    public JsonApi(RestClient http) {
        this.http = http;
    }

    /** The same API called with {@code person}'s token. */
    public JsonApi as(TestTokens.Person person) {
        return new JsonApi(http.mutate().requestInterceptors(interceptors -> {
            interceptors.removeIf(TestTokens.ActingAs.class::isInstance);
            interceptors.add(TestTokens.actingAs(person));
        }).build());
    }

    /** The same API called with exactly this {@code Authorization} header, or none when it is null. */
    public JsonApi withAuthorization(String header) {
        return new JsonApi(http.mutate().requestInterceptors(interceptors -> {
            interceptors.removeIf(TestTokens.ActingAs.class::isInstance);
            if (header != null) {
                interceptors.add((request, body, execution) -> {
                    request.getHeaders().set("Authorization", header);
                    return execution.execute(request, body);
                });
            }
        }).build());
    }

    /** The same API called without a token. */
    public JsonApi anonymous() {
        return withAuthorization(null);
    }

    public record Response(HttpStatusCode status, MediaType contentType, JsonNode body) {

        public String text(String field) {
            return body.path(field).asString();
        }

        /** The fields named by a problem's {@code errors}. */
        public List<String> fields() {
            return body.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
        }
    }

    public Response call(HttpMethod method, String path, Object body, String language) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        return request.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return new Response(res.getStatusCode(), res.getHeaders().getContentType(),
                    text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
        });
    }

    /** A GET whose answer is text, such as the Prometheus scrape. */
    public String callText(String path) {
        return http.get().uri(path).retrieve().body(String.class);
    }

    public Response post(String path, Object body) {
        return call(HttpMethod.POST, path, body, null);
    }

    public Response put(String path, Object body) {
        return call(HttpMethod.PUT, path, body, null);
    }

    public Response get(String path) {
        return call(HttpMethod.GET, path, null, null);
    }

    /** Calls and insists on a 2xx answer; returns the body. */
    public JsonNode ok(HttpMethod method, String path, Object body) {
        Response response = call(method, path, body, null);
        if (!response.status().is2xxSuccessful()) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }
}
