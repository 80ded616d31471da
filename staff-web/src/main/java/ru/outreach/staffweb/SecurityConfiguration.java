package ru.outreach.staffweb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in with OpenID Connect (authorization code with PKCE, the confidential client {@code outreach-staff-web}); the
 * tokens stay in the server's session, the browser holds only the session cookie. The duties come from the access
 * token's {@code realm_access.roles}, the group and department from its {@code outreach_group} and
 * {@code outreach_department}. Signing out ends the provider's session too (RP-initiated logout).
 */
@Configuration
public class SecurityConfiguration {

    static final String REGISTRATION = "keycloak";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @Order(1)
    SecurityFilterChain managementSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pagesSecurity(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/staff.css", "/signed-out", "/error").permitAll()
                        .requestMatchers("/meetings/**").hasAuthority("secretary")
                        .requestMatchers("/registration-queue/**").hasAuthority("general-department")
                        .requestMatchers("/appeals/**").hasAuthority("general-department")
                        .requestMatchers("/instructions/**").hasAuthority("executor")
                        .requestMatchers("/department-appeals/**").hasAuthority("executor")
                        .requestMatchers("/control/**").hasAuthority("controller")
                        .requestMatchers("/minutes/**").hasAuthority("controller")
                        .requestMatchers("/audit/**").hasAuthority("pd-officer")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService())))
                .logout(out -> out.logoutSuccessHandler(logout));
        return http.build();
    }

    /** The person as the ID token names him, with the duties and claims of his access token. */
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> access = payload(request.getAccessToken().getTokenValue());
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (String duty : roles(access)) {
                authorities.add(new SimpleGrantedAuthority(duty));
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            if (user.getUserInfo() != null) {
                claims.putAll(user.getUserInfo().getClaims());
            }
            for (String key : List.of("sub", "name", "preferred_username", "outreach_group", "outreach_department")) {
                if (access.get(key) != null) {
                    claims.put(key, access.get(key));
                }
            }
            claims.put("sub", user.getSubject());
            claims.put("duties", roles(access));
            return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(claims), "sub");
        };
    }

    /**
     * The claims of the access token, read without checking its signature: it came straight from the provider's
     * token endpoint over the back channel; the services check it whenever it is used.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Map.of();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            return JSON.readValue(new String(json, StandardCharsets.UTF_8), Map.class);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> roles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof List<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
