package ru.outreach.appeals.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the retention on its schedule ({@code outreach.appeals.retention.cron}, nightly by default). */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${outreach.appeals.retention.cron:0 30 2 * * *}", zone = "${outreach.zone:Europe/Moscow}")
    void run() {
        try {
            retention.run("schedule");
        } catch (RuntimeException e) {
            log.warn("Retention run failed, the next run retries: {}", e.toString());
        }
    }
}
