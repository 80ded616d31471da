package ru.outreach.kit.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service's topics are created when they do not exist yet. Events are kept forever (retention -1): the
 * reporting service rebuilds its read models from the beginning of the log. Dead-letter topics keep their records
 * for {@code deadLetterRetention} only: the intake's dead letters carry citizens' personal data (152-FZ), and a dead
 * letter is for an operator to look at, not to keep. A topic whose records carry personal data (the intake) keeps
 * them for {@code personalDataRetention}: its one reader, the appeals service, stores what it needs within minutes.
 */
@ConfigurationProperties("outreach.kafka.topics")
public record KafkaTopicsProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
                                    @DefaultValue("30d") Duration deadLetterRetention,
                                    @DefaultValue("30d") Duration personalDataRetention) {
}
