package ru.outreach.appeals.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The intake and its dead letters carry citizens' personal data (152-FZ): they are kept for a bounded time only. */
class DeadLetterRetentionIT extends IntegrationTest {

    @Test
    void theIntakeAndItsDeadLettersAreKeptForThirtyDaysAndTheEventsForever() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, "meetings.intake.v1.DLT");
            ConfigResource intake = new ConfigResource(ConfigResource.Type.TOPIC, "meetings.intake.v1");
            ConfigResource appeals = new ConfigResource(ConfigResource.Type.TOPIC, "appeals.v1");
            var configs = admin.describeConfigs(List.of(deadLetters, intake, appeals)).all().get();

            assertThat(configs.get(deadLetters).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
            assertThat(configs.get(intake).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
            assertThat(configs.get(appeals).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }
}
