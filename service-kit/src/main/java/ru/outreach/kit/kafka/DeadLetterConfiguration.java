package ru.outreach.kit.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A record that fails is retried a bounded number of times with a growing pause (an unreadable one is not retried),
 * then published to {@code <topic>.DLT} on the same partition with the failure in its headers, and counted as
 * {@code outreach.dead.letters}; the partition moves on. Boot's listener container factory picks the handler up.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String SUFFIX = ".DLT";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(ConsumerProperties consumer, KafkaTopicsProperties topics) {
        return new KafkaAdmin.NewTopics(consumer.inputTopics().stream()
                .map(topic -> TopicBuilder.name(topic + SUFFIX)
                        .partitions(topics.partitions()).replicas(topics.replicas())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                                String.valueOf(topics.deadLetterRetention().toMillis())))
                        .build())
                .toArray(NewTopic[]::new));
    }

    /** A service that needs another error handling declares its own {@link CommonErrorHandler}. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetterErrorHandler(KafkaOperations<?, ?> kafka, ConsumerProperties consumer,
                                               MeterRegistry registry) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(record.topic() + SUFFIX, record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(consumer.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(consumer.retryMaxBackoff().toMillis());
        backOff.setMaxAttempts(consumer.retries());
        consumer.inputTopics().forEach(topic -> counter(registry, topic));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            log.warn("Record {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), rootMessage(exception));
            deadLetters.accept(record, exception);
            counter(registry, record.topic()).increment();
        }, backOff);
        handler.addNotRetryableExceptions(UnreadableRecordException.class);
        return handler;
    }

    private static Counter counter(MeterRegistry registry, String topic) {
        return Counter.builder("outreach.dead.letters").tag("topic", topic)
                .description("Input records published to the dead-letter topic after bounded retries")
                .register(registry);
    }

    private static String rootMessage(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
