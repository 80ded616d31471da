package ru.outreach.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final AtomicInteger decoded = new AtomicInteger();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwtTimestampValidator validator = validator();

    private JwtTimestampValidator validator() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        });
        return timestamps;
    }

    /** Stands for the signature check: counts its calls, refuses "forged", and validates as the real decoder does. */
    private final JwtDecoder decoder = token -> {
        decoded.incrementAndGet();
        if (token.equals("forged")) {
            throw new BadJwtException("bad signature");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("clerk").issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(300)).build();
        var result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("invalid", result.getErrors());
        }
        return jwt;
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(decoder, validator, 100, Duration.ofMinutes(10));

    @Test
    void aVerifiedTokenIsNotVerifiedAgain() {
        Jwt first = cache.decode("token-a");
        Jwt second = cache.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(1);
        cache.decode("token-b");
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRememberedTokenThatHasExpiredSinceIsRefusedAsTheDecoderRefusesIt() {
        cache.decode("token-a");
        clock = Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC);

        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasValue(2);
    }
}
