package ru.outreach.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Keycloak of the local stack (the distribution {@code ./run.sh} starts, unpacked by Maven into
 * {@code target/keycloak} in the pre-integration-test phase) as a process of the JDK that runs the tests, on free
 * ports, with the realm {@code outreach} imported from {@code deploy/keycloak/outreach-realm.json}. Its database is in
 * memory ({@code --db=dev-mem}), so every start imports the realm file as it is now and leaves nothing behind. Built
 * once per unpacked distribution ({@code kc.sh build}: 7–13 s on a quiet machine with two cores, 43 s on a busy
 * one), then {@code start --optimized}: about 10–15 s to the realm's discovery document (33 s busy), against 21 s
 * (32 s the first time) for {@code start-dev}, which builds again at every start. Its output goes to
 * {@code target/system-tests/keycloak/keycloak.log}.
 */
final class KeycloakProcess {

    static final String REALM = "outreach";
    static final String PASSWORD = "demo";
    /** The meetings service's own account (the territory brief), as in the realm file. */
    static final String MEETINGS_CLIENT_SECRET = "meetings-service-secret";
    /** The staff's pages' client {@code outreach-staff-web}, as in the realm file. */
    static final String STAFF_WEB_CLIENT_SECRET = "staff-web-secret";
    /** The master realm's bootstrap administrator, for the admin REST API. */
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin";
    /** Bounds the build and the start: a clear failure instead of a hung build (system-tests/pom.xml sets it). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("keycloak.startTimeoutSeconds", 180));

    /** Build-time options; the marker file names them, so a change builds again. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final Path realmFile;
    private final Path log;
    private final int port = ServiceProcess.freePort();
    private final int managementPort = ServiceProcess.freePort();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private Process process;
    private long launchedAt;
    /** How long the last start took until the realm answered, and whether it had to build first. */
    Duration startedIn;
    Duration builtIn = Duration.ZERO;

