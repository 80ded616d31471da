package ru.outreach.staffweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ru.outreach.testkit.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal OpenID Connect provider on 127.0.0.1 shaped like the realm {@code outreach}: discovery, JWKS with the test
 * key, an authorization endpoint that signs {@link #person} in at once, a token endpoint that checks the confidential
 * client's secret and the PKCE verifier and issues signed ID and access tokens (the access token as
 * {@link TestTokens} makes them, with the person's duties and group), and end of session.
 */
final class FakeOidcProvider {

    static final String CLIENT = "outreach-staff-web";
    static final String SECRET = "staff-web-secret";
    private static final String REALM = "/realms/outreach";
    private static final String OIDC = REALM + "/protocol/openid-connect";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    volatile TestTokens.Person person;
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();
    final List<String> accessTokens = new CopyOnWriteArrayList<>();

    private record Grant(String challenge, String redirectUri, String nonce, TestTokens.Person person) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final HttpServer server;
    private final Map<String, Object> jwks;

    FakeOidcProvider() {
        try {
            String pem = Files.readString(TestTokens.publicKeyFile()).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            jwks = Map.of("keys", List.of(new RSAKey.Builder(key).keyID("test").algorithm(
                    com.nimbusds.jose.JWSAlgorithm.RS256).build().toJSONObject()));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext(REALM, exchange -> {
            try (exchange) {
                handle(exchange);
            }
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    void stop() {
        server.stop(0);
    }

    void reset(TestTokens.Person next) {
        person = next;
        authorizations.clear();
        tokenRequests.clear();
        logouts.clear();
        accessTokens.clear();
    }

    static String challengeOf(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(REALM + "/.well-known/openid-configuration")) {
            Map<String, Object> discovery = new LinkedHashMap<>();
            discovery.put("issuer", issuer());
            discovery.put("authorization_endpoint", issuer() + "/protocol/openid-connect/auth");
            discovery.put("token_endpoint", issuer() + "/protocol/openid-connect/token");
            discovery.put("jwks_uri", issuer() + "/protocol/openid-connect/certs");
            discovery.put("end_session_endpoint", issuer() + "/protocol/openid-connect/logout");
            discovery.put("response_types_supported", List.of("code"));
            discovery.put("subject_types_supported", List.of("public"));
            discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
            discovery.put("code_challenge_methods_supported", List.of("S256"));
            discovery.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
            json(exchange, 200, discovery);
        } else if (path.equals(OIDC + "/certs")) {
            json(exchange, 200, jwks);
        } else if (path.equals(OIDC + "/auth")) {
            authorize(exchange, form(exchange.getRequestURI().getRawQuery()));
        } else if (path.equals(OIDC + "/token") && exchange.getRequestMethod().equals("POST")) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String basic = exchange.getRequestHeaders().getFirst("Authorization");
            if (basic != null && basic.startsWith("Basic ")) {
                String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                        .split(":", 2);
                form.put("client_id", URLDecoder.decode(pair[0], StandardCharsets.UTF_8));
                form.put("client_secret", URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
            }
            tokenRequests.add(form);
            token(exchange, form);
        } else if (path.equals(OIDC + "/logout")) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            logouts.add(query);
            redirect(exchange, query.get("post_logout_redirect_uri"));
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        authorizations.add(query);
        String redirectUri = query.getOrDefault("redirect_uri", "");
        if (!"code".equals(query.get("response_type")) || !CLIENT.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || !redirectUri.startsWith("http://127.0.0.1:") || query.get("state") == null) {
            text(exchange, 400, "invalid authorization request: " + query);
            return;
        }
        String code = "code-" + serial.incrementAndGet();
        codes.put(code, new Grant(query.get("code_challenge"), redirectUri, query.get("nonce"), person));
        redirect(exchange, redirectUri + "?code=" + code + "&state=" + encode(query.get("state")));
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!CLIENT.equals(form.get("client_id")) || !SECRET.equals(form.get("client_secret"))) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        String verifier = form.get("code_verifier");
        try {
            if (!"authorization_code".equals(form.get("grant_type")) || grant == null || verifier == null
                    || !grant.redirectUri().equals(form.get("redirect_uri"))
                    || !challengeOf(verifier).equals(grant.challenge())) {
                json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
                return;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        TestTokens.Person who = grant.person();
        long now = Instant.now().getEpochSecond();
        String subject = "user-" + who.username();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT).subject(subject)
                .issueTime(new Date(now * 1000)).expirationTime(new Date((now + 300) * 1000))
                .claim("azp", CLIENT).claim("name", who.fullName()).claim("preferred_username", who.username());
        if (grant.nonce() != null) {
            id.claim("nonce", grant.nonce());
        }
        String accessToken = TestTokens.sign(who, claims -> claims.subject(subject).claim("azp", CLIENT));
        accessTokens.add(accessToken);
        json(exchange, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300,
                "refresh_token", "refresh-" + serial.incrementAndGet(), "id_token", TestTokens.sign(id.build()),
                "scope", "openid profile"));
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int cut = pair.indexOf('=');
            String key = cut < 0 ? pair : pair.substring(0, cut);
            String value = cut < 0 ? "" : pair.substring(cut + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
