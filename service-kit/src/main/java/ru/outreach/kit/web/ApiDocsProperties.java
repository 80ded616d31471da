package ru.outreach.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says of it.
 *
 * @param title       the API's name, e.g. «Outreach meetings API»
 * @param description what it is for, in a sentence or two
 * @param version     the service's version (the build's, filtered into application.yml)
 */
@ConfigurationProperties("outreach.api")
public record ApiDocsProperties(String title, String description, String version) {
}
