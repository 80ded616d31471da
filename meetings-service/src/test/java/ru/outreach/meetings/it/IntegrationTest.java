package ru.outreach.meetings.it;

import org.junit.jupiter.api.BeforeEach;

import ru.outreach.testkit.ServiceIntegrationTest;

/** The meetings service over real HTTP with a real broker and the store (see {@link ServiceIntegrationTest}). */
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(http);
    }
}
