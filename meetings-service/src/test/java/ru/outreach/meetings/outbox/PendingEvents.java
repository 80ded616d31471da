package ru.outreach.meetings.outbox;

import java.util.List;

import ru.outreach.events.ContractEvent;

/** Lets unit tests of aggregates read the events recorded and not yet stored. */
public final class PendingEvents {

    private PendingEvents() {
    }

    public static List<ContractEvent> of(AggregateRoot aggregate) {
        return aggregate.pendingEvents();
    }
}
