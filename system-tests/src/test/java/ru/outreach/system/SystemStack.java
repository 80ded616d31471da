package ru.outreach.system;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
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
 * <p>
 * Two stacks, each with its own broker, store and services: {@link #get()} trusts the test kit's tokens (any duty,
 * any group, signed in the test), {@link #withKeycloak()} trusts a real Keycloak with the realm's real people and
 * starts the staff's pages on demand ({@link #staffWeb()}). One runs at a time: starting one stops the other (the
 * classes that use Keycloak run first, by their {@code @Order}, see {@code junit-platform.properties}, so each starts
 * once), which keeps two cores and the memory for the one in use.
 */
final class SystemStack {

    private static SystemStack running;
    private static SystemStack runningWithKeycloak;
    /** Why the stack with Keycloak could not start: not tried again for every test. */
    private static RuntimeException keycloakStackFailure;

    /** 23:30 UTC: the hour at which a test taking today from the machine's zone is a day behind the services. */
    static final Instant CLOCK_START = LocalDate.now(ZoneOffset.UTC).atTime(23, 30).toInstant(ZoneOffset.UTC);

    private final Clock clock = CityClock.startingAt(CLOCK_START);
    final EmbeddedKafkaKraftBroker broker;
    final MongoServer store;
    /**
     * With test tokens: the identity provider's token endpoint, for the meetings service's own account (the
     * territory brief); null with Keycloak.
     */
    final TestTokenEndpoint tokens;
    /** The real identity provider; null with test tokens. */
    final KeycloakProcess keycloak;
    final ServiceProcess appeals;
    final ServiceProcess meetings;
    final ServiceProcess reporting;
    private final Path logs;
    /** The staff's pages, with Keycloak only: started at their first use (see {@link #staffWeb()}), null before. */
    private ServiceProcess staffWeb;
    private boolean stopped;

    private SystemStack(boolean withKeycloak) {
        logs = withKeycloak ? Path.of("target", "system-tests", "keycloak") : Path.of("target", "system-tests");
        Map<String, String> trust;
        Map<String, String> meetingsTrust;
        if (withKeycloak) {
            tokens = null;
            // first and alone: started beside the services, on two cores, it took 125 s and they 60 s each
            keycloak = new KeycloakProcess(logs);
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "keycloak-stop"));
            keycloak.launch().awaitReady();
            trust = keycloak.trust();
            meetingsTrust = trust;
        } else {
            keycloak = null;
            tokens = TestTokenEndpoint.forMeetingsService();
            trust = ServiceProcess.trustingTestTokens();
            meetingsTrust = new HashMap<>(trust);
            meetingsTrust.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_OUTREACH_TOKEN_URI", tokens.tokenUri());
        }
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        store = new MongoServer(new MemoryBackend());
        String storeUri = store.bindAndGetConnectionString();
        appeals = new ServiceProcess("appeals-service", logs, trust, Map.of(
                "OUTREACH_CLOCK_START", CLOCK_START.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/appeals"));
        meetings = new ServiceProcess("meetings-service", logs, meetingsTrust, Map.of(
                "OUTREACH_CLOCK_START", CLOCK_START.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/meetings",
                "APPEALS_URL", appeals.url(),
                // the brief's circuit breaker tries the appeals service again soon, for the recovery test
                "SPRING_APPLICATION_JSON", """
                        {"resilience4j.circuitbreaker.instances.appeals.wait-duration-in-open-state": "2s",
                         "resilience4j.timelimiter.instances.appeals.timeout-duration": "2s"}"""));
        reporting = new ServiceProcess("reporting-service", logs, trust, Map.of(
                "OUTREACH_CLOCK_START", CLOCK_START.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString(),
                "MONGODB_URI", storeUri + "/reporting"));
    }

    /** The stack whose services trust the test kit's tokens. */
    static synchronized SystemStack get() {
        if (running == null) {
            if (runningWithKeycloak != null) {
                runningWithKeycloak.stop();
                runningWithKeycloak = null;
            }
            running = started(new SystemStack(false));
        }
        return running;
    }

    /**
     * The stack whose services trust a real Keycloak (see {@link KeycloakProcess}); its start is bounded by
     * {@link KeycloakProcess#START_TIMEOUT} and fails naming its log.
     */
    static synchronized SystemStack withKeycloak() {
        if (keycloakStackFailure != null) {
            throw new IllegalStateException("The stack with Keycloak did not start: " + keycloakStackFailure.getMessage(),
                    keycloakStackFailure);
        }
        if (runningWithKeycloak == null) {
            if (running != null) {
                running.stop();
                running = null;
            }
            try {
                runningWithKeycloak = started(new SystemStack(true));
            } catch (RuntimeException e) {
                keycloakStackFailure = e;
                throw e;
            }
        }
        return runningWithKeycloak;
    }

    private static SystemStack started(SystemStack stack) {
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "system-stack-stop"));
        stack.appeals.start();
        stack.meetings.start();
        stack.reporting.start();
        return stack;
    }

    /**
     * The staff's pages ({@code staff-web}) as {@code ./run.sh} starts them: the confidential client
     * {@code outreach-staff-web} of this stack's Keycloak, calling this stack's services. Started at the first call
     * (about 10–20 s), so the tests that do not open them do not wait for them; the realm lets the client come back
     * only to ./run.sh's fixed port, so the address of this run is added to the client first.
     */
    synchronized ServiceProcess staffWeb() {
        if (keycloak == null) {
            throw new IllegalStateException("The staff's pages sign people in at Keycloak: use SystemStack.withKeycloak()");
        }
        if (staffWeb == null) {
            ServiceProcess pages = new ServiceProcess("staff-web", logs, keycloak.trust(), Map.of(
                    "STAFF_WEB_CLIENT_SECRET", KeycloakProcess.STAFF_WEB_CLIENT_SECRET,
                    "MEETINGS_URL", meetings.url(),
                    "APPEALS_URL", appeals.url(),
                    "REPORTING_URL", reporting.url()));
            keycloak.allowRedirectsTo("outreach-staff-web", pages.url());
            staffWeb = pages.start();
        }
        return staffWeb;
    }

    /** Today in the city by the services' clock. */
    LocalDate today() {
        return CityClock.today(clock);
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (staffWeb != null) {
            staffWeb.stop();
        }
        reporting.stop();
        meetings.stop();
        appeals.stop();
        store.shutdownNow();
        if (tokens != null) {
            tokens.close();
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        broker.destroy();
    }
}
