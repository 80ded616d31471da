package ru.outreach.reporting.dashboard;

import java.util.Date;
import com.nimbusds.jwt.JWTClaimsSet;
import ru.outreach.testkit.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal OpenID Connect provider on 127.0.0.1 for the dashboard's browser tests, shaped like the Keycloak realm
 * {@code outreach}: discovery, an authorization endpoint that signs {@link #person} in at once and sends the browser
 * back with {@code code} and {@code state}, a token endpoint that checks the PKCE verifier against the S256 challenge
 * and hands out access tokens the service trusts (signed with the test key, the head's duties) and unsigned ID
 * tokens, with {@code name} and {@code exp}, refresh, and end of session. Records
 * what it was asked. A JUnit extension: register it as a static field; it starts at once (its issuer is needed for
 * the application's properties), is reset before each test and stops after the class.
 */
final class FakeOidcProvider implements BeforeEachCallback, AfterAllCallback {

    static final String CLIENT = "outreach-dashboard";
    static final String HEAD = "Иванова Мария Петровна";
    private static final String REALM = "/realms/outreach";
    private static final String OIDC = REALM + "/protocol/openid-connect";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who signs in next; how long the next tokens live; whether refresh tokens are refused (the session ended). */
    volatile String person = HEAD;
    volatile Duration lifetime = Duration.ofMinutes(5);
    volatile boolean refusingRefresh;
    /** When set, the sign-in is refused with this OAuth error description (error=access_denied). */
    volatile String refusingSignIn;

    /** The authorization requests' parameters, the token requests' form, the end-of-session requests' parameters. */
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();
    /** Every access token and ID token handed out, in order. */
    final List<String> accessTokens = new CopyOnWriteArrayList<>();
    final List<String> idTokens = new CopyOnWriteArrayList<>();

    private record Grant(String challenge, String redirectUri, String nonce, String person) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> people = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final HttpServer server;

    FakeOidcProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** The name in an access token this provider handed out. */
    String personOf(String accessToken) {
        return accessToken == null ? null : people.get(accessToken);
    }

    /** S256: base64url(SHA-256(verifier)) without padding. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        person = HEAD;
        lifetime = Duration.ofMinutes(5);
        refusingRefresh = false;
        refusingSignIn = null;
        authorizations.clear();
        tokenRequests.clear();
        logouts.clear();
        accessTokens.clear();
        idTokens.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("OPTIONS")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization");
            exchange.sendResponseHeaders(204, -1);
        } else if (path.equals(REALM + "/.well-known/openid-configuration")) {
            json(exchange, 200, Map.of("issuer", issuer(),
                    "authorization_endpoint", issuer() + "/protocol/openid-connect/auth",
                    "token_endpoint", issuer() + "/protocol/openid-connect/token",
                    "end_session_endpoint", issuer() + "/protocol/openid-connect/logout",
                    "response_types_supported", List.of("code"),
                    "code_challenge_methods_supported", List.of("S256")));
        } else if (path.equals(OIDC + "/auth")) {
            authorize(exchange, form(exchange.getRequestURI().getRawQuery()));
        } else if (path.equals(OIDC + "/token") && method.equals("POST")) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
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
        if (refusingSignIn != null) {
            redirect(exchange, redirectUri + "?error=access_denied&error_description=" + encode(refusingSignIn)
                    + "&state=" + encode(query.get("state")));
            return;
        }
        String code = "code-" + serial.incrementAndGet();
        codes.put(code, new Grant(query.get("code_challenge"), redirectUri, query.get("nonce"), person));
        redirect(exchange, redirectUri + "?code=" + code + "&state=" + encode(query.get("state")));
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!CLIENT.equals(form.get("client_id"))) {
            json(exchange, 401, Map.of("error", "invalid_client"));
        } else if ("authorization_code".equals(form.get("grant_type"))) {
            Grant grant = codes.remove(form.getOrDefault("code", ""));
            String verifier = form.get("code_verifier");
            if (grant == null || verifier == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                    || !challengeOf(verifier).equals(grant.challenge())) {
                json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
                return;
            }
            json(exchange, 200, tokens(grant.person(), grant.nonce()));
        } else if ("refresh_token".equals(form.get("grant_type"))) {
            String who = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (who == null || refusingRefresh) {
                json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "Session not active"));
                return;
            }
            json(exchange, 200, tokens(who, null));
        } else {
            json(exchange, 400, Map.of("error", "unsupported_grant_type"));
        }
    }

    private Map<String, Object> tokens(String who, String nonce) {
        long now = Instant.now().getEpochSecond();
        long seconds = lifetime.toSeconds();
        int n = serial.incrementAndGet();
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("iss", issuer());
        access.put("sub", "user-" + who.hashCode());
        access.put("azp", CLIENT);
        access.put("iat", now);
        access.put("exp", now + seconds);
        access.put("jti", "access-" + n);
        access.put("typ", "Bearer");
        access.put("name", who);
        access.put("preferred_username", "head");
        Map<String, Object> id = new LinkedHashMap<>(access);
        id.put("aud", CLIENT);
        id.put("typ", "ID");
        id.put("jti", "id-" + n);
        if (nonce != null) {
            id.put("nonce", nonce);
        }
        // the access token is one the service trusts: signed with the test key, the test issuer, the head's duties
        String accessToken = TestTokens.sign(new JWTClaimsSet.Builder()
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("user-" + who.hashCode())
                .issueTime(new Date(now * 1000)).expirationTime(new Date((now + seconds) * 1000))
                .jwtID("access-" + n).claim("azp", CLIENT).claim("typ", "Bearer").claim("name", who)
                .claim("preferred_username", "head")
                .claim("realm_access", Map.of("roles", List.of("head", "administrator"))).build());
        String idToken = jwt(id);
        String refreshToken = "refresh-" + n;
        people.put(accessToken, who);
        refreshTokens.put(refreshToken, who);
        accessTokens.add(accessToken);
        idTokens.add(idToken);
        return Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", seconds,
                "refresh_token", refreshToken, "id_token", idToken, "scope", "openid profile");
    }

    private static String jwt(Map<String, Object> claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(JSON.writeValueAsBytes(claims)) + ".unsigned";
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
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
