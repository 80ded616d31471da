package ru.outreach.events;

/**
 * An event of the cross-service contract. The aggregate id is the Kafka record key, so one aggregate's events stay
 * in order; the version grows by one with every event of the aggregate, so consumers can ignore stale redeliveries.
 */
public interface ContractEvent {

    String aggregateId();

    long version();

    /** The CloudEvents {@code ce_type}: a reverse-DNS name of the record, e.g. {@code ru.outreach.MeetingHeld}. */
    default String type() {
        return typeName(getClass());
    }

    static String typeName(Class<?> eventClass) {
        return "ru.outreach." + eventClass.getSimpleName();
    }
}
