package ru.outreach.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

import ru.outreach.kit.kafka.ConsumerProperties;
import ru.outreach.kit.kafka.KafkaTopicsProperties;
import ru.outreach.kit.outbox.OutboxProperties;

/**
 * Switches the kit on in every service that has it on its class path. It goes before Boot's MongoDB configuration so
 * that its date conversions and its store health check take the place of Boot's.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration"})
// the web edge and the idempotency key are auto-configurations of explicit beans of their own
// (KitWebAutoConfiguration, IdempotencyAutoConfiguration)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "ru\\.outreach\\.kit\\.(web|idempotency)\\..*"))
@EnableScheduling
@EnableConfigurationProperties({OutboxProperties.class, KafkaTopicsProperties.class, ConsumerProperties.class})
public class KitAutoConfiguration {

    /**
     * The administration's local time: dates of meetings and deadlines are local dates there. {@code outreach.clock.start}
     * (an instant, e.g. {@code 2026-11-28T23:30:00Z}) starts the clock at another moment, for tests of any hour.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${outreach.zone:Europe/Moscow}") ZoneId zone,
                @Value("${outreach.clock.start:}") String start) {
        Clock system = Clock.system(zone);
        if (start.isBlank()) {
            return system;
        }
        return Clock.offset(system, Duration.between(system.instant(), Instant.parse(start.trim())));
    }
}
