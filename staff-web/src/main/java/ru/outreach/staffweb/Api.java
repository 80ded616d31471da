package ru.outreach.staffweb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's API as the pages use it: JSON in and out; a refusal becomes {@link Refusal} with the problem's
 * detail and its field errors, a service that does not answer becomes {@link Unavailable}.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("(?:^|;)\\s*filename=\"([A-Za-z0-9._-]+)\"");
    private final String name;
    private final RestClient client;

    Api(String name, RestClient client) {
        this.name = name;
        this.client = client;
    }

    public JsonNode get(String uri, Object... variables) {
        return call(() -> client.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON).retrieve()
                .body(String.class));
    }

    public JsonNode get(Function<org.springframework.web.util.UriBuilder, java.net.URI> uri) {
        return call(() -> client.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve().body(String.class));
    }

    public JsonNode post(Object body, String uri, Object... variables) {
        return call(() -> client.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body)).retrieve()
                .body(String.class));
    }

    /**
     * A create (POST) with an {@code Idempotency-Key}: the form carries the key it was rendered with, so sending it
     * twice (a double click, a retry after a lost answer) creates one record; the service answers the first one.
     */
    public JsonNode create(String idempotencyKey, Object body, String uri, Object... variables) {
        return call(() -> client.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).header("Idempotency-Key", idempotencyKey)
                .body(JSON.writeValueAsString(body)).retrieve().body(String.class));
    }

    /** A fresh key for a create form. */
    public static String newIdempotencyKey() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The key a submitted form carried, or a fresh one when it carried none or a malformed one. */
    public static String idempotencyKey(String submitted) {
        return submitted != null && submitted.matches("[0-9a-f-]{36}") ? submitted : newIdempotencyKey();
    }

    public JsonNode put(Object body, String uri, Object... variables) {
        return call(() -> client.put().uri(uri, variables).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body)).retrieve()
                .body(String.class));
    }

    /** A file the service answered and the plain (ASCII) name it gave it, or null when it gave none. */
    public record Download(byte[] bytes, String fileName) {
    }

    /**
     * A file of {@code type} (e.g. the protocol as {@code application/pdf}); a refusal and a service that does not
     * answer as for JSON.
     */
    public Download download(MediaType type, String uri, Object... variables) {
        ResponseEntity<byte[]> answer;
        try {
            answer = client.get().uri(uri, variables).accept(type, MediaType.APPLICATION_PROBLEM_JSON).retrieve()
                    .toEntity(byte[].class);
        } catch (RestClientResponseException e) {
            throw refusal(e.getStatusCode(), e.getResponseBodyAsString());
        } catch (RestClientException e) {
            throw new Unavailable(name);
        }
        Matcher name = PLAIN_FILE_NAME.matcher(String.valueOf(answer.getHeaders()
                .getFirst(HttpHeaders.CONTENT_DISPOSITION)));
        return new Download(answer.getBody() == null ? new byte[0] : answer.getBody(),
                name.find() ? name.group(1) : null);
    }

    private JsonNode call(java.util.function.Supplier<String> request) {
        String body;
        try {
            body = request.get();
        } catch (RestClientResponseException e) {
            throw refusal(e.getStatusCode(), e.getResponseBodyAsString());
        } catch (ResourceAccessException e) {
            throw new Unavailable(name);
        } catch (RestClientException e) {
            throw new Unavailable(name);
        }
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    private RuntimeException refusal(HttpStatusCode status, String body) {
        if (status.is5xxServerError()) {
            return new Unavailable(name);
        }
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = JSON.readTree(body);
            detail = problem.path("detail").isString() ? problem.path("detail").asString() : null;
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asString("");
                fields.merge(field, error.path("message").asString(""), (a, b) -> a + " " + b);
            }
        } catch (RuntimeException e) {
            // not a problem document: the status alone
        }
        if (status.value() == 401 || status.value() == 403) {
            detail = "Для этого действия у вас нет прав.";
        } else if (status.value() == 404 && detail == null) {
            detail = "Запись не найдена.";
        }
        return new Refusal(status.value(), detail == null ? "Сервис отказал в выполнении запроса." : detail, fields);
    }

    /** The service refused: its problem's detail and the messages per field it named. */
    public static final class Refusal extends RuntimeException {
        private final int status;
        private final Map<String, String> fields;

        Refusal(int status, String detail, Map<String, String> fields) {
            super(detail);
            this.status = status;
            this.fields = Map.copyOf(fields);
        }

        public int status() {
            return status;
        }

        public Map<String, String> fields() {
            return fields;
        }
    }

    /** The service did not answer or failed. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String service) {
            super(switch (service) {
                case "meetings" -> "Сервис встреч сейчас недоступен. Повторите попытку через несколько минут.";
                case "appeals" -> "Сервис обращений сейчас недоступен. Повторите попытку через несколько минут.";
                default -> "Сервис сейчас недоступен. Повторите попытку через несколько минут.";
            });
        }
    }

    static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new java.util.ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }
}
