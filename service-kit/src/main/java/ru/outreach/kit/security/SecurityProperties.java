package ru.outreach.kit.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which tokens a service accepts, and what it serves without one. The signing keys come from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (by default the issuer's
 * {@code /protocol/openid-connect/certs}, fetched at the first request, so a service starts while the provider is still
 * starting) or, for tests, from {@code spring.security.oauth2.resourceserver.jwt.public-key-location}.
 *
 * @param issuerUri   the issuer every token must name ({@code iss}), e.g. {@code http://127.0.0.1:8180/realms/outreach}
 * @param audience    what every token's {@code aud} must contain
 * @param publicPaths GET paths served without a token besides the API docs and Swagger UI: static pages
 */
@ConfigurationProperties("outreach.security")
public record SecurityProperties(@DefaultValue("http://127.0.0.1:8180/realms/outreach") String issuerUri,
                                 @DefaultValue("outreach-api") String audience,
                                 @DefaultValue({}) List<String> publicPaths) {

    /** The provider's endpoints below the issuer (Keycloak's layout, as most providers' discovery documents say). */
    public String endpoint(String name) {
        return issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/" + name;
    }
}
