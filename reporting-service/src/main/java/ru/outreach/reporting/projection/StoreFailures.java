package ru.outreach.reporting.projection;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * A batch that fails because the store is away (or another writer kept changing its documents) is not the records'
 * fault: it is retried with a growing pause, up to {@link #MAX_PAUSE}, until the store answers, and no record of it
 * goes to the dead-letter topic. Its offsets are not committed meanwhile, so what the consumer commits is only what
 * the read models hold. Other failures keep the service kit's bounded retries and dead-letter topic.
 */
@Component
class StoreFailures implements SmartInitializingSingleton {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final DefaultErrorHandler errors;

    StoreFailures(DefaultErrorHandler errors) {
        this.errors = errors;
    }

    @Override
    public void afterSingletonsInstantiated() {
        errors.setBackOffFunction(StoreFailures::backOff);
    }

    /** Unbounded retries while the store is away; null: the kit's bounded ones. */
    static BackOff backOff(ConsumerRecord<?, ?> record, Exception exception) {
        if (!isStoreUnavailable(exception)) {
            return null;
        }
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_PAUSE.toMillis(), 2.0);
        backOff.setMaxInterval(MAX_PAUSE.toMillis());
        return backOff;
    }

    /** Whether a failure says the store is away or busy rather than that something is wrong with the records. */
    static boolean isStoreUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
