package ru.outreach.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class ConflictsTest {

    @Test
    void aStepRefusedBecauseTheDocumentChangedMeanwhileIsDoneAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Conflicts.retried(() -> {
            if (attempts.incrementAndGet() < Conflicts.ATTEMPTS) {
                throw new OptimisticLockingFailureException("changed by the terms check");
            }
            return "answered";
        });
        assertThat(result).isEqualTo("answered");
        assertThat(attempts).hasValue(Conflicts.ATTEMPTS);
    }

    @Test
    void aDocumentThatKeepsChangingIsAConflictAndOtherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Conflicts.retried(() -> {
            attempts.incrementAndGet();
            throw new OptimisticLockingFailureException("changed again");
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(attempts).hasValue(Conflicts.ATTEMPTS);

        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> Conflicts.retried(() -> {
            refused.incrementAndGet();
            throw new IllegalStateException("not allowed in this state");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(refused).hasValue(1);
    }
}
