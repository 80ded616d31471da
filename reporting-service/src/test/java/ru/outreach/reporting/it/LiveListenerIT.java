package ru.outreach.reporting.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.MessageListenerContainer;

import ru.outreach.reporting.projection.ProjectionListenerIds;

/** The live listener commits a batch's offsets only after the projection applied it, never on its own. */
class LiveListenerIT extends IntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Test
    void offsetsAreCommittedByTheContainerAfterEachAppliedBatch() {
        MessageListenerContainer live = listeners.getListenerContainer(ProjectionListenerIds.LIVE);
        assertThat(live).isNotNull();
        assertThat(live.isRunning()).as("started once the read models were repaired").isTrue();
        assertThat(live.getContainerProperties().getAckMode()).isEqualTo(AckMode.BATCH);
        assertThat(consumers.getConfigurationProperties().get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))
                .isIn(false, "false");
    }
}
