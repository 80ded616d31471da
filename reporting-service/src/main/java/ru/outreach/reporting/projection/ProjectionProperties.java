package ru.outreach.reporting.projection;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param groupId the consumer group of the live listener (retries and dead letters: {@code outreach.consumer.*}) */
@ConfigurationProperties("outreach.reporting")
record ProjectionProperties(@DefaultValue("reporting-service") String groupId) {
}
