package ru.outreach.meetings;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static ru.outreach.kit.security.Duties.ADMINISTRATOR;
import static ru.outreach.kit.security.Duties.CONTROLLER;
import static ru.outreach.kit.security.Duties.PD_OFFICER;
import static ru.outreach.kit.security.Duties.SECRETARY;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.outreach.kit.security.AccessRules;

/**
 * Who may do what in the meetings service (README, "Who may do what"); whatever is not named here is denied. The
 * first rule that matches a request decides, so the narrower paths come first. The duty is checked here, before the
 * request is read; the scope (a secretary's own group) and the citizens' details are checked by the services.
 */
@Configuration(proxyBeanMethods = false)
class Access {

    @Bean
    AccessRules meetingsAccess() {
        return requests -> requests
                // the personal-data officer alone reads who read citizens' details
                .requestMatchers(GET, "/api/audit/personal-data-reads").hasAuthority(PD_OFFICER)
                // the administrator keeps the register of information groups
                .requestMatchers(POST, "/api/groups").hasAuthority(ADMINISTRATOR)
                .requestMatchers(PUT, "/api/groups/*").hasAuthority(ADMINISTRATOR)
                .requestMatchers(GET, "/api/groups", "/api/groups/*")
                .hasAnyAuthority(SECRETARY, CONTROLLER, ADMINISTRATOR)
                // the control department receives the minutes
                .requestMatchers(POST, "/api/meetings/*/minutes/hand-over").hasAuthority(CONTROLLER)
                // the secretary: the territory brief, the meetings and their minutes, the publication of the results
                .requestMatchers(GET, "/api/meetings/*/brief", "/api/territories/*/brief").hasAuthority(SECRETARY)
                .requestMatchers(POST, "/api/meetings", "/api/meetings/*/*", "/api/meetings/*/minutes/**")
                .hasAuthority(SECRETARY)
                .requestMatchers(PUT, "/api/meetings/*/minutes").hasAuthority(SECRETARY)
                // reads: the secretary's own work, and the control department's deadlines
                .requestMatchers(GET, "/api/meetings", "/api/meetings/*", "/api/meetings/*/minutes",
                        "/api/meetings/*/minutes/protocol.pdf", "/api/minutes", "/api/quarterly-rule/**")
                .hasAnyAuthority(SECRETARY, CONTROLLER);
    }
}
