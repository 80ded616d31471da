package ru.outreach.staffweb;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services' APIs are. */
@ConfigurationProperties("outreach.staff-web")
public record StaffWebProperties(String meetingsUrl, String appealsUrl, String reportingUrl) {

    /** The city's zone: "today" on the pages. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
}
