package ru.outreach.kit.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import ru.outreach.kit.web.Problems;

/**
 * Every service a resource server that denies by default, as a Boot library: each bean backs off when a service
 * declares its own. Without a token only the API docs, Swagger UI and {@code outreach.security.public-paths} are
 * served, and on the management port the health probes and the Prometheus scrape; everything else needs a valid
 * token with a duty that the service's {@link AccessRules} allow for the operation; what they do not name is denied.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"},
        afterName = "ru.outreach.kit.web.KitWebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class KitSecurityAutoConfiguration {

    static final String JWT = "spring.security.oauth2.resourceserver.jwt.";
    /** Swagger UI and the OpenAPI documents describe operations, not data. */
    static final List<String> API_DOCS = List.of("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs",
            "/v3/api-docs/**");

    /** Signature (RS256), issuer, audience, expiry; a verified token's signature is not checked again. */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder outreachJwtDecoder(SecurityProperties properties, Environment environment, ResourceLoader resources) {
        String keyLocation = environment.getProperty(JWT + "public-key-location");
        NimbusJwtDecoder decoder;
        if (StringUtils.hasText(keyLocation)) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources, keyLocation))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            decoder = NimbusJwtDecoder.withJwkSetUri(environment.getProperty(JWT + "jwk-set-uri",
                    properties.endpoint("certs"))).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new JwtAudienceValidator(properties.audience()));
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, 1_000, Duration.ofMinutes(10));
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key " + location, e);
        }
    }

    /** Duties from {@code realm_access.roles}, each an authority of its own name; the principal is the username. */
    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter outreachJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(Actors.USERNAME);
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Actors.duties(jwt).stream()
                .<org.springframework.security.core.GrantedAuthority>map(SimpleGrantedAuthority::new).toList());
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers outreachSecurityProblems(MessageSource messages,
                                                     ObjectProvider<LocaleResolver> locales) {
        return new ProblemSecurityHandlers(new Problems(messages), locales);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain outreachSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
            JwtDecoder decoder, JwtAuthenticationConverter converter, ProblemSecurityHandlers problems,
            ObjectProvider<AccessRules> rules) {
        http.authorizeHttpRequests(requests -> {
                    // the error page renders a refusal that the chain or Tomcat already decided
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                            .requestMatchers(HttpMethod.GET, API_DOCS.toArray(String[]::new)).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(HttpMethod.GET, properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    rules.orderedStream().forEach(rule -> rule.configure(requests));
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // bearer tokens, no cookies: nothing for a cross-site request to ride on, no session to keep
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** A controller method's {@link Actor} parameter: who acts, from the token. */
    @Bean
    WebMvcConfigurer outreachActorArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }
        };
    }

    /** Swagger UI signs in through the provider (authorization code with PKCE) and sends the token everywhere. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class ApiDocs {

        static final String SCHEME = "outreach";

        static {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        }

        @Bean
        @ConditionalOnMissingBean(name = "outreachOpenApiSecurity")
        org.springdoc.core.customizers.OpenApiCustomizer outreachOpenApiSecurity(SecurityProperties properties) {
            return openApi -> {
                if (openApi.getComponents() == null) {
                    openApi.setComponents(new Components());
                }
                openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Вход через поставщика удостоверений (OpenID Connect)")
                        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                .authorizationUrl(properties.endpoint("auth"))
                                .tokenUrl(properties.endpoint("token")))));
                if (openApi.getPaths() != null) {
                    openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                            operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)))));
                }
            };
        }
    }
}
