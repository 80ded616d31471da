package ru.outreach.kit.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Actor} out of an access token, or out of the request being served. */
public final class Actors {

    static final String USERNAME = "preferred_username";
    static final String FULL_NAME = "name";
    static final String GROUP = "outreach_group";
    static final String DEPARTMENT = "outreach_department";

    private Actors() {
    }

    /** The actor of the request being served; refused when the request carries no token. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("No access token in this request");
    }

    /**
     * Whom the request being served acts for, as a stable identifier: the token's subject ({@code sub}), or its
     * username when it has none. Keys a person chose (an idempotency key) are scoped by it.
     */
    public static String currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            String subject = token.getToken().getSubject();
            return subject != null && !subject.isBlank() ? subject : "username:" + from(token.getToken()).username();
        }
        throw new AuthenticationCredentialsNotFoundException("No access token in this request");
    }

    public static Actor from(Jwt jwt) {
        String username = jwt.hasClaim(USERNAME) ? jwt.getClaimAsString(USERNAME) : jwt.getSubject();
        String fullName = jwt.hasClaim(FULL_NAME) ? jwt.getClaimAsString(FULL_NAME) : username;
        return new Actor(username, fullName, duties(jwt), jwt.getClaimAsString(GROUP),
                jwt.getClaimAsString(DEPARTMENT));
    }

    /** The roles of {@code realm_access.roles}; none when the claim is missing or not of that shape. */
    static Set<String> duties(Jwt jwt) {
        Set<String> duties = new LinkedHashSet<>();
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> realm
                && realm.get("roles") instanceof Collection<?> roles) {
            roles.stream().filter(String.class::isInstance).map(String.class::cast).forEach(duties::add);
        }
        return duties;
    }
}
