package ru.outreach.reporting.dashboard;

import ru.outreach.testkit.TestIdentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.outreach.testkit.TestStore;

/**
 * The admin button of the dashboard: it asks before it starts, then shows the rebuild's progress until it is done.
 * A service of its own (the rebuild drops the read models), on empty topics.
 */
@TestIdentity
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
@Import(ApiRequestLog.class)
class DashboardRebuildIT {

    @RegisterExtension
    static final Browser browser = new Browser(1366, 768);

    /** The page signs in: the rebuild's POST and its polls go with the token. */
    @RegisterExtension
    static final FakeOidcProvider identity = new FakeOidcProvider();

    @LocalServerPort
    int port;

    @Autowired
    ApiRequestLog requests;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestStore.uri("dashboard-rebuild"));
        registry.add("outreach.dashboard.issuer-uri", identity::issuer);
    }

    @Test
    void rebuildAsksFirstAndShowsItsProgressToTheEnd() throws IOException {
        browser.open("http://127.0.0.1:" + port + "/");
        assertThat(browser.driver.findElement(By.id("account-name")).getText()).isEqualTo(FakeOidcProvider.HEAD);

        browser.driver.findElement(By.id("rebuild")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rebuild-status"),
                "Перестройка завершена"));
        assertThat(browser.driver.findElement(By.id("rebuild")).isEnabled()).isTrue();
        assertThat(requests.calls).filteredOn(call -> call.path().equals("/api/admin/rebuild"))
                .extracting(ApiRequestLog.Call::method).contains("POST", "GET");
        assertThat(requests.calls).filteredOn(call -> call.path().equals("/api/admin/rebuild"))
                .extracting(ApiRequestLog.Call::authorization)
                .containsOnly("Bearer " + identity.accessTokens.getLast());
        browser.driver.executeScript("document.getElementById('admin').scrollIntoView()");
        browser.screenshot("dashboard-rebuild");
    }
}
