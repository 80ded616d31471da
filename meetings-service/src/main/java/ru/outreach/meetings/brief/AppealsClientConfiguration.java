package ru.outreach.meetings.brief;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The client of the appeals service: it signs in as the meetings service itself (client credentials, registration
 * {@code appeals}: a token with the {@code territory-brief} duty, renewed before it expires) and never passes on the
 * token of the person who asked for the brief.
 */
@Configuration(proxyBeanMethods = false)
class AppealsClientConfiguration {

    static final String REGISTRATION = "appeals";
    /** The one principal the service's own token is kept for, whoever asked for the brief. */
    private static final Authentication SERVICE = new AnonymousAuthenticationToken("meetings-service",
            "meetings-service", AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

    @Bean
    @Qualifier(REGISTRATION)
    RestClient appealsClient(AppealsClientProperties properties,
                             ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials()
                .build());
        OAuth2ClientHttpRequestInterceptor token = new OAuth2ClientHttpRequestInterceptor(manager);
        token.setClientRegistrationIdResolver(request -> REGISTRATION);
        token.setPrincipalResolver(request -> SERVICE);
        // a token the appeals service refuses is dropped, so the next call asks for a new one
        token.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
        return RestClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()))
                .requestInterceptor(token)
                .build();
    }
}
