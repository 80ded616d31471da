package ru.outreach.kit.security;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A {@link JwtDecoder} that remembers the tokens it has verified, so that a person's next requests with the same
 * token skip parsing and the RSA signature check (a tenth of the CPU of a small request, measured). The validator
 * (expiry, not-before, issuer, audience) still runs on every request, on the remembered token: a token that has
 * expired since is forgotten and decoded again, which refuses it exactly as the decoder does. Only a token that
 * passed the full check is remembered, and the cache is bounded in size and in time.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param decoder   the full check: signature, then {@code validator}
     * @param validator the checks of the claims that the decoder runs, run again on every remembered token
     */
    VerifiedTokenCache(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int maximumSize,
                       Duration rememberedFor) {
        this.decoder = decoder;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(rememberedFor).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered != null && !validator.validate(remembered).hasErrors()) {
            return remembered;
        }
        verified.invalidate(token);
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
