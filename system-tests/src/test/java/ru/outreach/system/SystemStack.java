package ru.outreach.system;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A real Kafka broker and the MongoDB-compatible store in this JVM, and the services as processes connected to them:
 * started once for all system tests, stopped when the JVM ends.
 */
final class SystemStack {

    private static SystemStack running;

    final EmbeddedKafkaKraftBroker broker;
    final MongoServer store;
    final ServiceProcess appeals;
    final ServiceProcess meetings;
    final ServiceProcess reporting;

    private SystemStack() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        store = new MongoServer(new MemoryBackend());
        String storeUri = store.bindAndGetConnectionString();
        appeals = new ServiceProcess("appeals-service", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/appeals"));
        meetings = new ServiceProcess("meetings-service", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/meetings",
                "APPEALS_URL", appeals.url(),
                // the brief's circuit breaker tries the appeals service again soon, for the recovery test
                "SPRING_APPLICATION_JSON", """
                        {"resilience4j.circuitbreaker.instances.appeals.wait-duration-in-open-state": "2s",
                         "resilience4j.timelimiter.instances.appeals.timeout-duration": "2s"}"""));
        reporting = new ServiceProcess("reporting-service", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/reporting"));
    }

    static synchronized SystemStack get() {
        if (running == null) {
            SystemStack stack = new SystemStack();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "system-stack-stop"));
            stack.appeals.start();
            stack.meetings.start();
            stack.reporting.start();
            running = stack;
        }
        return running;
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    private void stop() {
        reporting.stop();
        meetings.stop();
        appeals.stop();
        store.shutdownNow();
        broker.destroy();
    }
}
