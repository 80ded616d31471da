package ru.outreach.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.outreach.testkit.TestStore;
import ru.outreach.testkit.TestIdentity;
import ru.outreach.testkit.TestTokens;

/**
 * The admin button of the dashboard: it asks before it starts, then shows the rebuild's progress until it is done.
 * A service of its own (the rebuild drops the read models), on empty topics.
 */
@TestIdentity
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1)
class DashboardRebuildIT {

    /** The page takes its access token after '#token=' in its address: the head's, who is also the administrator. */
    private static final String TOKEN = "#token=" + TestTokens.token(TestTokens.Person.with("head-admin", "head",
            "administrator"));

    @RegisterExtension
    static final Browser browser = new Browser(1366, 768);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestStore.uri("dashboard-rebuild"));
    }

    @Test
    void rebuildAsksFirstAndShowsItsProgressToTheEnd() throws IOException {
        browser.driver.get("http://127.0.0.1:" + port + "/" + TOKEN);
        browser.waiting().until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);

        browser.driver.findElement(By.id("rebuild")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rebuild-status"),
                "Перестройка завершена"));
        assertThat(browser.driver.findElement(By.id("rebuild")).isEnabled()).isTrue();
        browser.driver.executeScript("document.getElementById('admin').scrollIntoView()");
        browser.screenshot("dashboard-rebuild");
    }
}
