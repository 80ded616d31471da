package ru.outreach.reporting;

import static org.springframework.http.HttpMethod.GET;
import static ru.outreach.kit.security.Duties.ADMINISTRATOR;
import static ru.outreach.kit.security.Duties.HEAD;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.outreach.kit.security.AccessRules;

/**
 * Who may do what in the reporting service (README, "Who may do what"); whatever is not named here is denied. The
 * dashboard's static files are served without a token ({@code outreach.security.public-paths}); its data is not.
 */
@Configuration(proxyBeanMethods = false)
class Access {

    @Bean
    AccessRules reportingAccess() {
        return requests -> requests
                .requestMatchers("/api/admin/**").hasAuthority(ADMINISTRATOR)
                // the dashboard's labels: the head reads the reports, the administrator rebuilds from the same page
                .requestMatchers(GET, "/api/reports/labels").hasAnyAuthority(HEAD, ADMINISTRATOR)
                .requestMatchers(GET, "/api/reports/**").hasAuthority(HEAD);
    }
}
