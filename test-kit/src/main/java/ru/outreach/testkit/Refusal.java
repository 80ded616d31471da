package ru.outreach.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One malformed request of a table and what it must get: a 4xx status, RFC 9457 problem details
 * ({@code application/problem+json}) in Russian unless English is asked for, and the field named where there is one.
 *
 * @param name   what is wrong, as the test report shows it
 * @param field  the field the answer must name in {@code errors}, or null where the request has no field to blame
 * @param detail a piece of text the detail must contain, or null
 */
public record Refusal(String name, String method, String path, Map<String, String> headers, byte[] body,
                      int status, String field, String detail) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";

    public static Refusal get(String name, String path, int status, String field) {
        return new Refusal(name, "GET", path, Map.of(), null, status, field, null);
    }

    public static Refusal send(String name, String method, String path, String body, int status, String field) {
        return new Refusal(name, method, path, Map.of("Content-Type", JSON_TYPE), utf8(body), status, field, null);
    }

    public static Refusal post(String name, String path, String body, int status, String field) {
        return send(name, "POST", path, body, status, field);
    }

    public Refusal header(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Refusal(name, method, path, more, body, status, field, detail);
    }

    public Refusal withBody(byte[] raw) {
        return new Refusal(name, method, path, headers, raw, status, field, detail);
    }

    /** The detail must contain {@code text}. */
    public Refusal saying(String text) {
        return new Refusal(name, method, path, headers, body, status, field, text);
    }

    public RawHttp.Answer sendTo(RawHttp http) {
        return http.send(method, path, headers, body);
    }

    /** Asserts the answer is this case's refusal; returns the problem for further checks. */
    public JsonNode check(RawHttp.Answer answer) {
        assertThat(answer.status()).as("%s: status of %s %s, body %s", name, method, path, answer.body())
                .isEqualTo(status);
        return checkProblem(answer);
    }

    /** The answer is RFC 9457 problem details, in Russian unless English was asked for, naming {@code field}. */
    public JsonNode checkProblem(RawHttp.Answer answer) {
        assertThat(answer.status()).as(name).isBetween(400, 499);
        assertThat(answer.contentType()).as("%s: content type, body %s", name, answer.body())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).as(name).isEqualTo(answer.status());
        assertThat(problem.path("title").asString()).as(name).isNotBlank();
        String text = problem.path("detail").asString();
        boolean english = headers.getOrDefault("Accept-Language", "").startsWith("en");
        assertThat(text).as("%s: detail in %s", name, english ? "English" : "Russian")
                .matches(english ? "(?s)[^А-Яа-яЁё]+" : "(?s).*[А-Яа-яЁё].*");
        assertThat(text).as(name).doesNotContain("[Ljava", "Exception", "tools.jackson", "<html");
        if (field != null) {
            List<String> fields = problem.path("errors").valueStream().map(e -> e.path("field").asString())
                    .toList();
            assertThat(fields).as("%s: fields named in %s", name, answer.body()).containsExactly(field);
        }
        if (detail != null) {
            assertThat(text).as(name).contains(detail);
        }
        return problem;
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
