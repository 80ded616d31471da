package ru.outreach.appeals.it;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import ru.outreach.testkit.JsonApi;

import tools.jackson.databind.JsonNode;

/** The REST API as the general department, executors and the control department use it; never throws on 4xx. */
public final class Api extends JsonApi {

    public static final String CONTROLLER = "Контрольно-организационный сектор";

    public Api(RestClient http) {
        super(http);
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
                "dueOn", dueOn.toString(), "source", "OTHER", "territory", territory)).path("id").asString();
    }
}
