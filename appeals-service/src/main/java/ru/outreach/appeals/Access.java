package ru.outreach.appeals;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static ru.outreach.kit.security.Duties.ADMINISTRATOR;
import static ru.outreach.kit.security.Duties.CONTROLLER;
import static ru.outreach.kit.security.Duties.EXECUTOR;
import static ru.outreach.kit.security.Duties.GENERAL_DEPARTMENT;
import static ru.outreach.kit.security.Duties.HEAD;
import static ru.outreach.kit.security.Duties.PD_OFFICER;
import static ru.outreach.kit.security.Duties.SECRETARY;
import static ru.outreach.kit.security.Duties.TERRITORY_BRIEF;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.outreach.kit.security.AccessRules;

/**
 * Who may do what in the appeals service (README, "Who may do what"); whatever is not named here is denied. The
 * first rule that matches a request decides, so the narrower paths come first.
 */
@Configuration(proxyBeanMethods = false)
class Access {

    @Bean
    AccessRules appealsAccess() {
        return requests -> requests
                // the meetings service's own account, for the brief before a meeting
                .requestMatchers(GET, "/api/territories/*/open-problems").hasAuthority(TERRITORY_BRIEF)
                // the classifier, read by everyone who files or reads an appeal
                .requestMatchers(GET, "/api/categories")
                .hasAnyAuthority(SECRETARY, GENERAL_DEPARTMENT, EXECUTOR, CONTROLLER, HEAD, ADMINISTRATOR)
                // the general department: every step of an appeal, the queue, the citizen's details
                .requestMatchers(POST, "/api/appeals", "/api/appeals/*/*").hasAuthority(GENERAL_DEPARTMENT)
                .requestMatchers(GET, "/api/appeals/registration-queue").hasAuthority(GENERAL_DEPARTMENT)
                // the list carries no personal data: also the executors' and the control department's
                .requestMatchers(GET, "/api/appeals").hasAnyAuthority(GENERAL_DEPARTMENT, EXECUTOR, CONTROLLER)
                // the appeal itself: the citizen's details only to the general department and the executor of the
                // department it is assigned to (AppealController), an executor only his department's appeals
                .requestMatchers(GET, "/api/appeals/*").hasAnyAuthority(GENERAL_DEPARTMENT, EXECUTOR, CONTROLLER)
                // instructions: the executor accepts, reports and asks for more time; the controller does the rest
                .requestMatchers(POST, "/api/instructions/*/acceptance", "/api/instructions/*/reports",
                        "/api/instructions/*/extension-request")
                .hasAuthority(EXECUTOR)
                .requestMatchers(POST, "/api/instructions", "/api/instructions/*/return",
                        "/api/instructions/*/closing", "/api/instructions/*/extension-request/grant",
                        "/api/instructions/*/extension-request/refusal")
                .hasAuthority(CONTROLLER)
                .requestMatchers(GET, "/api/instructions", "/api/instructions/*").hasAnyAuthority(EXECUTOR, CONTROLLER)
                // the personal-data audit: the officer alone reads it; nobody changes or deletes it
                .requestMatchers(GET, "/api/audit/personal-data-reads", "/api/audit/erasure-acts")
                .hasAuthority(PD_OFFICER)
                // the retention job, run by hand
                .requestMatchers(POST, "/api/admin/retention/run").hasAuthority(ADMINISTRATOR);
    }
}
