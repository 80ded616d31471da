/**
 * The in-document outbox: an aggregate's state change and the events it raises are written in one single-document
 * update (the store has no multi-document transactions); a relay publishes the pending events to Kafka in order and
 * then removes them, holding a lease in the document so that two replicas never publish the same document at once;
 * a sweep at start-up and on an interval publishes whatever a crash left behind, finding it by the flag
 * {@code outboxPending} that the same write sets ({@link ru.outreach.kit.outbox.PendingFlag}). A create may carry an
 * idempotency key, kept in the created document.
 */
package ru.outreach.kit.outbox;
