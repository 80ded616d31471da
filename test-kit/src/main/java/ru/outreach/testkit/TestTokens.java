package ru.outreach.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as the administration's identity provider issues them (RS256, {@code iss}, {@code aud}, {@code exp},
 * {@code preferred_username}, {@code name}, {@code realm_access.roles}, {@code outreach_group},
 * {@code outreach_department}), signed with a fixed test key whose public half the services under test trust
 * ({@link #PUBLIC_KEY_LOCATION}, {@link #ISSUER}). The services check them with the same validators as in production.
 */
public final class TestTokens {

    /** The issuer the services under test are told to accept. */
    public static final String ISSUER = "http://idp.test/realms/outreach";
    public static final String AUDIENCE = "outreach-api";
    /** The test public key, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static final String PUBLIC_KEY_LOCATION = "classpath:ru/outreach/testkit/test-token-key.pub";

    public static final List<String> EVERY_DUTY = List.of("secretary", "general-department", "executor",
            "controller", "head", "administrator", "pd-officer", "territory-brief");

    private static final RSAPrivateKey KEY = privateKey();
    private static final Map<Person, Token> CACHE = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /**
     * A member of staff as the token names him.
     *
     * @param group      the information group (a secretary's), or null
     * @param department the department (an executor's), or null
     */
    public record Person(String username, String fullName, List<String> duties, String group, String department) {

        public Person {
            duties = List.copyOf(duties);
        }

        /** Someone with the given duties and no group or department. */
        public static Person with(String username, String... duties) {
            return new Person(username, "Тестовый " + username, List.of(duties), null, null);
        }

        public Person inGroup(String group) {
            return new Person(username, fullName, duties, group, department);
        }

        public Person inDepartment(String department) {
            return new Person(username, fullName, duties, group, department);
        }
    }

    /** The test person who has every duty: what the services' tests act as unless they say otherwise. */
    public static Person everyDuty() {
        return new Person("tester", "Тестов Тест Тестович", EVERY_DUTY, "Тестовая информационная группа",
                "Тестовый отдел");
    }

    /** A valid token of {@code person} for 15 minutes. */
    public static String token(Person person) {
        return sign(person, claims -> claims);
    }

    /** A token of {@code person} with its claims changed: expired, of another issuer, for another audience. */
    public static String sign(Person person, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.nameUUIDFromBytes(person.username().getBytes(StandardCharsets.UTF_8)).toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("azp", "outreach-cli")
                .claim("preferred_username", person.username())
                .claim("name", person.fullName())
                .claim("realm_access", Map.of("roles", person.duties()));
        if (person.group() != null) {
            claims.claim("outreach_group", person.group());
        }
        if (person.department() != null) {
            claims.claim("outreach_department", person.department());
        }
        return sign(change.apply(claims).build());
    }

    public static String expired(Person person) {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        return sign(person, claims -> claims.issueTime(Date.from(hourAgo))
                .expirationTime(Date.from(hourAgo.plus(Duration.ofMinutes(15)))));
    }

    public static String ofIssuer(Person person, String issuer) {
        return sign(person, claims -> claims.issuer(issuer));
    }

    public static String forAudience(Person person, String audience) {
        return sign(person, claims -> claims.audience(audience));
    }

    /** Signs any claims with the test key. */
    public static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Bearer <token>} of {@code person}, signed again shortly before the last one expires. */
    public static String bearer(Person person) {
        Token token = CACHE.compute(person, (who, last) -> last == null
                || last.signedAt().isBefore(Instant.now().minus(Duration.ofMinutes(10)))
                ? new Token(token(who), Instant.now()) : last);
        return "Bearer " + token.value();
    }

    /** An interceptor that sends {@code person}'s token with every request of a {@code RestClient}. */
    public static ClientHttpRequestInterceptor actingAs(Person person) {
        return new ActingAs(person);
    }

    /** The interceptor of {@link #actingAs}; recognisable, so that a client can be told to act as someone else. */
    public record ActingAs(Person person) implements ClientHttpRequestInterceptor {
        @Override
        public org.springframework.http.client.ClientHttpResponse intercept(
                org.springframework.http.HttpRequest request, byte[] body,
                org.springframework.http.client.ClientHttpRequestExecution execution) throws IOException {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, bearer(person));
            return execution.execute(request, body);
        }
    }

    /** The test public key as a PEM file, for a service started as a process ({@code file:} + this path). */
    public static Path publicKeyFile() {
        try (InputStream in = TestTokens.class.getResourceAsStream("test-token-key.pub")) {
            Path file = Files.createTempFile("outreach-test-token-key", ".pub");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Token(String value, Instant signedAt) {
    }

    private static RSAPrivateKey privateKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("test-token-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
