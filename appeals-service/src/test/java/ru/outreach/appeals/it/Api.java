package ru.outreach.appeals.it;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API as the general department, executors and the control department use it; never throws on 4xx. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String CONTROLLER = "Контрольно-организационный сектор";

    private final RestClient http;

    public Api(RestClient http) {
        this.http = http;
    }

    public record Response(HttpStatusCode status, MediaType contentType, JsonNode body) {
        public String text(String field) {
            return body.path(field).asString();
        }

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
            String text = new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Response(res.getStatusCode(), res.getHeaders().getContentType(),
                    text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
        });
    }

    public String callText(String path) {
        return http.get().uri(path).retrieve().body(String.class);
    }

    public Response post(String path, Object body) {
        return call(HttpMethod.POST, path, body, null);
    }

    public Response get(String path) {
        return call(HttpMethod.GET, path, null, null);
    }

    public JsonNode ok(HttpMethod method, String path, Object body) {
        Response response = call(method, path, body, null);
        if (!response.status().is2xxSuccessful()) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    public JsonNode post200(String path, Object body) {
        return ok(HttpMethod.POST, path, body);
    }

    /** A letter received by post, with the citizen's name and address. */
    public static Map<String, Object> letter(String fullName, String category, String territory, LocalDate received) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "POST");
        body.put("receivedOn", received.toString());
        body.put("citizen", Map.of("fullName", fullName, "postalAddress", "ул. Садовая, 12, кв. 4",
                "phone", "+7 900 555-44-33"));
        body.put("text", "Во дворе дома не убирают снег");
        body.put("category", category);
        body.put("territory", territory);
        return body;
    }

    public String registerLetter(String fullName, String category, String territory, LocalDate received) {
        return ok(HttpMethod.POST, "/api/appeals", letter(fullName, category, territory, received)).path("id")
                .asString();
    }

    public String issueInstruction(String department, String territory, LocalDate dueOn) {
        return ok(HttpMethod.POST, "/api/instructions", Map.of("text", "Организовать вывоз снега",
                "executorDepartment", department, "coExecutors", List.of("МБУ «Благоустройство»"),
                "dueOn", dueOn.toString(), "controller", CONTROLLER, "source", "OTHER", "territory", territory,
                "issuedBy", "Глава Администрации")).path("id").asString();
    }
}
