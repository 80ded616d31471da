package ru.outreach.testkit;

import java.net.http.HttpClient;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * A whole service over real HTTP, with a real Kafka broker (embedded KRaft) and the MongoDB-compatible store in
 * memory. Subclasses share one application context (add properties with {@code @TestPropertySource}), so data of
 * other tests is present: use fresh ids and names. {@link #http} sends the token of a test person with every duty
 * ({@link TestTokens#everyDuty()}); {@code JsonApi.as(person)} acts as someone else. The actuator answers on its own
 * port, {@link #managementPort}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "outreach.outbox.sweep-interval=500ms"})
@TestIdentity
@EmbeddedKafka(partitions = 3)
public abstract class ServiceIntegrationTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestStore.uri("test"));
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    protected RestClient http;

    @BeforeEach
    void http() {
        http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                .requestInterceptor(TestTokens.actingAs(TestTokens.everyDuty()))
                .build();
    }

    /** The management port's actuator (health, Prometheus), without a token as a probe or a scraper calls it. */
    protected JsonApi management() {
        return new JsonApi(RestClient.builder().baseUrl("http://127.0.0.1:" + managementPort)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient())).build());
    }

    protected TopicReader reader(String topic) {
        return new TopicReader(broker.getBrokersAsString(), topic);
    }
}
