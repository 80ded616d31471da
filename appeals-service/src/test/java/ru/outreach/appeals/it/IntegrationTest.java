package ru.outreach.appeals.it;

import java.net.http.HttpClient;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The whole service over real HTTP, with a real Kafka broker (embedded KRaft) and the MongoDB-compatible store in
 * memory. Subclasses share one application context, so data of other tests is present: use fresh ids and names.
 * The deadline check runs every few hundred milliseconds: use due dates far enough ahead in REST flows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "outreach.outbox.sweep-interval=500ms",
                "outreach.terms.check-interval=300ms",
                "outreach.terms.check-initial-delay=0s",
                "outreach.intake.retries=2",
                "outreach.intake.retry-backoff=100ms",
                "outreach.intake.retry-max-backoff=200ms"})
@EmbeddedKafka(partitions = 3)
public abstract class IntegrationTest {

    static final MongoServer STORE = new MongoServer(new MemoryBackend());
    static final String STORE_URI = STORE.bindAndGetConnectionString() + "/appeals";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> STORE_URI);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                .build());
    }

    protected TopicReader reader(String topic) {
        return new TopicReader(broker.getBrokersAsString(), topic);
    }

    protected IntakeProducer intake() {
        return new IntakeProducer(broker.getBrokersAsString());
    }
}
