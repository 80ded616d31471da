package ru.outreach.kit.outbox;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A step that reads an aggregate, changes it and writes it back within one request. The caller sent no version, so a
 * write refused because the document changed since the read (a scheduled check recorded a missed term meanwhile) is
 * no conflict of his: the step is done again on the fresh document, whose rules are checked again. Three attempts;
 * a document that keeps changing is answered as a conflict.
 */
public final class Conflicts {

    static final int ATTEMPTS = 3;

    private Conflicts() {
    }

    public static <T> T retried(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt >= ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }
}
