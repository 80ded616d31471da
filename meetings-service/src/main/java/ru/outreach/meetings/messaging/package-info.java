/** Kafka wiring of the service: the topics it publishes to and the broker's health. */
package ru.outreach.meetings.messaging;
