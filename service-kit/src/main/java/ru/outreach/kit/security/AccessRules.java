package ru.outreach.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's answer to "who may do what": which duties may call which of its operations, as request matchers. The
 * kit's filter chain applies every {@code AccessRules} bean and then denies whatever none of them named, so a new
 * endpoint is closed until someone decides who may call it. The duties are checked before the request is read, so a
 * caller without the duty learns nothing from the validation of his body.
 */
@FunctionalInterface
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
