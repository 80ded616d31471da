/**
 * The in-document outbox: an aggregate's state change and the events it raises are written in one single-document
 * update (the store has no multi-document transactions); a relay publishes the pending events to Kafka in order and
 * then removes them; a sweep at start-up and on an interval publishes whatever a crash left behind.
 */
package ru.outreach.kit.outbox;
