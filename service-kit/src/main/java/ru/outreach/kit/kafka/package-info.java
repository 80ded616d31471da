/** Kafka wiring shared by the services: the contract's topics and the broker's health. */
package ru.outreach.kit.kafka;
