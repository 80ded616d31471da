package ru.outreach.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The store as its own process, killed with SIGKILL while four writers insert as fast as they can: every insert it
 * acknowledged is in the file when it opens again.
 */
class EmbeddedStoreCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        Path file = dir.resolve("store.mv");
        int port = freePort();
        Process store = startProcess(port, file);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (MongoClient client = MongoClients.create(settings(port))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)) != null);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.execute(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String id = writer + "-" + i;
                        try {
                            client.getDatabase("appeals").getCollection("appeals")
                                    .insertOne(new Document("_id", id).append("text", "обращение " + id));
                            acknowledged.add(id);
                        } catch (RuntimeException killed) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 400);
            store.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            store.waitFor(30, TimeUnit.SECONDS);
            stop.set(true);
        } finally {
            writers.shutdownNow();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            store.destroyForcibly();
        }

        try (EmbeddedStore reopened = EmbeddedStore.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            Set<String> stored = new HashSet<>();
            client.getDatabase("appeals").getCollection("appeals").find()
                    .forEach(document -> stored.add(document.getString("_id")));
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(400);
            assertThat(stored).as("acknowledged inserts found after kill -9").containsAll(acknowledged);
        }
    }

    private static Process startProcess(int port, Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(List.of(java, "-cp", classPath, EmbeddedStore.class.getName(),
                "--port", Integer.toString(port), "--file", file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(file.resolveSibling("store.log").toFile())
                .start();
    }

    private static MongoClientSettings settings(int port) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(5, TimeUnit.SECONDS))
                .retryWrites(false)
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
