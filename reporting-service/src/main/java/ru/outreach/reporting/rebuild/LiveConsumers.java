package ru.outreach.reporting.rebuild;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import ru.outreach.reporting.projection.ProjectionListenerIds;

/**
 * The live listener of this instance, and the consumer group of all instances' live listeners: a rebuild replays the
 * topics only once no live consumer is left in the group, so no instance writes to the read models it is about to
 * replace, and every offset committed is below the ends it replays to.
 */
@Component
class LiveConsumers {

    private final KafkaListenerEndpointRegistry listeners;
    private final AdminClient admin;
    private final String groupId;

    LiveConsumers(KafkaListenerEndpointRegistry listeners, AdminClient admin,
                  @Value("${outreach.reporting.group-id:reporting-service}") String groupId) {
        this.listeners = listeners;
        this.admin = admin;
        this.groupId = groupId;
    }

    void stop() {
        MessageListenerContainer live = container();
        if (live != null && live.isRunning()) {
            live.stop();
        }
    }

    void start() {
        MessageListenerContainer live = container();
        if (live != null && !live.isRunning()) {
            live.start();
        }
    }

    boolean running() {
        MessageListenerContainer live = container();
        return live != null && live.isRunning();
    }

    /** Waits until the group has no member (every instance stopped its live listener); false after the timeout. */
    boolean awaitGroupEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                        .describedGroups().get(groupId).get(5, TimeUnit.SECONDS);
                if (group.members().isEmpty()) {
                    return true;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the broker did not answer: ask again until the deadline
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
    }

    private MessageListenerContainer container() {
        return listeners.getListenerContainer(ProjectionListenerIds.LIVE);
    }
}
