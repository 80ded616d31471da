package ru.outreach.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, checked over HTTP for every operation of a service's own OpenAPI document, so that a new endpoint
 * cannot be left out: without a token every operation answers 401; with a token of each duty it answers 403 unless the
 * matrix names the duty, and anything but 401 and 403 when it does. The allowed calls ask for an answer no operation
 * gives ({@code Accept: image/gif}): the service refuses them with 406 after the duty check and before any handler
 * runs, so the matrix reads and changes no data. Refused tokens (expired, another issuer, another audience, another
 * key) answer 401 too. Refusals are RFC 9457 problem details, Russian by default, English when asked.
 */
public final class AccessMatrix {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PROBE = "image/gif";

    private final int port;
    private final JsonNode docs;
    private final Map<String, Set<String>> allowed;

    /**
     * @param port    the service's HTTP port
     * @param docs    its {@code /v3/api-docs}
     * @param allowed per operation ({@code "POST /api/groups"}, the path as the document writes it), the duties that
     *                may call it
     */
    public AccessMatrix(int port, JsonNode docs, Map<String, Set<String>> allowed) {
        this.port = port;
        this.docs = docs;
        this.allowed = allowed;
    }

    /** The operations the document lists, as {@code METHOD /path}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method ->
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** One test per operation: its row of the matrix, against every duty and against no token. */
    public Stream<DynamicTest> tests() {
        Stream<DynamicTest> rows = operations().stream().map(operation -> DynamicTest.dynamicTest(operation,
                () -> checkRow(operation)));
        Stream<DynamicTest> complete = Stream.of(DynamicTest.dynamicTest("the matrix names only documented operations",
                () -> assertThat(new TreeSet<>(allowed.keySet())).isSubsetOf(operations())));
        Stream<DynamicTest> signIn = Stream.of(DynamicTest.dynamicTest(
                "Swagger UI signs in through the provider for every operation", this::checkSignInDocumented));
        return Stream.of(complete, signIn, rows).flatMap(tests -> tests);
    }

    /** An OAuth2 authorization-code scheme whose URLs are the issuer's, required by every operation. */
    private void checkSignInDocumented() {
        JsonNode scheme = docs.path("components").path("securitySchemes").path("outreach");
        assertThat(scheme.path("type").asString()).isEqualTo("oauth2");
        JsonNode flow = scheme.path("flows").path("authorizationCode");
        assertThat(flow.path("authorizationUrl").asString()).isEqualTo(TestTokens.ISSUER
                + "/protocol/openid-connect/auth");
        assertThat(flow.path("tokenUrl").asString()).isEqualTo(TestTokens.ISSUER + "/protocol/openid-connect/token");
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                assertThat(operation.getValue().path("security").toString())
                        .as("%s %s requires the sign-in", operation.getKey(), path.getKey())
                        .contains("\"outreach\"")));
    }

    private void checkRow(String operation) {
        assertThat(allowed).as("%s has a row in the matrix (who may call it?)", operation).containsKey(operation);
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "matrix-probe");

        Answer anonymous = send(method, path, null, "ru");
        assertThat(anonymous.status()).as("%s without a token", operation).isEqualTo(401);
        checkProblem(anonymous, false);
        assertThat(anonymous.header("www-authenticate")).as("WWW-Authenticate").startsWith("Bearer");

        for (String duty : TestTokens.EVERY_DUTY) {
            Answer answer = send(method, path, TestTokens.bearer(TestTokens.Person.with("matrix-" + duty, duty)),
                    null);
            if (allowed.get(operation).contains(duty)) {
                assertThat(answer.status()).as("%s by %s: allowed, body %s", operation, duty, answer.body())
                        .isNotIn(401, 403);
            } else {
                assertThat(answer.status()).as("%s by %s: refused, body %s", operation, duty, answer.body())
                        .isEqualTo(403);
                checkProblem(answer, false);
            }
        }
    }

    /** Tokens the service must refuse with 401, whatever their duties: tested on {@code operation}. */
    public Stream<DynamicTest> refusedTokens(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        TestTokens.Person everyDuty = TestTokens.everyDuty();
        return Map.of(
                        "expired", TestTokens.expired(everyDuty),
                        "of another issuer", TestTokens.ofIssuer(everyDuty, "http://127.0.0.1:8180/realms/other"),
                        "for another audience", TestTokens.forAudience(everyDuty, "account"),
                        "signed by another key", signedByAnotherKey(),
                        "not a token", "not-a-token",
                        "without realm roles but valid", TestTokens.token(TestTokens.Person.with("nobody")))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(token -> DynamicTest.dynamicTest("a token " + token.getKey(), () -> {
                    Answer answer = send(method, path, "Bearer " + token.getValue(), "en");
                    int expected = token.getKey().startsWith("without realm roles") ? 403 : 401;
                    assertThat(answer.status()).as("%s: body %s", token.getKey(), answer.body()).isEqualTo(expected);
                    checkProblem(answer, true);
                }));
    }

    /** The headers Spring Security adds to every API answer. */
    public void checkSecurityHeaders(String getPath) {
        Answer answer = send("GET", getPath, TestTokens.bearer(TestTokens.everyDuty()), "ru", "application/json");
        assertThat(answer.status()).as("GET %s: %s", getPath, answer.body()).isEqualTo(200);
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("x-frame-options")).isEqualTo("DENY");
        assertThat(answer.header("cache-control")).contains("no-store");
    }

    private static void checkProblem(Answer answer, boolean english) {
        assertThat(answer.header("content-type")).as("body %s", answer.body()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.path("title").asString()).isNotBlank();
        String detail = problem.path("detail").asString();
        assertThat(detail).matches(english ? "(?s)[^А-Яа-яЁё]+" : "(?s).*[А-Яа-яЁё].*");
        assertThat(answer.body()).doesNotContain("Exception", "at org.", "trace");
    }

    private static String signedByAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), JWTClaimsSet.parse(
                    SignedJWT.parse(TestTokens.token(TestTokens.everyDuty())).getJWTClaimsSet().toJSONObject()));
            jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
            return jwt.serialize();
        } catch (NoSuchAlgorithmException | JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, List.of("")).getFirst();
        }
    }

    private Answer send(String method, String path, String authorization, String language) {
        return send(method, path, authorization, language, PROBE);
    }

    private Answer send(String method, String path, String authorization, String language, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
