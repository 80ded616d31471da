package ru.outreach.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka broker or the embedded store as its own process, started from {@code deploy/local-stack/target} (the jar
 * and its class path) with the same main classes and settings as {@code ./run.sh}: {@code kafka.Kafka} (KRaft, broker
 * and controller in one node, data in a folder) and {@code ru.outreach.localstack.EmbeddedStore} (H2 file, each write
 * in the file before it is answered). The ports and the data stay the same across a {@link #kill()} and the next
 * {@link #start()}, so the services find it where it was, with what it had. Output goes to {@code DIR/NAME.log}.
 */
final class LocalStackProcess implements FaultStack.Part {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Path dir;
    private final Path log;
    private final List<String> command;
    private final BooleanSupplier ready;
    private final String address;
    private Process process;

    private LocalStackProcess(String name, Path dir, List<String> command, BooleanSupplier ready, String address) {
        this.name = name;
        this.dir = dir;
        this.log = dir.resolve(name + ".log");
        this.command = command;
        this.ready = ready;
        this.address = address;
    }

    /** A single-node KRaft broker whose data lives in {@code dir/kafka}, formatted once here. */
    static LocalStackProcess broker(Path dir) {
        int port = ServiceProcess.freePort();
        int controllerPort = ServiceProcess.freePort();
        Path data = dir.resolve("kafka").toAbsolutePath();
        Path config = dir.resolve("kafka.properties").toAbsolutePath();
        String bootstrap = "127.0.0.1:" + port;
        try {
            Files.createDirectories(data);
            // as run.sh writes it, on free ports
            Files.writeString(config, """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@127.0.0.1:%2$d
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=3
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    log.retention.ms=-1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(port, controllerPort, data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classPath = localStackClassPath();
        String java = java();
        format(java, classPath, config, dir);
        List<String> command = List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-cp", classPath, "kafka.Kafka", config.toString());
        return new LocalStackProcess("kafka", dir, command, () -> brokerAnswers(bootstrap), bootstrap);
    }

    /** The embedded store on a file in {@code dir/store}, durable per write (the default of {@code ./run.sh}). */
    static LocalStackProcess store(Path dir) {
        int port = ServiceProcess.freePort();
        Path file = dir.resolve("store").resolve("store.mv").toAbsolutePath();
        List<String> command = List.of(java(), "-Xmx1g", "-cp", localStackClassPath(),
                "ru.outreach.localstack.EmbeddedStore", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--file", file.toString(), "--durability", "write");
        return new LocalStackProcess("store", dir, command, () -> portOpen(port), "mongodb://127.0.0.1:" + port);
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code host:port} of the broker, {@code mongodb://host:port} of the store. */
    String address() {
        return address;
    }

    @Override
    public Path log() {
        return log;
    }

    /** The operating system's id of the running process, or -1 when it is not running. */
    @Override
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the process on its ports and data and waits until it answers. */
    @Override
    public void restart() {
        start();
    }

    LocalStackProcess start() {
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        Process started = process;
        await(name + " ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            }
            return ready.getAsBoolean();
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, nothing flushed or closed; waits until the process is gone. */
    @Override
    public void kill() {
        end(true);
    }

    /** SIGTERM, as an operator stops it; killed after 30 s. */
    void stop() {
        end(false);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        try {
            if (forcibly) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } else {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** {@code kafka-storage format}, as {@code ./run.sh} does before the first start. */
    private static void format(String java, String classPath, Path config, Path dir) {
        Path log = dir.resolve("kafka-format.log");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!format.waitFor(90, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the broker's storage took over 90 s; see " + log);
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the broker's storage failed; see " + log.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean brokerAnswers(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What {@code ./run.sh} starts the broker and the store with: the module's jar and its runtime class path. */
    private static String localStackClassPath() {
        Path target = Path.of("..", "deploy", "local-stack", "target").toAbsolutePath().normalize();
        Path jar = target.resolve("local-stack.jar");
        Path dependencies = target.resolve("classpath.txt");
        if (!Files.exists(jar) || !Files.exists(dependencies)) {
            throw new IllegalStateException(target + " has no local-stack.jar and classpath.txt: build it first"
                    + " (./mvnw verify from the root, or -pl system-tests -am)");
        }
        try {
            return jar + java.io.File.pathSeparator + Files.readString(dependencies).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
