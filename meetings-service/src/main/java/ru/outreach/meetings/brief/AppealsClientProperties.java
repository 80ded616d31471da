package ru.outreach.meetings.brief;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the appeals service answers. Time limit and circuit breaker: {@code resilience4j.*.instances.appeals}. */
@ConfigurationProperties("outreach.appeals")
record AppealsClientProperties(@DefaultValue("http://127.0.0.1:8082") URI baseUrl) {
}
