package ru.outreach.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ru.outreach.testkit.TestTokens;

/**
 * One service started from its built jar as its own process, the way {@code ./run.sh} starts it. Its output goes to
 * {@code target/system-tests/[STACK/]NAME.log}. It trusts the tokens its stack names (the test kit's key and issuer,
 * or a real Keycloak); its health answers on its own management port. The ports are chosen once, so a stopped service
 * comes back at the same address.
 */
final class ServiceProcess implements AutoCloseable, FaultStack.Part {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path log;
    private Path jar;
    private Process process;
    /** The JVM's options: small and quick to start for the tests; {@link #runningAsRunShDoes()} for the benchmark. */
    private List<String> jvmOptions = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    /** Tokens of the test kit: its public key and issuer, checked as in production. */
    static Map<String, String> trustingTestTokens() {
        return Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION",
                "file:" + TestTokens.publicKeyFile().toAbsolutePath(),
                "OIDC_ISSUER_URI", TestTokens.ISSUER);
    }

    /**
     * @param logs        where its log (and the copy of its jar) goes
     * @param trust       whose tokens it accepts ({@link #trustingTestTokens()}, {@link KeycloakProcess#trust()})
     * @param environment the rest of its environment
     */
    ServiceProcess(String name, Path logs, Map<String, String> trust, Map<String, String> environment) {
        this.name = name;
        this.log = logs.resolve(name + ".log");
        this.port = freePort();
        this.managementPort = freePort();
        this.environment = new HashMap<>(environment);
        this.environment.putAll(trust);
        this.environment.put("SERVER_PORT", String.valueOf(port));
        this.environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Started with the JVM options of {@code ./run.sh} ({@code -Xmx512m}, the full JIT), as the benchmark needs. */
    ServiceProcess runningAsRunShDoes() {
        jvmOptions = List.of("-Xmx512m");
        return this;
    }

    /** Starts the process and waits until its health is UP. */
    @Override
    public void restart() {
        start();
    }

    ServiceProcess start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            if (jar == null) {
                jar = copyOfBuiltJar();
                Files.deleteIfExists(log);
            }
            List<String> command = new java.util.ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        await(name + " healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
                    }
                    return healthy();
                });
        return this;
    }

    /** A copy, so that a build running meanwhile cannot pull the jar from under the process. */
    private Path copyOfBuiltJar() throws IOException {
        Path built = Path.of("..", name, "target", name + ".jar").toAbsolutePath().normalize();
        if (!Files.exists(built)) {
            throw new IllegalStateException(built + " is not built: run the tests through Maven from the root");
        }
        Files.createDirectories(log.getParent());
        return Files.copy(built, log.resolveSibling(name + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops the process as an operator would (SIGTERM), and waits for it to end. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the process without warning (SIGKILL): no shutdown hook, no graceful end of requests; waits for it. */
    @Override
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The operating system's id of the running process, or -1 when it is not running. */
    @Override
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path log() {
        return log;
    }

    /** Whether its health answers UP now. */
    boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
