package ru.outreach.appeals.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.outreach.appeals.appeal.AppealService;
import ru.outreach.appeals.instruction.InstructionService;

/**
 * Looks for terms that passed and deadlines that come near, on an interval ({@code outreach.terms.check-interval}).
 * Every signal is raised once per appeal or instruction and due date, so running it often or on several replicas
 * only costs queries (a concurrent second raise loses on the optimistic lock).
 */
@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final AppealService appeals;
    private final InstructionService instructions;

    DeadlineWatch(AppealService appeals, InstructionService instructions) {
        this.appeals = appeals;
        this.instructions = instructions;
    }

    @Scheduled(fixedDelayString = "${outreach.terms.check-interval:1h}", initialDelayString = "${outreach.terms.check-initial-delay:10s}")
    void check() {
        try {
            int missed = appeals.checkTerms();
            int signalled = instructions.signalDeadlines();
            if (missed + signalled > 0) {
                log.info("Deadline check: {} appeal terms missed, {} instruction signals raised", missed, signalled);
            }
        } catch (RuntimeException e) {
            log.warn("Deadline check failed, the next run retries: {}", e.toString());
        }
    }
}
