package ru.outreach.kit.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import ru.outreach.events.Topics;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics meetingsTopics(KafkaTopicsProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic.name())
                        .partitions(properties.partitions())
                        .replicas(properties.replicas())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, topic.personalData()
                                ? String.valueOf(properties.personalDataRetention().toMillis()) : "-1"))
                        .build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    AdminClient healthAdminClient(KafkaAdmin admin) {
        return AdminClient.create(admin.getConfigurationProperties());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient healthAdminClient) {
        return new KafkaHealthIndicator(healthAdminClient, Duration.ofSeconds(3));
    }
}
