package ru.outreach.kit.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;

import ru.outreach.events.ContractEvent;

/**
 * An aggregate whose changes are published as contract events. Every recorded event raises the version by one and
 * carries it; the version is also the optimistic lock of the document.
 */
public abstract class AggregateRoot {

    @Id
    protected String id;

    protected long version;

    @Transient
    private final List<ContractEvent> pendingEvents = new ArrayList<>();

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    /** Records an event built with the aggregate's next version. */
    protected void record(LongFunction<? extends ContractEvent> event) {
        version++;
        pendingEvents.add(event.apply(version));
    }

    /** Events recorded and not stored yet (for tests of aggregates). */
    public List<ContractEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** The version of the document as it is in the store, before the pending events. */
    long storedVersion() {
        return version - pendingEvents.size();
    }

    void markStored() {
        pendingEvents.clear();
    }

    /** The CloudEvents subject of this aggregate's events, e.g. {@code meeting/42}. */
    protected abstract String subject();
}
