package ru.outreach.reporting.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard signs the head in (OpenID Connect, authorization code with PKCE, in the page itself).
 *
 * @param issuerUri the identity provider's issuer (the Keycloak realm {@code outreach}); the page discovers its
 *                  endpoints from {@code <issuer>/.well-known/openid-configuration}
 * @param clientId  the public client the page signs in as
 * @param signIn    whether the page signs in at all; without it the page calls the API without a token
 */
@ConfigurationProperties("outreach.dashboard")
record DashboardProperties(@DefaultValue("http://127.0.0.1:8180/realms/outreach") String issuerUri,
                           @DefaultValue("outreach-dashboard") String clientId,
                           @DefaultValue("true") boolean signIn) {
}
