package ru.outreach.appeals.it;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

import ru.outreach.testkit.ServiceIntegrationTest;

/**
 * The appeals service over real HTTP with a real broker and the store (see {@link ServiceIntegrationTest}). The
 * deadline check runs every few hundred milliseconds: use due dates far enough ahead in REST flows.
 */
@TestPropertySource(properties = {
        "outreach.terms.check-interval=300ms",
        "outreach.terms.check-initial-delay=0s",
        "outreach.consumer.retries=2",
        "outreach.consumer.retry-backoff=100ms",
        "outreach.consumer.retry-max-backoff=200ms"})
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(http);
    }

    protected IntakeProducer intake() {
        return new IntakeProducer(broker.getBrokersAsString());
    }
}
