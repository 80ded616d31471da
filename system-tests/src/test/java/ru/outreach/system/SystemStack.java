package ru.outreach.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.TestTokenEndpoint;

/**
 * A real Kafka broker and the MongoDB-compatible store in this JVM, and the services as processes connected to them:
 * started once for all system tests, stopped when the JVM ends. The services' clock starts at 23:30 UTC of the
 * machine's day, when the city's date (Europe/Moscow) is already the next day: the tests take "today" from
 * {@link #today()}, as the services do, so they pass at any hour.
 */
final class SystemStack {

    private static SystemStack running;

    /** 23:30 UTC: the hour at which a test taking today from the machine's zone is a day behind the services. */
    static final Instant CLOCK_START = LocalDate.now(ZoneOffset.UTC).atTime(23, 30).toInstant(ZoneOffset.UTC);

    private final Clock clock = CityClock.startingAt(CLOCK_START);
    final EmbeddedKafkaKraftBroker broker;
    final MongoServer store;
    /** The identity provider's token endpoint, for the meetings service's own account (the territory brief). */
    final TestTokenEndpoint tokens = TestTokenEndpoint.forMeetingsService();
    final ServiceProcess appeals;
    final ServiceProcess meetings;
    final ServiceProcess reporting;

    private SystemStack() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        store = new MongoServer(new MemoryBackend());
        String storeUri = store.bindAndGetConnectionString();
        appeals = new ServiceProcess("appeals-service", Map.of(
                "OUTREACH_CLOCK_START", CLOCK_START.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/appeals"));
        meetings = new ServiceProcess("meetings-service", Map.of(
                "OUTREACH_CLOCK_START", CLOCK_START.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/meetings",
                "APPEALS_URL", appeals.url(),
                "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_OUTREACH_TOKEN_URI", tokens.tokenUri(),
                // the brief's circuit breaker tries the appeals service again soon, for the recovery test
                "SPRING_APPLICATION_JSON", """
                        {"resilience4j.circuitbreaker.instances.appeals.wait-duration-in-open-state": "2s",
                         "resilience4j.timelimiter.instances.appeals.timeout-duration": "2s"}"""));
        reporting = new ServiceProcess("reporting-service", Map.of(
                "OUTREACH_CLOCK_START", CLOCK_START.toString(),
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

    /** Today in the city by the services' clock. */
    LocalDate today() {
        return CityClock.today(clock);
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    private void stop() {
        reporting.stop();
        meetings.stop();
        appeals.stop();
        store.shutdownNow();
        tokens.close();
        broker.destroy();
    }
}
