package ru.outreach.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import ru.outreach.testkit.TestTokens;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over real HTTP, as a browser or a script would call the services, with the token of the person who acts. */
final class Http {

    static final Person GENERAL_DEPARTMENT = Person.with("clerk", "general-department");
    static final Person EXECUTOR = Person.with("executor-housing", "executor").inDepartment("Управление ЖКХ");
    static final Person CONTROLLER = Person.with("controller", "controller")
            .inDepartment("Контрольно-организационный сектор");
    static final Person HEAD = Person.with("head", "head");
    static final Person ADMINISTRATOR = Person.with("admin", "administrator");

    /** The secretary of a group: his token names the group, as the realm's {@code outreach_group} does. */
    static Person secretaryOf(String groupName) {
        return Person.with("secretary1", "secretary").inGroup(groupName);
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Response(int status, JsonNode body) {
    }

    private Http() {
    }

    static Response get(Person person, String url) {
        return send(request(person, url).GET());
    }

    static Response post(Person person, String url, Object body) {
        return send(request(person, url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    static Response put(Person person, String url, Object body) {
        return send(request(person, url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** With an access token of the identity provider (a real one), or with none when {@code token} is null. */
    static Response get(String token, String url) {
        return send(request(token, url).GET());
    }

    static Response post(String token, String url, Object body) {
        return send(request(token, url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    static Response put(String token, String url, Object body) {
        return send(request(token, url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static HttpRequest.Builder request(Person person, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", TestTokens.bearer(person));
    }

    private static HttpRequest.Builder request(String token, String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** Insists on a 2xx answer. */
    static JsonNode ok(Response response) {
        if (response.status() / 100 != 2) {
            throw new AssertionError("HTTP " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
