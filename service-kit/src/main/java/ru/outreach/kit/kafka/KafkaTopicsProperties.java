package ru.outreach.kit.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service's topics are created when they do not exist yet. Events are kept forever (retention -1): the
 * reporting service rebuilds its read models from the beginning of the log.
 */
@ConfigurationProperties("outreach.kafka.topics")
public record KafkaTopicsProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
}
