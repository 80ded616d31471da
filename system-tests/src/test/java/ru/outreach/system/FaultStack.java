package ru.outreach.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.TestTokenEndpoint;

/**
 * The whole product as processes, for {@link FaultInjectionIT} alone: the Kafka broker and the embedded store started
 * from {@code deploy/local-stack} as {@code ./run.sh} starts them (each its own process, data in a folder under
 * {@code target/system-tests/faults}), and the three services from their jars. Any of the five can be killed with
 * SIGKILL and started again on the same ports and data. The services' clock starts at {@link SystemStack#CLOCK_START}
 * (23:30 UTC), as in the other system tests; "today" is {@link #today()}.
 * <p>
 * Its own stack, not {@link SystemStack}'s: that one keeps the broker and the store inside the test's JVM, where they
 * cannot be killed on their own.
 */
final class FaultStack implements AutoCloseable {

    /** One of the five processes that the suite kills: its name in the table, how to kill it, how to start it. */
    /** A process the suite kills with SIGKILL and starts again on the same ports and data. */
    interface Part {
        String name();

        long pid();

        void kill();

        void restart();

        Path log();
    }

    private final Clock clock = CityClock.startingAt(SystemStack.CLOCK_START);
    final LocalStackProcess broker;
    final LocalStackProcess store;
    final TestTokenEndpoint tokens;
    final ServiceProcess appeals;
    final ServiceProcess meetings;
    final ServiceProcess reporting;
    private boolean stopped;

    private FaultStack(Path dir) {
        deleteRecursively(dir); // a fresh broker and store: the broker's storage is formatted once per run
        broker = LocalStackProcess.broker(dir);
        store = LocalStackProcess.store(dir);
        tokens = TestTokenEndpoint.forMeetingsService();
        Map<String, String> trust = ServiceProcess.trustingTestTokens();
        Map<String, String> meetingsTrust = new HashMap<>(trust);
        meetingsTrust.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_OUTREACH_TOKEN_URI", tokens.tokenUri());
        String clockStart = SystemStack.CLOCK_START.toString();
        appeals = new ServiceProcess("appeals-service", dir, trust, Map.of(
                "OUTREACH_CLOCK_START", clockStart,
                "KAFKA_BOOTSTRAP_SERVERS", broker.address(),
                "MONGODB_URI", store.address() + "/appeals"));
        meetings = new ServiceProcess("meetings-service", dir, meetingsTrust, Map.of(
                "OUTREACH_CLOCK_START", clockStart,
                "KAFKA_BOOTSTRAP_SERVERS", broker.address(),
                "MONGODB_URI", store.address() + "/meetings",
                "APPEALS_URL", appeals.url()));
        reporting = new ServiceProcess("reporting-service", dir, trust, Map.of(
                "OUTREACH_CLOCK_START", clockStart,
                "KAFKA_BOOTSTRAP_SERVERS", broker.address(),
                "MONGODB_URI", store.address() + "/reporting"));
    }

    /** Starts the broker and the store, then the three services side by side; returns when all are healthy. */
    static FaultStack start(Path dir) {
        return start(new FaultStack(dir));
    }

    /**
     * The same, with the services on the JVM options of {@code ./run.sh} (the full JIT, 512 MB), for
     * {@link PipelineBenchmark}.
     */
    static FaultStack startAsRunShDoes(Path dir) {
        FaultStack stack = new FaultStack(dir);
        stack.appeals.runningAsRunShDoes();
        stack.meetings.runningAsRunShDoes();
        stack.reporting.runningAsRunShDoes();
        return start(stack);
    }

    private static FaultStack start(FaultStack stack) {
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-stop"));
        try {
            CompletableFuture<?> broker = CompletableFuture.runAsync(stack.broker::start);
            CompletableFuture<?> store = CompletableFuture.runAsync(stack.store::start);
            CompletableFuture.allOf(broker, store).join();
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(stack.appeals::start),
                    CompletableFuture.runAsync(stack.meetings::start),
                    CompletableFuture.runAsync(stack.reporting::start)).join();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The five processes in the order the suite kills them. */
    List<Part> parts() {
        return List.of(store, broker, appeals, meetings, reporting);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }

    /** Today in the city by the services' clock. */
    LocalDate today() {
        return CityClock.today(clock);
    }

    /** Services first, then the store and the broker, each with SIGTERM. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        reporting.stop();
        meetings.stop();
        appeals.stop();
        store.stop();
        tokens.close();
        broker.stop();
    }
}