    KeycloakProcess(Path logs) {
        this.home = Path.of(required("keycloak.home")).toAbsolutePath().normalize();
        this.realmFile = Path.of(required("keycloak.realm")).toAbsolutePath().normalize();
        this.log = logs.resolve("keycloak.log");
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + ": run the system tests through "
                    + "Maven from the root (./mvnw verify -pl system-tests -am), whose pre-integration-test phase "
                    + "unpacks org.keycloak:keycloak-quarkus-dist from Maven Central (or ~/.m2)");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("No realm file at " + realmFile);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the system tests "
                    + "through Maven (failsafe sets it, see system-tests/pom.xml)");
        }
        return value;
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    String tokenUri() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The environment that makes a service trust this Keycloak, and the meetings service sign in to it. */
    Map<String, String> trust() {
        return Map.of("OIDC_ISSUER_URI", issuer(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", issuer() + "/protocol/openid-connect/certs",
                "MEETINGS_CLIENT_SECRET", MEETINGS_CLIENT_SECRET);
    }

    /** Builds it if needed and starts it, without waiting for it (see {@link #awaitReady()}). */
    KeycloakProcess launch() {
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            build();
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(),
                    "start", "--optimized", "--import-realm", "--cache=local",
                    "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + managementPort, "--hostname=http://127.0.0.1:" + port));
            launchedAt = System.nanoTime();
            process = processBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
        return this;
    }

    /** Waits, at most {@link #START_TIMEOUT}, until the realm's discovery document answers. */
    KeycloakProcess awaitReady() {
        try {
            await("Keycloak's realm " + REALM).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsMatching(e -> e instanceof IOException)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                                    + "; see " + log.toAbsolutePath() + ":\n" + tail());
                        }
                        return get(issuer() + "/.well-known/openid-configuration") == 200;
                    });
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT.toSeconds()
                    + " s; see " + log.toAbsolutePath() + ":\n" + tail(), e);
        }
        startedIn = Duration.ofNanos(System.nanoTime() - launchedAt);
        System.out.printf("Keycloak %s answers after %.1f s (kc.sh build before it: %.1f s)%n", issuer(),
                startedIn.toMillis() / 1000.0, builtIn.toMillis() / 1000.0);
        return this;
    }

    /** {@code kc.sh build} once per unpacked distribution and build options, bounded like the start. */
    private void build() throws IOException {
        Path marker = home.resolve("system-tests-build.txt");
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        long started = System.nanoTime();
        Process build = processBuilder(command).start();
        try {
            if (!build.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill(build);
                throw new IllegalStateException("kc.sh build did not end within " + START_TIMEOUT.toSeconds()
                        + " s; see " + log.toAbsolutePath() + ":\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(build);
            throw new IllegalStateException("Interrupted while building Keycloak", e);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with " + build.exitValue() + "; see "
                    + log.toAbsolutePath() + ":\n" + tail());
        }
        builtIn = Duration.ofNanos(System.nanoTime() - started);
        Files.writeString(marker, wanted);
    }

    /** kc.sh under the JDK that runs the tests, its output appended to the log. */
    private ProcessBuilder processBuilder(List<String> command) {
        home.resolve("bin/kc.sh").toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", javaHome().toString());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // JDK 24 and later: no warnings about sun.misc.Unsafe, no IllegalAccessError from Quarkus at stop (as run.sh)
        if (Runtime.version().feature() >= 24) {
            environment.put("JAVA_OPTS_APPEND", "--sun-misc-unsafe-memory-access=allow "
                    + "--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return builder;
    }

    private static Path javaHome() {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("Cannot tell which java runs the tests")));
        return java.toAbsolutePath().getParent().getParent();
    }

    /**
     * The access token of a local user (password {@code demo}), by the password grant of {@code outreach-cli}; kept
     * for the next call (it lives 15 minutes: see {@link #freshToken} for a later step of a long test).
     */
    String token(String username) {
        return tokens.computeIfAbsent(username, this::freshToken);
    }

    /** A new access token of a local user, as {@link #token} but not kept. */
    String freshToken(String user) {
        String form = "grant_type=password&client_id=outreach-cli&username=" + encode(user) + "&password=" + PASSWORD;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused " + user + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return Http.JSON.readTree(response.body()).path("access_token").asString();
    }

    /**
     * Lets a browser client of the realm come back to a page at {@code origin} (a service on a free port, where the
     * realm file names the fixed ports of ./run.sh): adds {@code origin/*} to the client's redirect URIs and to its
     * redirect URIs after sign-out, through the admin REST API as the bootstrap administrator of the master realm.
     * Its web origins ({@code +}) follow the redirect URIs, so the page may call the token endpoint.
     */
    void allowRedirectsTo(String clientId, String origin) {
        String admin = adminToken();
        String clients = "http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/clients";
        HttpResponse<String> found = send(HttpRequest.newBuilder(
                URI.create(clients + "?clientId=" + encode(clientId))).header("Authorization", "Bearer " + admin));
        JsonNode list = Http.JSON.readTree(found.body());
        if (found.statusCode() != 200 || list.size() != 1) {
            throw new IllegalStateException("No client " + clientId + " in the realm: HTTP " + found.statusCode()
                    + " " + found.body());
        }
        ObjectNode client = (ObjectNode) list.get(0);
        String pattern = origin.replaceAll("/+$", "") + "/*";
        (client.withArrayProperty("redirectUris")).add(pattern);
        ObjectNode attributes = client.withObjectProperty("attributes");
        String afterSignOut = attributes.path("post.logout.redirect.uris").asString("");
        attributes.put("post.logout.redirect.uris", afterSignOut.isEmpty() ? pattern : afterSignOut + "##" + pattern);
        HttpResponse<String> updated = send(HttpRequest.newBuilder(
                        URI.create(clients + "/" + client.path("id").asString()))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(client))));
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not update the client " + clientId + ": HTTP "
                    + updated.statusCode() + " " + updated.body());
        }
    }

    /** The bootstrap administrator's token (KC_BOOTSTRAP_ADMIN_*, see {@link #processBuilder}), by admin-cli. */
    private String adminToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + ADMIN + "&password=" + ADMIN_PASSWORD)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused its bootstrap administrator: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return Http.JSON.readTree(response.body()).path("access_token").asString();
    }

    /** The claims of a token, as the services read them. */
    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return Http.JSON.readTree(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to Keycloak (kc.sh execs its JVM; any child is stopped too), then SIGKILL after 30 s. */
    synchronized void stop() {
        if (process != null) {
            kill(process);
            process = null;
        }
    }

    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
