package ru.outreach.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A service under test trusts the {@link TestTokens} (their key and issuer), checked with the production validators,
 * and puts its actuator on a free management port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = {
        "spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION,
        "outreach.security.issuer-uri=" + TestTokens.ISSUER,
        "management.server.port=0"})
public @interface TestIdentity {

    /** The same, as command-line arguments of a service started with {@code SpringApplicationBuilder.run}. */
    String[] ARGUMENTS = {
            "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION,
            "--outreach.security.issuer-uri=" + TestTokens.ISSUER,
            "--management.server.port=0"};
}
