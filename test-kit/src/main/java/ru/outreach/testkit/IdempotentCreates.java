package ru.outreach.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header on a service's creates, checked over HTTP against the store and the topic: the
 * same key with the same body answers the first create again (201, the same id and Location) and creates nothing,
 * not even an event; with another body it is refused (422 naming the header); another person's same key is another
 * key; a malformed key is refused (400 naming the header) before anything is written; two attempts at once create
 * one record. A service's {@code IdempotencyKeyIT} runs {@link #tests()} for each of its creates.
 */
public final class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One create operation.
     *
     * @param path          e.g. {@code /api/groups}; the Location of a created record is {@code path/id}
     * @param collection    where the service keeps the records it creates
     * @param topic         where it publishes their events, keyed by the record's id
     * @param caller        a person who may create
     * @param anotherCaller another person who may create
     * @param freshBody     a valid body, another one on each call (so that a unique name is not taken twice)
     */
    public record Create(String path, String collection, String topic, TestTokens.Person caller,
                         TestTokens.Person anotherCaller, Supplier<Object> freshBody) {
    }

    /** What the service answered: status, {@code Location}, content type and body. */
    public record Answer(int status, String location, String contentType, JsonNode body) {

        String id() {
            return body.path("id").asString();
        }
    }

    private final int port;
    private final String brokers;
    private final MongoTemplate store;
    private final List<Create> creates;

    public IdempotentCreates(int port, String brokers, MongoTemplate store, Create... creates) {
        this.port = port;
        this.brokers = brokers;
        this.store = store;
        this.creates = List.of(creates);
    }

    public Stream<DynamicTest> tests() {
        return creates.stream().flatMap(create -> Stream.of(
                DynamicTest.dynamicTest(create.path() + ": the same key and body answer the first create again",
                        () -> sameKeyAndBody(create)),
                DynamicTest.dynamicTest(create.path() + ": the same key with another body is refused",
                        () -> sameKeyAnotherBody(create)),
                DynamicTest.dynamicTest(create.path() + ": another person's same key is another key",
                        () -> anotherCaller(create)),
                DynamicTest.dynamicTest(create.path() + ": a malformed key is refused and nothing is written",
                        () -> malformedKeys(create)),
                DynamicTest.dynamicTest(create.path() + ": two attempts at once with one key create once",
                        () -> concurrentAttempts(create)),
                DynamicTest.dynamicTest(create.path() + ": without a key every create is new",
                        () -> withoutKey(create)),
                DynamicTest.dynamicTest(create.path() + ": the API document names the header",
                        () -> documented(create))));
    }

    private void documented(Create create) throws IOException, InterruptedException {
        HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode operation = JSON.readTree(docs.body()).path("paths").path(create.path()).path("post");
        assertThat(operation.path("parameters").valueStream()
                .filter(parameter -> HEADER.equals(parameter.path("name").asString()))
                .map(parameter -> parameter.path("in").asString() + " " + parameter.path("required").asBoolean()
                        + " " + parameter.path("schema").path("maxLength").asInt()))
                .as("POST %s documents the header", create.path()).containsExactly("header false 255");
        assertThat(operation.path("responses").path("201").path("headers").has("Location")).isTrue();
        assertThat(operation.path("responses").has("422")).isTrue();
    }

    private void sameKeyAndBody(Create create) {
        String key = UUID.randomUUID().toString();
        Object body = create.freshBody().get();

        Answer first = created(create, post(create.caller(), create.path(), body, key));
        try (TopicReader topic = new TopicReader(brokers, create.topic())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(first.id()).size() == 1);
            Answer retry = created(create, post(create.caller(), create.path(), body, key));
            Answer quoted = created(create, post(create.caller(), create.path(), body, "\"" + key + "\""));

            for (Answer again : List.of(retry, quoted)) {
                assertThat(again.id()).isEqualTo(first.id());
                assertThat(again.location()).isEqualTo(first.location());
                assertThat(again.body()).as("the answer of the first create").isEqualTo(first.body());
            }
            assertThat(documentsWithKey(create, key)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(1500)).untilAsserted(() ->
                    assertThat(topic.recordsWithKey(first.id())).as("events of %s", first.id()).hasSize(1));
        }
    }

    private void sameKeyAnotherBody(Create create) {
        String key = UUID.randomUUID().toString();
        created(create, post(create.caller(), create.path(), create.freshBody().get(), key));

        Answer refused = post(create.caller(), create.path(), create.freshBody().get(), key);

        checkProblem(refused, 422, "idempotency-key-reused");
        assertThat(documentsWithKey(create, key)).isEqualTo(1);
    }

    private void anotherCaller(Create create) {
        String key = UUID.randomUUID().toString();
        Answer mine = created(create, post(create.caller(), create.path(), create.freshBody().get(), key));

        Answer theirs = created(create, post(create.anotherCaller(), create.path(), create.freshBody().get(), key));
        Answer mineAgain = post(create.caller(), create.path(), create.freshBody().get(), key);

        assertThat(theirs.id()).isNotEqualTo(mine.id());
        checkProblem(mineAgain, 422, "idempotency-key-reused");
        assertThat(documentsWithKey(create, key)).isEqualTo(2);
    }

    private void malformedKeys(Create create) {
        long before = store.getCollection(create.collection()).countDocuments();
        Object body = create.freshBody().get();
        List<String[]> keys = List.of(new String[] {""}, new String[] {"two words"}, new String[] {"k".repeat(256)},
                new String[] {"tab\there"}, new String[] {"\"a\"b\""}, new String[] {"one", "two"});
        for (String[] key : keys) {
            checkProblem(post(create.caller(), create.path(), body, key), 400, "idempotency-key-invalid",
                    String.join(" | ", key));
        }
        String nonAscii = postRaw(create.caller(), create.path(), body,
                "cl\u00E9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(nonAscii).startsWith("HTTP/1.1 400").contains("urn:outreach:problem:idempotency-key-invalid");
        assertThat(store.getCollection(create.collection()).countDocuments()).as("documents").isEqualTo(before);
        String longest = (UUID.randomUUID() + "k".repeat(255)).substring(0, 255);
        assertThat(created(create, post(create.caller(), create.path(), body, longest)).id()).isNotBlank();
    }

    private void concurrentAttempts(Create create) throws Exception {
        String key = UUID.randomUUID().toString();
        Object body = create.freshBody().get();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Answer>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post(create.caller(), create.path(), body, key);
            }));
        }
        start.countDown();
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> attempt : attempts) {
            answers.add(created(create, attempt.get(60, TimeUnit.SECONDS)));
        }

        assertThat(answers).extracting(Answer::id).containsOnly(answers.getFirst().id());
        assertThat(documentsWithKey(create, key)).isEqualTo(1);
        try (TopicReader topic = new TopicReader(brokers, create.topic())) {
            await().atMost(Duration.ofSeconds(30)).during(Duration.ofMillis(1500)).untilAsserted(() ->
                    assertThat(topic.recordsWithKey(answers.getFirst().id())).hasSize(1));
        }
    }

    private void withoutKey(Create create) {
        Object body = create.freshBody().get();
        Answer first = created(create, post(create.caller(), create.path(), body));
        Answer second = post(create.caller(), create.path(), create.freshBody().get());

        assertThat(created(create, second).id()).isNotEqualTo(first.id());
    }

    /** A 201 with the record's id, and its address in {@code Location}. */
    private static Answer created(Create create, Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(201);
        assertThat(answer.id()).isNotBlank();
        assertThat(answer.location()).isEqualTo(create.path() + "/" + answer.id());
        return answer;
    }

    private static void checkProblem(Answer answer, int status, String type) {
        checkProblem(answer, status, type, "");
    }

    private static void checkProblem(Answer answer, int status, String type, String key) {
        assertThat(answer.status()).as("key %s, answer %s", key, answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asString()).isEqualTo("urn:outreach:problem:" + type);
        assertThat(answer.body().path("errors").valueStream().map(error -> error.path("field").asString()))
                .contains(HEADER);
    }

    private long documentsWithKey(Create create, String key) {
        return store.getCollection(create.collection()).countDocuments(new Document("idempotency.key", key));
    }

    /**
     * The same POST over a plain socket, with the key's bytes as they are (the JDK client would replace a byte
     * outside ASCII by {@code ?}); returns the whole answer as text.
     */
    private String postRaw(TestTokens.Person person, String path, Object body, byte[] key) {
        byte[] json = JSON.writeValueAsBytes(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + "Authorization: " + TestTokens.bearer(person) + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, application/problem+json\r\nContent-Length: " + json.length
                    + "\r\n" + HEADER + ": ").getBytes(StandardCharsets.US_ASCII));
            out.write(key);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    /** POST of a JSON body as {@code person}, with one {@code Idempotency-Key} header per key given. */
    public Answer post(TestTokens.Person person, String path, Object body, String... keys) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.bearer(person))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        for (String key : keys) {
            request.header(HEADER, key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
